import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { pickText } from '../../../shared/languages.js';
import type { Db, DbOrTx } from '../../db/client.js';
import {
  codelistItems,
  countries,
  regions,
  sdgGoals,
  sdgTargets,
  taxonomyTerms,
} from '../../db/schema/index.js';
import { AppError, type FieldError } from '../../errors.js';
import { afterCursor, orderBy, type SortKey, toPage } from '../../http/pagination.js';

type CountryRow = typeof countries.$inferSelect;
type Vocabulary = 'theme' | 'modality' | 'cooperation-type' | 'participant-role';

const countryKeys: SortKey<CountryRow>[] = [{ expr: countries.m49, cast: 'text', of: (row) => row.m49 }];

export type CountryFilters = {
  lang: string;
  limit: number;
  cursor?: string;
  region?: string;
  ldc?: boolean;
  lldc?: boolean;
  sids?: boolean;
};

/** Countries, regions, SDGs and taxonomy: read-only reference data every module uses. */
/** Where a country sits in UN M49 and whether it is an LDC, an LLDC or a SIDS. */
export type CountryFlags = {
  iso3: string;
  region: string | null;
  subRegion: string | null;
  intermediateRegion: string | null;
  ldc: boolean;
  lldc: boolean;
  sids: boolean;
};

export function createReferenceService({ db }: { db: Db }) {
  let flags: Promise<Map<string, CountryFlags>> | undefined;
  let regionNames: Map<string, Record<string, string | undefined>> | undefined;
  // Reference data only changes at start-up, so label lookups are kept for the process's life.
  const memo = new Map<string, Promise<unknown>>();
  function remember<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = memo.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      memo.set(key, value);
      value.catch(() => memo.delete(key));
    }
    return value;
  }

  async function regionNameMap() {
    regionNames ??= new Map((await db.select().from(regions)).map((r) => [r.m49, r.names]));
    return regionNames;
  }

  async function presentCountry(row: CountryRow, lang: string) {
    const names = await regionNameMap();
    const region = (code: string | null) =>
      code && names.has(code) ? { m49: code, name: pickText(names.get(code), lang).text } : null;
    return {
      m49: row.m49,
      iso2: row.iso2,
      iso3: row.iso3,
      name: pickText(row.names, lang).text,
      names: row.names as Record<string, string>,
      region: region(row.region),
      subRegion: region(row.subRegion),
      isLdc: row.isLdc,
      isLldc: row.isLldc,
      isSids: row.isSids,
    };
  }

  async function loadSdgs(lang: string, goal?: string) {
    const [goals, targets] = await Promise.all([
      db
        .select()
        .from(sdgGoals)
        .where(goal ? eq(sdgGoals.code, goal) : undefined)
        .orderBy(asc(sdgGoals.position)),
      db
        .select()
        .from(sdgTargets)
        .where(goal ? eq(sdgTargets.goal, goal) : undefined)
        .orderBy(asc(sdgTargets.position)),
    ]);
    return goals.map((g) => ({
      code: g.code,
      title: pickText(g.title, lang).text,
      short: pickText(g.short, lang).text,
      targets: targets
        .filter((t) => t.goal === g.code)
        .map((t) => ({ code: t.code, goal: t.goal, title: pickText(t.title, lang).text })),
    }));
  }

  return {
    async listCountries(filters: CountryFilters) {
      const conditions: Array<SQL | undefined> = [
        filters.region
          ? or(
              eq(countries.region, filters.region),
              eq(countries.subRegion, filters.region),
              eq(countries.intermediateRegion, filters.region),
            )
          : undefined,
        filters.ldc === undefined ? undefined : eq(countries.isLdc, filters.ldc),
        filters.lldc === undefined ? undefined : eq(countries.isLldc, filters.lldc),
        filters.sids === undefined ? undefined : eq(countries.isSids, filters.sids),
      ];
      const where = and(...conditions);
      const [rows, [count]] = await Promise.all([
        db
          .select()
          .from(countries)
          .where(and(where, afterCursor(countryKeys, 'asc', filters.cursor)))
          .orderBy(orderBy(countryKeys, 'asc'))
          .limit(filters.limit + 1),
        db.select({ n: sql<number>`count(*)::int` }).from(countries).where(where),
      ]);
      const items = await Promise.all(rows.map((row) => presentCountry(row, filters.lang)));
      return toPage(items, filters.limit, countryKeys as never, count?.n ?? 0, (item) => item);
    },

    /** Finds a country by M49, ISO2 or ISO3 code. */
    async getCountry(code: string, lang: string) {
      const upper = code.toUpperCase();
      const [row] = await db
        .select()
        .from(countries)
        .where(or(eq(countries.m49, code), eq(countries.iso2, upper), eq(countries.iso3, upper)));
      if (!row) throw AppError.notFound('Country', code);
      return presentCountry(row, lang);
    },

    /** Country names by ISO3 code, in one language, for labelling other records. */
    async countryNames(iso3Codes: string[], lang: string): Promise<Map<string, string>> {
      if (iso3Codes.length === 0) return new Map();
      const rows = await db
        .select({ iso3: countries.iso3, names: countries.names })
        .from(countries)
        .where(inArray(countries.iso3, [...new Set(iso3Codes)]));
      return new Map(rows.map((row) => [row.iso3, pickText(row.names, lang).text]));
    },

    /**
     * Region codes and LDC / LLDC / SIDS flags of every country, by ISO3 code, for matching. Read
     * once per process: reference data only changes with a new release of the data files.
     */
    countryFlags(tx: DbOrTx = db): Promise<Map<string, CountryFlags>> {
      flags ??= tx
        .select({
          iso3: countries.iso3,
          region: countries.region,
          subRegion: countries.subRegion,
          intermediateRegion: countries.intermediateRegion,
          ldc: countries.isLdc,
          lldc: countries.isLldc,
          sids: countries.isSids,
        })
        .from(countries)
        .then((rows) => new Map(rows.map((row) => [row.iso3, row])))
        .catch((error) => {
          flags = undefined;
          throw error;
        });
      return flags;
    },

    /** The M49, ISO2 and ISO3 codes of every country and area, read once per process (for the map). */
    countryCodes(): Promise<Array<{ m49: string; iso2: string | null; iso3: string }>> {
      return remember('country-codes', () =>
        db.select({ m49: countries.m49, iso2: countries.iso2, iso3: countries.iso3 }).from(countries),
      );
    },

    /** ISO3 codes of the countries in an M49 region, sub-region or intermediate region. */
    async countriesInRegion(region: string): Promise<string[]> {
      const rows = await db
        .select({ iso3: countries.iso3 })
        .from(countries)
        .where(
          or(
            eq(countries.region, region),
            eq(countries.subRegion, region),
            eq(countries.intermediateRegion, region),
          ),
        );
      return rows.map((row) => row.iso3);
    },

    /**
     * The M49 region, sub-region and intermediate region of each country, by ISO3 code. Pass the
     * transaction when calling from inside one: PGlite has one connection, so a query outside the
     * open transaction would wait for it forever.
     */
    async regionsOfCountries(iso3Codes: string[], tx: DbOrTx = db): Promise<Map<string, string[]>> {
      if (iso3Codes.length === 0) return new Map();
      const rows = await tx
        .select({
          iso3: countries.iso3,
          region: countries.region,
          subRegion: countries.subRegion,
          intermediateRegion: countries.intermediateRegion,
        })
        .from(countries)
        .where(inArray(countries.iso3, [...new Set(iso3Codes)]));
      return new Map(
        rows.map((row) => [
          row.iso3,
          [row.region, row.subRegion, row.intermediateRegion].filter((code): code is string => !!code),
        ]),
      );
    },

    listRegions(lang: string) {
      return remember(`regions:${lang}`, async () => {
        const rows = await db.select().from(regions).orderBy(asc(regions.m49));
        return rows.map((r) => ({
          m49: r.m49,
          level: r.level,
          parent: r.parent,
          name: pickText(r.names, lang).text,
        }));
      });
    },

    listSdgs(lang: string, goal?: string) {
      return remember(`sdgs:${lang}:${goal ?? ''}`, () => loadSdgs(lang, goal));
    },

    async listTerms(
      vocabulary: Vocabulary,
      lang: string,
      filters: { kind?: string[]; parent?: string } = {},
    ) {
      const rows = await db
        .select()
        .from(taxonomyTerms)
        .where(
          and(
            eq(taxonomyTerms.vocabulary, vocabulary),
            filters.kind ? inArray(taxonomyTerms.kind, filters.kind) : undefined,
            filters.parent ? eq(taxonomyTerms.parent, filters.parent) : undefined,
          ),
        )
        .orderBy(asc(taxonomyTerms.position));
      return rows.map((t) => ({
        id: t.id,
        parent: t.parent,
        kind: t.kind,
        label: pickText(t.labels, lang).text,
        labels: t.labels as Record<string, string>,
        description: t.descriptions ? pickText(t.descriptions, lang).text || null : null,
      }));
    },

    /** The codes of an IATI codelist (Sector, Currency, Region, …), for checking input. */
    codelistCodes(list: string): Promise<Set<string>> {
      return remember(`codelist:${list}`, async () => {
        const rows = await db
          .select({ code: codelistItems.code })
          .from(codelistItems)
          .where(eq(codelistItems.list, list));
        return new Set(rows.map((row) => row.code));
      });
    },

    /** Names of an IATI codelist's items in one language (English where none), by code. */
    codelistLabels(list: string, lang: string): Promise<Map<string, string>> {
      return remember(`codelist:${list}:${lang}`, async () => {
        const rows = await db
          .select({ code: codelistItems.code, name: codelistItems.name })
          .from(codelistItems)
          .where(eq(codelistItems.list, list));
        return new Map(rows.map((row) => [row.code, pickText(row.name, lang).text]));
      });
    },

    /** The themes each DAC sector code belongs to (from the themes' `sectors` lists). */
    sectorThemes(): Promise<Map<string, string[]>> {
      return remember('sector-themes', async () => {
        const rows = await db
          .select({ id: taxonomyTerms.id, sectors: taxonomyTerms.sectors })
          .from(taxonomyTerms)
          .where(eq(taxonomyTerms.vocabulary, 'theme'));
        const map = new Map<string, string[]>();
        for (const row of rows)
          for (const sector of row.sectors ?? []) map.set(sector, [...(map.get(sector) ?? []), row.id]);
        return map;
      });
    },

    /** ISO alpha-2 → alpha-3 for every country that has both, for IATI interchange. */
    iso2Map(): Promise<Map<string, string>> {
      return remember('iso2', async () => {
        const rows = await db.select({ iso2: countries.iso2, iso3: countries.iso3 }).from(countries);
        return new Map(rows.flatMap((row) => (row.iso2 ? [[row.iso2, row.iso3] as const] : [])));
      });
    },

    /** Labels of taxonomy terms in one language, by id. */
    termLabels(vocabulary: Vocabulary, lang: string): Promise<Map<string, string>> {
      return remember(`terms:${vocabulary}:${lang}`, async () => {
        const rows = await db
          .select({ id: taxonomyTerms.id, labels: taxonomyTerms.labels })
          .from(taxonomyTerms)
          .where(eq(taxonomyTerms.vocabulary, vocabulary));
        return new Map(rows.map((row) => [row.id, pickText(row.labels, lang).text]));
      });
    },

    /**
     * Checks codes a person typed against the reference data and names each unknown one, e.g.
     * `{ field: 'body.countries.1', message: 'unknown country "XYZ"' }`.
     */
    async checkCodes(
      codes: {
        countries?: string[];
        replicatedIn?: string[];
        themes?: string[];
        modalities?: string[];
        sdgTargets?: string[];
      },
      location = 'body',
    ): Promise<FieldError[]> {
      const [countryRows, termRows, targetRows] = await remember('codes', () =>
        Promise.all([
          db.select({ code: countries.iso3 }).from(countries),
          db.select({ vocabulary: taxonomyTerms.vocabulary, id: taxonomyTerms.id }).from(taxonomyTerms),
          db.select({ code: sdgTargets.code }).from(sdgTargets),
        ]),
      );
      const known = {
        countries: new Set(countryRows.map((r) => r.code)),
        replicatedIn: new Set(countryRows.map((r) => r.code)),
        themes: new Set(termRows.filter((r) => r.vocabulary === 'theme').map((r) => r.id)),
        modalities: new Set(termRows.filter((r) => r.vocabulary === 'modality').map((r) => r.id)),
        sdgTargets: new Set(targetRows.map((r) => r.code)),
      };
      const what = {
        countries: 'country',
        replicatedIn: 'country',
        themes: 'theme',
        modalities: 'modality',
        sdgTargets: 'SDG target',
      };
      const errors: FieldError[] = [];
      for (const key of Object.keys(known) as Array<keyof typeof known>) {
        (codes[key] ?? []).forEach((code, index) => {
          if (!known[key].has(code))
            errors.push({ field: `${location}.${key}.${index}`, message: `unknown ${what[key]} "${code}"` });
        });
      }
      return errors;
    },

    /** Counts shown on the home page. */
    async counts() {
      const [row] = await db
        .select({
          countries: sql<number>`(SELECT count(*)::int FROM countries)`,
          sdgTargets: sql<number>`(SELECT count(*)::int FROM sdg_targets)`,
        })
        .from(sql`(SELECT 1) AS one`);
      return row ?? { countries: 0, sdgTargets: 0 };
    },
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
