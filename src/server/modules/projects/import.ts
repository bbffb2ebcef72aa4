import type { Db } from '../../db/client.js';
import type { CountryShare, Participant, ProjectText } from '../../db/schema/projects.js';
import { latinSlug } from '../../db/slug.js';
import type { WriteContext } from '../audit/service.js';
import type { OrganisationsService } from '../organisations/service.js';
import type { ReferenceService } from '../reference/service.js';
import { readIatiChunks } from './iati/read.js';
import type { IatiActivity, IatiIssue, Narrative } from './iati/types.js';
import type { ProjectRow } from './service.js';
import type { ProjectDraft, ProjectWrites } from './write.js';

/** What an import did: counts, and every activity refused with its reasons. */
export type IatiImportReport = {
  file: string;
  version: string | null;
  /** `<iati-activity>` elements in the file. */
  total: number;
  created: number;
  updated: number;
  refused: Array<{ identifier: string | null; line: number | null; issues: IatiIssue[] }>;
  fileIssues: IatiIssue[];
};

/** Activities stored per transaction. */
const BATCH = 100;

/** The prefix of references the platform gives its own organisations in IATI files. */
const PLATFORM_REF = 'XM-SOUTHBRIDGE-';

type Deps = {
  db: Db;
  reference: Pick<ReferenceService, 'iso2Map' | 'sectorThemes' | 'checkCodes'>;
  organisations: Pick<OrganisationsService, 'resolve'>;
  writes: Pick<ProjectWrites, 'store' | 'existing' | 'finish' | 'insertMany'>;
};

/** The narrative in the language asked for, else the first one. */
function textIn(narrative: Narrative, language: string): string {
  return narrative[language] ?? Object.values(narrative)[0] ?? '';
}

/**
 * Importing IATI activity files into projects: each activity is stored in its own transaction,
 * whole or not at all, and replaces the project with the same `iati-identifier` (so importing a
 * file twice changes nothing more). An activity published under another reporting organisation's
 * identifier is refused rather than overwritten.
 */
