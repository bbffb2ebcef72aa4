import { eq, inArray, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, rowsOf, type Tx } from '../db/client.js';
import {
  events,
  funds,
  needs,
  offers,
  organisations,
  projectBudgets,
  projects,
  projectTransactions,
  recommendations,
  solutions,
  workingGroups,
} from '../db/schema/index.js';
import { linkCounterparts } from '../modules/projects/counterparts.js';
import { loadDemoFunding } from './demo-funding.js';
import {
  EventFile,
  FundFile,
  FundingFile,
  NeedFile,
  OfferFile,
  OrganisationFile,
  ProjectFile,
  RecommendationFile,
  readDataFile,
  SolutionFile,
  WorkingGroupFile,
} from './files.js';
import { excluded, inChunks } from './reference.js';

export type DemoCounts = Record<
  | 'organisations'
  | 'solutions'
  | 'events'
  | 'workingGroups'
  | 'funds'
  | 'needs'
  | 'offers'
  | 'recommendations'
  | 'projects'
  | 'appealLines'
  | 'contributions'
  | 'allocations',
  number
>;

/** Demo records that earlier data files held and the current ones do not, removed on seeding. */
const RETIRED = {
  /** Its two contributions are now rows of the Trust Fund for Counter-Terrorism. */
  funds: ['uncct-saudi-contributions'],
  /** The two appeals were demo projects before they became appeals with project lines. */
  projects: ['ct-multi-year-appeal-2019-2020', 'ct-multi-year-appeal-2021-2022'],
};

/** True when the database holds no content yet (the condition for SEED_DEMO=auto). */
export async function isContentEmpty(db: Db): Promise<boolean> {
  const result = await db.execute(
    sql`SELECT (SELECT count(*) FROM organisations) + (SELECT count(*) FROM solutions) AS n`,
  );
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0) === 0;
}

/**
 * Loads the demo content drawn from the seed documents. Idempotent: records are upserted by slug,
 * so running it again refreshes them without duplicates.
 */
