import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LANGUAGES } from '../../shared/languages.js';
import { CountryFile, OrganisationFile, readDataFile, SdgFile, SolutionFile, TaxonomyFile } from './files.js';
import { VOCABULARIES } from './reference.js';

/** Shapes of the demo needs and offers and of the matching evaluation set (data/demo, data/eval). */
const slug = z.string().regex(/^[a-z0-9-]+$/);
const iso3 = z.string().regex(/^[A-Z]{3}$/);
const amount = z.string().regex(/^\d{1,16}(\.\d{1,2})?$/);
const currency = z.string().regex(/^[A-Z]{3}$/);
const postingText = z.object({ title: z.string().min(1).max(200), description: z.string().min(1) }).strict();
const posting = {
  id: slug,
  language: z.string(),
  organisation: slug,
  country: iso3,
  texts: z.record(z.string(), postingText),
  themes: z.array(z.string()).min(1).max(10),
  sdgTargets: z.array(z.string()).min(1).max(20),
  modalities: z.array(z.string()).min(1).max(10),
  workingLanguages: z.array(z.string()).min(1).max(10),
  visibility: z.literal('public'),
};

const OfferFile = z.array(
  z
    .object({
      ...posting,
      capacity: z
        .object({
          places: z.number().int().min(0).nullable(),
          experts: z.number().int().min(0).nullable(),
          amount: amount.nullable(),
          currency: currency.nullable(),
        })
        .strict(),
      costSharing: z.string().min(1).nullable(),
      availableFrom: z.iso.date().nullable(),
      availableUntil: z.iso.date().nullable(),
    })
    .strict(),
);

const NeedFile = z.array(
  z
    .object({
      ...posting,
      timeframe: z.object({ startsOn: z.iso.date().nullable(), endsOn: z.iso.date().nullable() }).strict(),
      budget: z.object({ amount, currency }).strict().nullable(),
      coFinancing: z.string().min(1).nullable(),
    })
    .strict(),
);

const EvalFile = z
  .object({
    about: z.string().min(1),
    items: z.array(
      z
        .object({
          id: z.string().regex(/^eval-[a-z]{2}-\d{2}$/),
          language: z.string(),
          country: iso3,
          title: z.string().min(1),
          text: z.string().min(1),
          modalities: z.array(z.string()).optional(),
          gold: z
            .array(z.object({ type: z.enum(['solution', 'offer']), id: slug }).strict())
            .min(1)
            .max(3),
          why: z.string().min(1),
        })
        .strict(),
    ),
  })
  .strict();

const offers = readDataFile('demo/offers.json', OfferFile);
const needs = readDataFile('demo/needs.json', NeedFile);
const evaluation = readDataFile('eval/matching.json', EvalFile);
const solutions = readDataFile('demo/solutions.json', SolutionFile);
const orgs = new Map(readDataFile('demo/organisations.json', OrganisationFile).map((o) => [o.id, o]));
const iso3s = new Set(readDataFile('refdata/countries.json', CountryFile).map((c) => c.iso3));
const themeIds = new Set(readDataFile(VOCABULARIES.theme, TaxonomyFile).map((t) => t.id));
const modalityIds = new Set(readDataFile(VOCABULARIES.modality, TaxonomyFile).map((m) => m.id));
const targetCodes = new Set(readDataFile('refdata/sdgs.json', SdgFile).targets.map((t) => t.code));
const languages: ReadonlySet<string> = new Set(LANGUAGES);
type Posting = z.infer<typeof OfferFile>[number] | z.infer<typeof NeedFile>[number];