export function createIatiImport({ db, reference, organisations, writes }: Deps) {
  /** Platform organisations named by their IATI reference (`XM-SOUTHBRIDGE-<SLUG>`), by ref. */
  async function platformOrgs(activities: IatiActivity[]): Promise<Map<string, string>> {
    const refs = [
      ...new Set(
        activities
          .flatMap((a) => [a.reportingOrg.ref, ...a.participants.map((p) => p.ref)])
          .filter((ref): ref is string => !!ref?.startsWith(PLATFORM_REF)),
      ),
    ];
    const map = new Map<string, string>();
    for (const ref of refs) {
      const { ids } = await organisations.resolve([ref.slice(PLATFORM_REF.length).toLowerCase()]);
      if (ids[0]) map.set(ref, ids[0]);
    }
    return map;
  }

  /** The project an activity becomes. */
  async function draftOf(
    activity: IatiActivity,
    file: string,
    orgIds: Map<string, string>,
  ): Promise<ProjectDraft> {
    const iso2 = await reference.iso2Map();
    const sectorThemes = await reference.sectorThemes();
    const titleLanguages = Object.keys(activity.title);
    const language =
      activity.language && activity.title[activity.language]
        ? activity.language
        : (titleLanguages[0] ?? activity.language ?? 'en');
    const languages = [...new Set([language, ...titleLanguages, ...Object.keys(activity.description)])];
    const texts: Record<string, ProjectText> = Object.fromEntries(
      languages.map((lang) => [
        lang,
        {
          title: (activity.title[lang] ?? textIn(activity.title, language)) || activity.identifier,
          description: activity.description[lang] ?? textIn(activity.description, language),
        },
      ]),
    );
    // Codes outside UN M49 that IATI allows (e.g. XK) are kept as IATI writes them.
    const countries: CountryShare[] = activity.recipientCountries.map((c) => ({
      iso3: iso2.get(c.code.toUpperCase()) ?? c.code.toUpperCase(),
      percentage: c.percentage,
    }));
    // IATI's schema lets a value leave its currency out; such amounts are kept but not totalled.
    const currencyOf = (currency: string | null) => currency ?? activity.defaultCurrency ?? null;
    const budgets = activity.budgets.map((b) => ({
      type: b.type,
      status: b.status,
      periodStart: b.periodStart,
      periodEnd: b.periodEnd,
      amount: b.value,
      currency: currencyOf(b.currency),
      valueDate: b.valueDate,
    }));
    const transactions = activity.transactions.map((t) => ({
      ref: t.ref,
      type: t.type,
      date: t.date,
      amount: t.value,
      currency: currencyOf(t.currency),
      valueDate: t.valueDate,
      description: t.description,
      providerRef: t.provider?.ref ?? null,
      providerName: t.provider?.name ?? null,
      providerActivityId: t.provider?.activityId ?? null,
      receiverRef: t.receiver?.ref ?? null,
      receiverName: t.receiver?.name ?? null,
      receiverActivityId: t.receiver?.activityId ?? null,
    }));
    const dacSectors = activity.sectors.filter((s) => s.vocabulary === '1');
    const themes = activity.southSouth.themes.length
      ? activity.southSouth.themes
      : [...new Set(dacSectors.flatMap((s) => sectorThemes.get(s.code) ?? []))].map((id) => ({
          id,
          percentage: null,
        }));
    const knownTargets = await reference.checkCodes({ sdgTargets: activity.sdgTargets });
    const unknownTargets = new Set(knownTargets.map((e) => Number(e.field.split('.').pop())));
    const participants: Participant[] = activity.participants.map((p) => ({
      ref: p.ref,
      name: textIn(p.name, language) || p.ref || '',
      type: p.type,
      role: p.role,
      southSouthRole: p.southSouthRole,
      organisationId: (p.ref && orgIds.get(p.ref)) || null,
      activityId: p.activityId,
    }));
    const reportingId = (activity.reportingOrg.ref && orgIds.get(activity.reportingOrg.ref)) || null;
    return {
      columns: {
        iatiIdentifier: activity.identifier,
        language,
        visibility: 'public',
        publication: 'published',
        source: { file, line: activity.line },
        ownerId: null,
        ownerOrganisationId: reportingId,
        workingGroupId: null,
        texts,
        reportingOrg: {
          ref: activity.reportingOrg.ref,
          name: textIn(activity.reportingOrg.name, language) || activity.reportingOrg.ref || '',
          type: activity.reportingOrg.type,
        },
        participants,
        countries,
        regions: activity.recipientRegions,
        sectors: activity.sectors,
        themes,
        sdgGoals: activity.sdgGoals,
        sdgTargets: activity.sdgTargets.filter((_, i) => !unknownTargets.has(i)),
        modalities: activity.southSouth.modalities,
        cooperationType: activity.southSouth.cooperationType,
        status: activity.status ?? '1',
        plannedStart: activity.dates.plannedStart,
        actualStart: activity.dates.actualStart,
        plannedEnd: activity.dates.plannedEnd,
        actualEnd: activity.dates.actualEnd,
        defaultCurrency: activity.defaultCurrency,
        results: activity.results,
        needIds: [],
        matchIds: [],
        recommendationIds: [],
        iatiVersion: activity.version,
        iatiUpdatedAt: activity.lastUpdated ? new Date(activity.lastUpdated) : null,
      },
      budgets,
      transactions,
    };
  }

  /** Stores activities already read and validated; each one whole or not at all. */
  async function importActivities(
    ctx: WriteContext,
    file: string,
    activities: IatiActivity[],
    onProgress?: (done: number) => void,
  ): Promise<Pick<IatiImportReport, 'created' | 'updated' | 'refused'>> {
    const report: Pick<IatiImportReport, 'created' | 'updated' | 'refused'> = {
      created: 0,
      updated: 0,
      refused: [],
    };
    const orgIds = await platformOrgs(activities);
    const existing = await writes.existing(
      db,
      activities.map((a) => a.identifier),
    );
    const seen = new Set<string>();
    const accepted: IatiActivity[] = [];
    for (const activity of activities) {
      const refuse = (message: string) =>
        report.refused.push({
          identifier: activity.identifier,
          line: activity.line,
          issues: [{ line: activity.line, field: 'iati-identifier', message }],
        });
      const holder = existing.get(activity.identifier);
      if (seen.has(activity.identifier)) refuse('appears twice in this file; the first was taken');
      else if (holder && holder.ref !== activity.reportingOrg.ref)
        refuse(`is already reported by ${holder.ref ?? holder.name}; only that organisation updates it`);
      else accepted.push(activity);
      seen.add(activity.identifier);
    }
    let done = activities.length - accepted.length;
    // A batch is one transaction: every activity in it is stored whole, or none of them is.
    for (let start = 0; start < accepted.length; start += BATCH) {
      const batch = accepted.slice(start, start + BATCH);
      const drafts: ProjectDraft[] = [];
      for (const activity of batch) drafts.push(await draftOf(activity, file, orgIds));
      // New projects go in together; one already here is replaced on its own.
      const fresh = drafts.filter((draft) => !existing.has(draft.columns.iatiIdentifier));
      const known = drafts.filter((draft) => existing.has(draft.columns.iatiIdentifier));
      await db.transaction(async (tx) => {
        const stored: ProjectRow[] = [];
        const slugBase = (draft: ProjectDraft) => latinSlug(draft.columns.iatiIdentifier);
        await writes.insertMany(
          tx,
          ctx,
          fresh.map((draft) => ({ draft, slugBase: slugBase(draft) })),
          stored,
        );
        report.created += fresh.length;
        for (const draft of known) {
          await writes.store(tx, ctx, draft, slugBase(draft), stored);
          report.updated++;
        }
        await writes.finish(tx, stored);
      });
      done += batch.length;
      onProgress?.(done);
    }
    return report;
  }

  return {
    importActivities,

    /**
     * Reads, validates and imports one file, a thousand activities at a time so memory stays
     * bounded; refused activities and file problems are reported with their lines.
     */
    async importFile(
      ctx: WriteContext,
      file: string,
      xml: string | Uint8Array,
      options: { maxBytes?: number; onProgress?: (done: number) => void } = {},
    ): Promise<IatiImportReport> {
      const report: IatiImportReport = {
        file,
        version: null,
        total: 0,
        created: 0,
        updated: 0,
        refused: [],
        fileIssues: [],
      };
      let done = 0;
      for await (const chunk of readIatiChunks(xml, { maxBytes: options.maxBytes })) {
        report.version ??= chunk.version;
        report.total += chunk.total;
        report.fileIssues.push(...chunk.fileIssues);
        report.refused.push(...chunk.refused);
        done += chunk.refused.length;
        const stored = await importActivities(ctx, file, chunk.activities, (n) =>
          options.onProgress?.(done + n),
        );
        done += chunk.activities.length;
        report.created += stored.created;
        report.updated += stored.updated;
        report.refused.push(...stored.refused);
      }
      report.refused.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      return report;
    },
  };
}

export type IatiImport = ReturnType<typeof createIatiImport>;
