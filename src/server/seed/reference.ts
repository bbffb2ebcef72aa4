import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  appMeta,
  codelistItems,
  countries,
  regions,
  sdgGoals,
  sdgTargets,
  taxonomyTerms,
} from '../db/schema/index.js';
import {
  CodelistFile,
  CodelistLabelsFile,
  CountryFile,
  digestDataFiles,
  RegionFile,
  readDataFile,
  SdgFile,
  TaxonomyFile,
} from './files.js';

/** The IATI codelists the platform uses. */
export const IATI_CODELISTS = [
  'OrganisationType',
  'OrganisationRole',
  'Sector',
  'ActivityStatus',
  'TransactionType',
  'Currency',
  'Region',
  'RegionVocabulary',
  'SectorVocabulary',
  'ResultType',
  'IndicatorMeasure',
  'BudgetType',
  'BudgetStatus',
] as const;

/** Taxonomy vocabularies and the file each comes from. */
export const VOCABULARIES = {
  theme: 'taxonomy/themes.json',
  modality: 'taxonomy/modalities.json',
  'cooperation-type': 'taxonomy/cooperation-types.json',
  'participant-role': 'taxonomy/participant-roles.json',
} as const;

/** The platform's translations of codelist names into the languages the IATI codelists lack. */
export const CODELIST_LABELS = 'taxonomy/iati-labels.json';

const REFERENCE_FILES = [
  'refdata/countries.json',
  'refdata/regions.json',
  'refdata/sdgs.json',
  ...IATI_CODELISTS.map((list) => `refdata/iati/${list}.json`),
  ...Object.values(VOCABULARIES),
  CODELIST_LABELS,
];

const DIGEST_KEY = 'reference_digest';

export type ReferenceLoadResult = { loaded: boolean; counts: Record<string, number> };

/**
 * Loads countries, regions, SDGs, IATI codelists and the taxonomy. Idempotent: rows are upserted,
 * and nothing is done when the files are unchanged since the last load.
 */
export async function loadReferenceData(
  db: Db,
  options: { force?: boolean } = {},
): Promise<ReferenceLoadResult> {
  const digest = digestDataFiles(REFERENCE_FILES);
  const [current] = await db.select().from(appMeta).where(eq(appMeta.key, DIGEST_KEY));
  if (!options.force && current?.value === digest) return { loaded: false, counts: {} };

  const countryRows = readDataFile('refdata/countries.json', CountryFile);
  const regionRows = readDataFile('refdata/regions.json', RegionFile);
  const sdgs = readDataFile('refdata/sdgs.json', SdgFile);
  const labels = readDataFile(CODELIST_LABELS, CodelistLabelsFile);
  const counts: Record<string, number> = {};

  await db.transaction(async (tx) => {
    await inChunks(regionRows, (chunk) =>
      tx
        .insert(regions)
        .values(chunk.map((r) => ({ m49: r.m49, level: r.level, parent: r.parent, names: r.names })))
        .onConflictDoUpdate({ target: regions.m49, set: excluded(['level', 'parent', 'names']) }),
    );
    counts.regions = regionRows.length;

    await inChunks(countryRows, (chunk) =>
      tx
        .insert(countries)
        .values(
          chunk.map((c) => ({
            m49: c.m49,
            iso2: c.iso2,
            iso3: c.iso3,
            names: c.names,
            region: c.region,
            subRegion: c.subRegion,
            intermediateRegion: c.intermediateRegion,
            isLdc: c.ldc,
            isLldc: c.lldc,
            isSids: c.sids,
          })),
        )
        .onConflictDoUpdate({
          target: countries.m49,
          set: excluded([
            'iso2',
            'iso3',
            'names',
            'region',
            'sub_region',
            'intermediate_region',
            'is_ldc',
            'is_lldc',
            'is_sids',
          ]),
        }),
    );
    counts.countries = countryRows.length;

    await tx
      .insert(sdgGoals)
      .values(sdgs.goals.map((g, position) => ({ code: g.code, position, title: g.title, short: g.short })))
      .onConflictDoUpdate({ target: sdgGoals.code, set: excluded(['position', 'title', 'short']) });
    const targetRows = sdgs.targets.map((t, position) => ({
      code: t.code,
      goal: t.goal,
      position,
      title: t.title,
    }));
    await inChunks(targetRows, (chunk) =>
      tx
        .insert(sdgTargets)
        .values(chunk)
        .onConflictDoUpdate({ target: sdgTargets.code, set: excluded(['goal', 'position', 'title']) }),
    );
    counts.sdgGoals = sdgs.goals.length;
    counts.sdgTargets = sdgs.targets.length;

    for (const list of IATI_CODELISTS) {
      const file = readDataFile(`refdata/iati/${list}.json`, CodelistFile);
      await inChunks(file.items, (chunk) =>
        tx
          .insert(codelistItems)
          .values(
            chunk.map((item) => ({
              list,
              code: item.code,
              // IATI's names (en, fr) stay as published; the platform's translations fill the rest.
              name: { ...labels[list]?.[item.code], ...item.name },
              description: item.description ?? null,
              category: item.category ?? null,
              status: item.status ?? 'active',
            })),
          )
          .onConflictDoUpdate({
            target: [codelistItems.list, codelistItems.code],
            set: excluded(['name', 'description', 'category', 'status']),
          }),
      );
      counts[`iati:${list}`] = file.items.length;
    }

    for (const [vocabulary, path] of Object.entries(VOCABULARIES)) {
      const terms = readDataFile(path, TaxonomyFile);
      await tx
        .insert(taxonomyTerms)
        .values(
          terms.map((term, index) => ({
            vocabulary,
            id: term.id,
            parent: term.parent ?? null,
            kind: term.kind ?? null,
            position: term.order ?? index,
            labels: term.labels,
            descriptions: term.descriptions ?? null,
            sectors: term.sectors ?? null,
          })),
        )
        .onConflictDoUpdate({
          target: [taxonomyTerms.vocabulary, taxonomyTerms.id],
          set: excluded(['parent', 'kind', 'position', 'labels', 'descriptions', 'sectors']),
        });
      counts[vocabulary] = terms.length;
    }

    await tx
      .insert(appMeta)
      .values({ key: DIGEST_KEY, value: digest })
      .onConflictDoUpdate({ target: appMeta.key, set: { value: digest, updatedAt: new Date() } });
  });
  return { loaded: true, counts };
}

/** `SET col = excluded.col` for an upsert, naming database columns. */
export function excluded(columns: string[]) {
  return Object.fromEntries(columns.map((column) => [toCamel(column), sql.raw(`excluded.${column}`)]));
}

function toCamel(column: string): string {
  return column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Runs an insert per chunk, keeping each statement's parameter count well under PostgreSQL's limit. */
export async function inChunks<T>(
  rows: T[],
  insert: (chunk: T[]) => Promise<unknown>,
  size = 200,
): Promise<void> {
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}