function countBy<T>(list: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of list) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('demo offers and needs (data/demo/offers.json, needs.json)', () => {
  it.each<[string, Posting[]]>([
    ['offers', offers],
    ['needs', needs],
  ])(
    '%s reference real organisations, countries, themes, modalities, SDG targets and languages',
    (_, list) => {
      for (const item of list) {
        expect(orgs.has(item.organisation), `${item.id}: ${item.organisation}`).toBe(true);
        expect(iso3s, `${item.id}: ${item.country}`).toContain(item.country);
        expect(languages, item.id).toContain(item.language);
        for (const theme of item.themes) expect(themeIds, `${item.id}: ${theme}`).toContain(theme);
        for (const modality of item.modalities)
          expect(modalityIds, `${item.id}: ${modality}`).toContain(modality);
        for (const target of item.sdgTargets) expect(targetCodes, `${item.id}: ${target}`).toContain(target);
        for (const language of item.workingLanguages)
          expect(languages, `${item.id}: ${language}`).toContain(language);
        // Written in one language only, with no machine or editorial translation.
        expect(Object.keys(item.texts), item.id).toEqual([item.language]);
      }
    },
  );

  it('hold six offers and two needs in each of the seven languages', () => {
    expect(countBy(offers, (o) => o.language)).toEqual(Object.fromEntries(LANGUAGES.map((l) => [l, 6])));
    expect(countBy(needs, (n) => n.language)).toEqual(Object.fromEntries(LANGUAGES.map((l) => [l, 2])));
  });

  it('come from governments of the country named, or from a UN entity working in it', () => {
    for (const need of needs) {
      const org = orgs.get(need.organisation)!;
      if (org.category === 'government') expect(org.country, need.id).toBe(need.country);
      else expect(org.category, need.id).toBe('un-entity');
    }
  });

  it('keep periods in order and give a currency with every amount', () => {
    for (const offer of offers) {
      if (offer.availableFrom && offer.availableUntil)
        expect(offer.availableFrom <= offer.availableUntil, offer.id).toBe(true);
      if (offer.capacity.amount) expect(offer.capacity.currency, offer.id).not.toBeNull();
    }
    for (const need of needs) {
      const { startsOn, endsOn } = need.timeframe;
      if (startsOn && endsOn) expect(startsOn <= endsOn, need.id).toBe(true);
    }
  });

  it('have unique ids that do not clash with solutions', () => {
    const ids = [...offers, ...needs].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const solutionIds = new Set(solutions.map((s) => s.id));
    for (const id of ids) expect(solutionIds.has(id), id).toBe(false);
  });
});

describe('matching evaluation set (data/eval/matching.json)', () => {
  const items = evaluation.items;
  const languageOf = new Map<string, string>([
    ...solutions.map((s) => [`solution:${s.id}`, s.language] as [string, string]),
    ...offers.map((o) => [`offer:${o.id}`, o.language] as [string, string]),
  ]);

  it('holds at least 60 needs, at least nine in each language', () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    const perLanguage = countBy(items, (i) => i.language);
    for (const language of LANGUAGES) expect(perLanguage[language] ?? 0, language).toBeGreaterThanOrEqual(9);
    for (const item of items) {
      expect(languages, item.id).toContain(item.language);
      expect(item.id.slice(5, 7), item.id).toBe(item.language);
      expect(iso3s, `${item.id}: ${item.country}`).toContain(item.country);
      for (const modality of item.modalities ?? [])
        expect(modalityIds, `${item.id}: ${modality}`).toContain(modality);
    }
  });

  it('points every gold item to an existing solution or offer of the right type, once', () => {
    for (const item of items) {
      const keys = item.gold.map((g) => `${g.type}:${g.id}`);
      expect(new Set(keys).size, item.id).toBe(keys.length);
      for (const key of keys) expect(languageOf.has(key), `${item.id}: ${key}`).toBe(true);
    }
  });

  it('puts at least 75% of gold items in a different language from their need', () => {
    const gold = items.flatMap((i) =>
      i.gold.map((g) => ({ need: i.language, gold: languageOf.get(`${g.type}:${g.id}`) })),
    );
    const crossLanguage = gold.filter((g) => g.gold !== g.need).length;
    expect(crossLanguage / gold.length).toBeGreaterThanOrEqual(0.75);
  });

  it('has no duplicate ids or texts', () => {
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.text)).size).toBe(items.length);
  });
});