export async function loadDemoContent(db: DbOrTx): Promise<DemoCounts> {
  const orgs = readDataFile('demo/organisations.json', OrganisationFile);
  const solutionRows = readDataFile('demo/solutions.json', SolutionFile);
  const eventRows = readDataFile('demo/events.json', EventFile);
  const groups = readDataFile('demo/working-groups.json', WorkingGroupFile);
  const fundRows = readDataFile('demo/funds.json', FundFile);
  const needRows = readDataFile('demo/needs.json', NeedFile);
  const offerRows = readDataFile('demo/offers.json', OfferFile);
  const projectRows = [
    ...readDataFile('demo/projects.json', ProjectFile),
    ...readDataFile('demo/funded-projects.json', ProjectFile),
  ];
  const funding = readDataFile('demo/funding.json', FundingFile);
  const recommendationRows = readDataFile('demo/recommendations.json', RecommendationFile);

  return db.transaction(async (tx) => {
    const orgIds = await upsertOrganisations(tx, orgs);
    const idsOf = (slugs: string[], where: string) =>
      slugs.map((slug) => {
        const id = orgIds.get(slug);
        if (!id) throw new Error(`${where}: unknown organisation "${slug}"`);
        return id;
      });

    await inChunks(solutionRows, (chunk) =>
      tx
        .insert(solutions)
        .values(
          chunk.map((s) => ({
            slug: s.id,
            language: s.language,
            visibility: 'public' as const,
            source: s.source,
            texts: s.texts,
            countries: s.countries,
            replicatedIn: s.replicatedIn,
            providerIds: idsOf(s.providers, `solution ${s.id}`),
            themes: s.themes,
            sdgTargets: s.sdgTargets,
            modalities: s.modalities,
            cooperationType: s.cooperationType ?? null,
            evidence: s.evidence,
            status: 'published' as const,
            publishedAt: new Date(),
          })),
        )
        .onConflictDoUpdate({
          target: solutions.slug,
          set: {
            ...excluded([
              'language',
              'source',
              'texts',
              'countries',
              'replicated_in',
              'provider_ids',
              'themes',
              'sdg_targets',
              'modalities',
              'cooperation_type',
              'evidence',
            ]),
            updatedAt: new Date(),
          },
        }),
    );

    await tx
      .insert(events)
      .values(
        eventRows.map((e) => ({
          slug: e.id,
          language: e.language,
          visibility: 'public' as const,
          source: e.source,
          texts: e.texts,
          kind: e.kind,
          startsOn: e.startDate,
          endsOn: e.endDate ?? null,
          datePrecision: e.datePrecision,
          city: e.city ?? null,
          countryIso3: e.country ?? null,
          organiserIds: idsOf(e.organisers, `event ${e.id}`),
          themes: e.themes,
        })),
      )
      .onConflictDoUpdate({
        target: events.slug,
        set: {
          ...excluded([
            'language',
            'source',
            'texts',
            'kind',
            'starts_on',
            'ends_on',
            'date_precision',
            'city',
            'country_iso3',
            'organiser_ids',
            'themes',
          ]),
          updatedAt: new Date(),
        },
      });

    await tx
      .insert(workingGroups)
      .values(
        groups.map((g) => ({
          slug: g.id,
          language: g.language,
          visibility: 'public' as const,
          source: g.source,
          number: g.number,
          pillar: g.pillar,
          theme: g.theme,
          texts: g.texts,
          chairIds: idsOf(g.chairs, `working group ${g.id}`),
          coChairIds: idsOf(g.coChairs, `working group ${g.id}`),
          viceChairIds: idsOf(g.viceChairs, `working group ${g.id}`),
        })),
      )
      .onConflictDoUpdate({
        target: workingGroups.slug,
        set: {
          ...excluded([
            'language',
            'source',
            'number',
            'pillar',
            'theme',
            'texts',
            'chair_ids',
            'co_chair_ids',
            'vice_chair_ids',
          ]),
          updatedAt: new Date(),
        },
      });

    await tx.delete(funds).where(inArray(funds.slug, RETIRED.funds));
    const savedFunds = await tx
      .insert(funds)
      .values(
        fundRows.map((f) => ({
          slug: f.id,
          kind: f.kind,
          language: f.language,
          visibility: 'public' as const,
          source: f.source,
          texts: f.texts,
          managerIds: idsOf(f.managedBy, `fund ${f.id}`),
          currency: f.currency ?? null,
          periodStart: f.period?.start ?? null,
          periodEnd: f.period?.end ?? null,
          figures: f.figures.map((figure) => ({
            metric: figure.metric,
            amount: figure.amount,
            currency: figure.currency ?? null,
            year: figure.year ?? null,
            contributor: figure.contributor ?? null,
            ...(figure.note ? { note: figure.note } : {}),
            ...(figure.source ? { source: figure.source } : {}),
          })),
        })),
      )
      .onConflictDoUpdate({
        target: funds.slug,
        set: {
          ...excluded([
            'kind',
            'language',
            'source',
            'texts',
            'manager_ids',
            'currency',
            'period_start',
            'period_end',
            'figures',
          ]),
          updatedAt: new Date(),
        },
      })
      .returning({ id: funds.id, slug: funds.slug });

    const postingColumns = (p: (typeof needRows)[number] | (typeof offerRows)[number]) => ({
      slug: p.id,
      language: p.language,
      visibility: p.visibility,
      ownerOrganisationId: idsOf([p.organisation], `posting ${p.id}`)[0]!,
      texts: p.texts,
      country: p.country,
      themes: p.themes,
      sdgTargets: p.sdgTargets,
      modalities: p.modalities,
      workingLanguages: p.workingLanguages.length ? p.workingLanguages : [p.language],
    });
    const postingUpdates = [
      'language',
      'visibility',
      'owner_organisation_id',
      'texts',
      'country',
      'themes',
      'sdg_targets',
      'modalities',
      'working_languages',
    ];
    await tx
      .insert(needs)
      .values(
        needRows.map((n) => ({
          ...postingColumns(n),
          startsOn: n.timeframe.startsOn,
          endsOn: n.timeframe.endsOn,
          budgetAmount: n.budget?.amount ?? null,
          budgetCurrency: n.budget?.currency ?? null,
          coFinancing: n.coFinancing ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: needs.slug,
        set: {
          ...excluded([
            ...postingUpdates,
            'starts_on',
            'ends_on',
            'budget_amount',
            'budget_currency',
            'co_financing',
          ]),
          updatedAt: new Date(),
        },
      });
    await tx
      .insert(offers)
      .values(
        offerRows.map((o) => ({
          ...postingColumns(o),
          capacityPlaces: o.capacity.places ?? null,
          capacityExperts: o.capacity.experts ?? null,
          capacityAmount: o.capacity.amount ?? null,
          capacityCurrency: o.capacity.currency ?? null,
          costSharing: o.costSharing ?? null,
          availableFrom: o.availableFrom ?? null,
          availableUntil: o.availableUntil ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: offers.slug,
        set: {
          ...excluded([
            ...postingUpdates,
            'capacity_places',
            'capacity_experts',
            'capacity_amount',
            'capacity_currency',
            'cost_sharing',
            'available_from',
            'available_until',
          ]),
          updatedAt: new Date(),
        },
      });

    await upsertRecommendations(tx, recommendationRows);
    await tx.delete(projects).where(inArray(projects.slug, RETIRED.projects));
    const projectIds = await upsertProjects(tx, projectRows, orgs, orgIds);
    const fundingCounts = await loadDemoFunding(tx, funding, {
      organisations: orgIds,
      funds: new Map(savedFunds.map((row) => [row.slug, row.id])),
      projects: projectIds,
    });

    return {
      ...fundingCounts,
      recommendations: recommendationRows.length,
      projects: projectRows.length,
      needs: needRows.length,
      offers: offerRows.length,
      organisations: orgs.length,
      solutions: solutionRows.length,
      events: eventRows.length,
      workingGroups: groups.length,
      funds: fundRows.length,
    };
  });
}

async function upsertOrganisations(tx: Tx, orgs: ReturnType<typeof OrganisationFile.parse>) {
  const ids = new Map<string, string>();
  await inChunks(orgs, async (chunk) => {
    const rows = await tx
      .insert(organisations)
      .values(
        chunk.map((o) => ({
          slug: o.id,
          language: o.language,
          visibility: 'public' as const,
          source: o.source,
          acronym: o.acronym ?? null,
          names: o.names,
          descriptions: o.description ?? {},
          iatiType: o.type ?? null,
          category: o.category,
          countryIso3: o.country ?? null,
          compactStatus: o.compact ?? null,
          website: o.website ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: organisations.slug,
        set: {
          ...excluded([
            'language',
            'source',
            'acronym',
            'names',
            'descriptions',
            'iati_type',
            'category',
            'country_iso3',
            'compact_status',
            'website',
          ]),
          updatedAt: new Date(),
        },
      })
      .returning({ id: organisations.id, slug: organisations.slug });
    for (const row of rows) ids.set(row.slug, row.id);
  });
  return ids;
}

/**
 * Recommendations, upserted by slug, and the demo needs that answer them: each need named in a
 * recommendation's `needs` gets its id added to its `recommendation_ids` (kept once).
 */
async function upsertRecommendations(tx: Tx, rows: ReturnType<typeof RecommendationFile.parse>) {
  const saved = await tx
    .insert(recommendations)
    .values(
      rows.map((r) => ({
        slug: r.id,
        language: r.language,
        visibility: r.visibility,
        source: r.source,
        texts: r.texts,
        country: r.country,
        themes: r.themes,
        sdgTargets: r.sdgTargets,
        sourceAssessment: r.sourceAssessment,
        issuedOn: r.issuedOn,
        priority: r.priority,
        status: r.status,
      })),
    )
    .onConflictDoUpdate({
      target: recommendations.slug,
      set: {
        ...excluded([
          'language',
          'visibility',
          'source',
          'texts',
          'country',
          'themes',
          'sdg_targets',
          'source_assessment',
          'issued_on',
          'priority',
          'status',
        ]),
        updatedAt: new Date(),
      },
    })
    .returning({ id: recommendations.id, slug: recommendations.slug });
  const idOf = new Map(saved.map((row) => [row.slug, row.id]));
  for (const r of rows)
    for (const slug of r.needs) {
      const id = idOf.get(r.id)!;
      const updated = await tx
        .update(needs)
        .set({
          recommendationIds: sql`ARRAY(SELECT DISTINCT unnest(${needs.recommendationIds} || ARRAY[${id}]::uuid[]))`,
        })
        .where(eq(needs.slug, slug))
        .returning({ id: needs.id });
      if (updated.length === 0) throw new Error(`recommendation ${r.id}: unknown need "${slug}"`);
    }
}

/**
 * Demo projects (projects.json and funded-projects.json), upserted by slug with the reporting
 * organisation and participants taken from the demo organisations (as the projects API does);
 * budgets and transactions are replaced whole. Returns the project ids by slug.
 */
async function upsertProjects(
  tx: Tx,
  rows: ReturnType<typeof ProjectFile.parse>,
  orgs: ReturnType<typeof OrganisationFile.parse>,
  orgIds: Map<string, string>,
): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const orgBySlug = new Map(orgs.map((o) => [o.id, o]));
  const iatiOrg = (slug: string, where: string) => {
    const org = orgBySlug.get(slug);
    const id = orgIds.get(slug);
    if (!org || !id) throw new Error(`${where}: unknown organisation "${slug}"`);
    const name = org.names[org.language] ?? Object.values(org.names)[0] ?? slug;
    return { id, ref: `XM-SOUTHBRIDGE-${slug.toUpperCase()}`, name, type: org.type ?? null };
  };
  const needSlugs = [...new Set(rows.flatMap((p) => p.needs))];
  const needIds = new Map(
    needSlugs.length
      ? (
          await tx
            .select({ id: needs.id, slug: needs.slug })
            .from(needs)
            .where(inArray(needs.slug, needSlugs))
        ).map((row) => [row.slug, row.id])
      : [],
  );
  const codeShare = (share: { code: string; percentage: string | null }) => ({
    code: share.code,
    vocabulary: '1',
    percentage: share.percentage,
  });
  const saved = await tx
    .insert(projects)
    .values(
      rows.map((p) => {
        const where = `project ${p.id}`;
        const { id: reportingId, ...reportingOrg } = iatiOrg(p.reportingOrg, where);
        return {
          slug: p.id,
          language: p.language,
          visibility: 'public' as const,
          source: p.source,
          ownerOrganisationId: reportingId,
          iatiIdentifier: p.identifier,
          texts: p.texts,
          reportingOrg,
          participants: p.participants.map((participant) => {
            const org = participant.organisation ? iatiOrg(participant.organisation, where) : null;
            return {
              ref: org?.ref ?? null,
              name: participant.name ?? org?.name ?? '',
              type: org?.type ?? null,
              role: participant.role,
              southSouthRole: participant.southSouthRole,
              organisationId: org?.id ?? null,
              activityId: null,
            };
          }),
          countries: p.countries,
          regions: p.regions.map(codeShare),
          sectors: p.sectors.map(codeShare),
          themes: p.themes,
          sdgGoals: p.sdgGoals,
          sdgTargets: p.sdgTargets,
          modalities: p.modalities,
          cooperationType: p.cooperationType,
          status: p.status,
          publication: 'published' as const,
          plannedStart: p.dates.plannedStart ?? null,
          actualStart: p.dates.actualStart ?? null,
          plannedEnd: p.dates.plannedEnd ?? null,
          actualEnd: p.dates.actualEnd ?? null,
          defaultCurrency: p.defaultCurrency ?? null,
          results: p.results,
          needIds: p.needs.map((slug) => {
            const id = needIds.get(slug);
            if (!id) throw new Error(`${where}: unknown need "${slug}"`);
            return id;
          }),
        };
      }),
    )
    .onConflictDoUpdate({
      target: projects.slug,
      set: {
        ...excluded([
          'language',
          'source',
          'owner_organisation_id',
          'iati_identifier',
          'texts',
          'reporting_org',
          'participants',
          'countries',
          'regions',
          'sectors',
          'themes',
          'sdg_goals',
          'sdg_targets',
          'modalities',
          'cooperation_type',
          'status',
          'planned_start',
          'actual_start',
          'planned_end',
          'actual_end',
          'default_currency',
          'results',
          'need_ids',
        ]),
        updatedAt: new Date(),
      },
    })
    .returning({ id: projects.id, slug: projects.slug });
  const idOf = new Map(saved.map((row) => [row.slug, row.id]));
  const ids = saved.map((row) => row.id);
  await tx.delete(projectBudgets).where(inArray(projectBudgets.projectId, ids));
  await tx.delete(projectTransactions).where(inArray(projectTransactions.projectId, ids));
  const budgets = rows.flatMap((p) =>
    p.budgets.map((b, position) => ({ ...b, projectId: idOf.get(p.id)!, position })),
  );
  if (budgets.length) await tx.insert(projectBudgets).values(budgets);
  const transactions = rows.flatMap((p) =>
    p.transactions.map((t, position) => ({ ...t, projectId: idOf.get(p.id)!, position })),
  );
  if (transactions.length) await tx.insert(projectTransactions).values(transactions);
  await linkCounterparts(
    tx,
    rows.map((p) => p.identifier),
  );
  return idOf;
}
