import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sumDecimals } from '../../shared/decimal.js';
import { LANGUAGES } from '../../shared/languages.js';
import { checkShares } from '../modules/projects/shares.js';
import { dataFilesDir } from '../paths.js';
import {
  CodelistFile,
  CodelistLabelsFile,
  CountryFile,
  EventFile,
  FundFile,
  FundingFile,
  NeedFile,
  OrganisationFile,
  ProjectFile,
  RecommendationFile,
  RegionFile,
  readDataFile,
  SdgFile,
  SolutionFile,
  TaxonomyFile,
  WorkingGroupFile,
} from './files.js';
import { CODELIST_LABELS, IATI_CODELISTS, VOCABULARIES } from './reference.js';

const countries = readDataFile('refdata/countries.json', CountryFile);
const sdgs = readDataFile('refdata/sdgs.json', SdgFile);
const themes = readDataFile(VOCABULARIES.theme, TaxonomyFile);
const modalities = readDataFile(VOCABULARIES.modality, TaxonomyFile);
const orgs = readDataFile('demo/organisations.json', OrganisationFile);
const solutions = readDataFile('demo/solutions.json', SolutionFile);
const events = readDataFile('demo/events.json', EventFile);
const groups = readDataFile('demo/working-groups.json', WorkingGroupFile);
const funds = readDataFile('demo/funds.json', FundFile);
const projects = readDataFile('demo/projects.json', ProjectFile);
const fundedProjects = readDataFile('demo/funded-projects.json', ProjectFile);
const funding = readDataFile('demo/funding.json', FundingFile);

const iso3 = new Set(countries.map((c) => c.iso3));
const themeIds = new Set(themes.map((t) => t.id));
const modalityIds = new Set(modalities.map((m) => m.id));
const targetCodes = new Set(sdgs.targets.map((t) => t.code));
const orgIds = new Set(orgs.map((o) => o.id));
const seedLines = new Map<string, string[]>();
function seedLine(file: string, line: number): string | undefined {
  if (!seedLines.has(file))
    seedLines.set(file, readFileSync(join(dataFilesDir, 'seeds', file), 'utf8').split('\n'));
  return seedLines.get(file)![line - 1];
}

describe('reference data files', () => {
  it('hold all 248 M49 countries and areas with names in seven languages', () => {
    expect(countries).toHaveLength(248);
    expect(iso3.size).toBe(248);
    expect(countries.filter((c) => c.ldc).length).toBeGreaterThan(40);
    expect(countries.find((c) => c.iso3 === 'VNM')?.names.vi).toBe('Việt Nam');
  });

  it('hold every region a country points to', () => {
    const regions = new Set(readDataFile('refdata/regions.json', RegionFile).map((r) => r.m49));
    for (const c of countries) {
      for (const code of [c.region, c.subRegion, c.intermediateRegion])
        if (code) expect(regions).toContain(code);
    }
  });

  it('hold the 17 goals and 169 targets in the six UN languages', () => {
    expect(sdgs.goals).toHaveLength(17);
    expect(sdgs.targets).toHaveLength(169);
    for (const target of sdgs.targets) {
      expect(Object.keys(target.title).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    }
  });

  it('hold the IATI codelists the platform uses', () => {
    for (const list of IATI_CODELISTS) {
      // BudgetType and BudgetStatus hold two codes each (original/revised, indicative/committed).
      expect(readDataFile(`refdata/iati/${list}.json`, CodelistFile).items.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('translate every code of the displayed codelists into ar, zh, ru, es and vi', () => {
    const labels = readDataFile(CODELIST_LABELS, CodelistLabelsFile);
    const translated = [
      'ActivityStatus',
      'TransactionType',
      'OrganisationRole',
      'BudgetType',
      'BudgetStatus',
      'ResultType',
      'IndicatorMeasure',
      'OrganisationType',
      'Region',
      'RegionVocabulary',
      'SectorVocabulary',
    ];
    expect(Object.keys(labels).sort()).toEqual([...translated].sort());
    for (const list of translated) {
      const codes = readDataFile(`refdata/iati/${list}.json`, CodelistFile).items.map((item) => item.code);
      expect(Object.keys(labels[list]!).sort(), list).toEqual([...codes].sort());
      for (const code of codes) {
        for (const lang of ['ar', 'zh', 'ru', 'es', 'vi'] as const)
          expect(labels[list]![code]![lang].trim(), `${list} ${code} ${lang}`).not.toBe('');
      }
    }
    expect(labels.TransactionType!['3']!.vi).toBe('Giải ngân');
  });

  it('give every taxonomy term a parent that exists and labels in all seven languages', () => {
    for (const term of themes) {
      if (term.parent) expect(themeIds).toContain(term.parent);
      expect(Object.keys(term.labels).sort()).toEqual([...LANGUAGES].sort());
    }
    expect(themes.filter((t) => t.kind === 'ct-pillar')).toHaveLength(4);
    expect(themes.filter((t) => t.kind === 'compact-wg')).toHaveLength(8);
    expect(modalities).toHaveLength(10);
  });
});

describe('demo content files', () => {
  it('meet the minimum counts', () => {
    expect(solutions.length).toBeGreaterThanOrEqual(40);
    expect(orgs.length).toBeGreaterThanOrEqual(60);
    expect(events.length).toBeGreaterThanOrEqual(15);
    expect(groups).toHaveLength(8);
    expect(funds.length).toBeGreaterThan(0);
    expect(orgs.filter((o) => o.compact).length).toBeGreaterThanOrEqual(45);
  });

  it('use only known countries, themes, targets, modalities and organisations', () => {
    for (const s of solutions) {
      for (const code of [...s.countries, ...s.replicatedIn])
        expect(iso3, `${s.id}: ${code}`).toContain(code);
      for (const theme of s.themes) expect(themeIds, `${s.id}: ${theme}`).toContain(theme);
      for (const target of s.sdgTargets) expect(targetCodes, `${s.id}: ${target}`).toContain(target);
      for (const modality of s.modalities) expect(modalityIds, `${s.id}: ${modality}`).toContain(modality);
      for (const provider of s.providers) expect(orgIds, `${s.id}: ${provider}`).toContain(provider);
    }
    for (const e of events) for (const org of e.organisers) expect(orgIds, `${e.id}: ${org}`).toContain(org);
    for (const g of groups) {
      for (const org of [...g.chairs, ...g.coChairs, ...g.viceChairs])
        expect(orgIds, `${g.id}: ${org}`).toContain(org);
      expect(themeIds).toContain(g.id);
      expect(themeIds, `${g.id}: theme ${g.theme}`).toContain(g.theme);
    }
    for (const o of orgs) if (o.country) expect(iso3, `${o.id}: ${o.country}`).toContain(o.country);
  });

  it('keep the original language and an English editorial translation', () => {
    for (const record of [...solutions, ...events, ...groups, ...funds]) {
      expect(record.texts[record.language], record.id).toBeDefined();
      expect(record.texts[record.language]!.translation, record.id).toBeUndefined();
      if (record.language !== 'en') expect(record.texts.en?.translation, record.id).toBe('editorial');
    }
  });

  it('cite a seed file and a non-empty line for every record', () => {
    for (const record of [...solutions, ...events, ...groups, ...funds, ...orgs]) {
      const line = seedLine(record.source.file, record.source.line);
      expect(line?.trim(), `${record.id}: ${record.source.file}:${record.source.line}`).toBeTruthy();
    }
  });

  it('have unique ids in each file', () => {
    for (const list of [solutions, orgs, events, groups, funds]) {
      expect(new Set(list.map((r) => r.id)).size).toBe(list.length);
    }
  });
});

describe('demo recommendations', () => {
  const recommendations = readDataFile('demo/recommendations.json', RecommendationFile);
  const needIds = new Set(readDataFile('demo/needs.json', NeedFile).map((n) => n.id));

  it('hold about a dozen, in at least five languages, with unique ids', () => {
    expect(recommendations.length).toBeGreaterThanOrEqual(12);
    expect(new Set(recommendations.map((r) => r.language)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(recommendations.map((r) => r.id)).size).toBe(recommendations.length);
  });

  it('use only known countries, themes and targets, and link needs that exist', () => {
    for (const r of recommendations) {
      expect(iso3, r.id).toContain(r.country);
      for (const theme of r.themes) expect(themeIds, `${r.id}: ${theme}`).toContain(theme);
      for (const target of r.sdgTargets) expect(targetCodes, `${r.id}: ${target}`).toContain(target);
      for (const need of r.needs) expect(needIds, `${r.id}: ${need}`).toContain(need);
    }
    expect(recommendations.filter((r) => r.needs.length > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('keep the original text with an English editorial translation, and cite a seed line', () => {
    for (const r of recommendations) {
      expect(r.texts[r.language]?.translation, r.id).toBeUndefined();
      if (r.language !== 'en') expect(r.texts.en?.translation, r.id).toBe('editorial');
      expect(seedLine(r.source.file, r.source.line)?.trim(), r.id).toBeTruthy();
    }
  });
});

describe('demo projects', () => {
  const codes = (list: string) =>
    new Set(readDataFile(`refdata/iati/${list}.json`, CodelistFile).items.map((item) => item.code));
  const sectors = codes('Sector');
  const regions = codes('Region');
  const needIds = new Set(readDataFile('demo/needs.json', NeedFile).map((n) => n.id));

  it('are about ten, in several languages, some with money and some with results', () => {
    expect(projects.length).toBeGreaterThanOrEqual(9);
    expect(new Set(projects.map((p) => p.language)).size).toBeGreaterThanOrEqual(5);
    expect(projects.filter((p) => p.budgets.length || p.transactions.length).length).toBeGreaterThan(2);
    expect(projects.filter((p) => p.results.length).length).toBeGreaterThan(2);
    expect(new Set(projects.map((p) => p.id)).size).toBe(projects.length);
    expect(new Set(projects.map((p) => p.identifier)).size).toBe(projects.length);
  });

  it('use only known codes, organisations and needs', () => {
    for (const p of [...projects, ...fundedProjects]) {
      expect(orgIds, `${p.id}: ${p.reportingOrg}`).toContain(p.reportingOrg);
      for (const participant of p.participants) {
        if (participant.organisation) expect(orgIds, p.id).toContain(participant.organisation);
        else expect(participant.name, p.id).toBeTruthy();
      }
      for (const c of p.countries) expect(iso3, `${p.id}: ${c.iso3}`).toContain(c.iso3);
      for (const r of p.regions) expect(regions, `${p.id}: ${r.code}`).toContain(r.code);
      for (const s of p.sectors) expect(sectors, `${p.id}: ${s.code}`).toContain(s.code);
      for (const t of p.themes) expect(themeIds, `${p.id}: ${t.id}`).toContain(t.id);
      for (const target of p.sdgTargets) expect(targetCodes, `${p.id}: ${target}`).toContain(target);
      for (const m of p.modalities) expect(modalityIds, `${p.id}: ${m}`).toContain(m);
      for (const need of p.needs) expect(needIds, `${p.id}: ${need}`).toContain(need);
      expect(
        p.participants.some((x) => x.southSouthRole),
        p.id,
      ).toBe(true);
    }
  });

  it('have shares that add up to 100, as the API requires', () => {
    for (const p of [...projects, ...fundedProjects]) {
      const group = (field: string, items: Array<{ percentage: string | null }>) => ({
        field,
        items: items.map((item, i) => ({ field: `${field}.${i}`, percentage: item.percentage })),
      });
      const errors = checkShares([
        {
          field: 'countries',
          items: [...group('countries', p.countries).items, ...group('regions', p.regions).items],
        },
        group('sectors', p.sectors),
        group('themes', p.themes),
      ]);
      expect(errors, p.id).toEqual([]);
      expect(p.countries.length + p.regions.length, p.id).toBeGreaterThan(0);
    }
  });

  it('keep the original language with an editorial translation, and cite a seed line', () => {
    for (const p of projects) {
      expect(p.texts[p.language]?.translation, p.id).toBeUndefined();
      const others = Object.keys(p.texts).filter((lang) => lang !== p.language);
      expect(others.length, p.id).toBeGreaterThan(0);
      for (const lang of others) expect(p.texts[lang]!.translation, `${p.id}: ${lang}`).toBe('editorial');
      if (p.language !== 'en') expect(p.texts.en, p.id).toBeDefined();
      expect(seedLine(p.source.file, p.source.line)?.trim(), p.id).toBeTruthy();
    }
  });
});

describe('demo funded projects', () => {
  const all = [...projects, ...fundedProjects];

  it('are the projects of the two appeals and the three South-South funds, unique, in English', () => {
    const prefixes = { 'ct-mya19-': 60, 'ct-mya21-': 52, 'unfssc-': 8, 'ibsa-': 10, 'pgtf-': 26 };
    for (const [prefix, count] of Object.entries(prefixes))
      expect(
        fundedProjects.filter((p) => p.id.startsWith(prefix)),
        prefix,
      ).toHaveLength(count);
    expect(fundedProjects).toHaveLength(156);
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    expect(new Set(all.map((p) => p.identifier)).size).toBe(all.length);
    expect(new Set(fundedProjects.map((p) => p.texts.en?.title)).size).toBe(fundedProjects.length);
    for (const p of fundedProjects) {
      expect(p.identifier, p.id).toMatch(/^XM-SOUTHBRIDGE-/);
      expect(p.language, p.id).toBe('en');
      expect(
        p.participants.some((x) => x.role === '4'),
        p.id,
      ).toBe(true);
      expect(seedLine(p.source.file, p.source.line)?.trim(), p.id).toBeTruthy();
    }
  });

  it('no longer hold the appeals as projects', () => {
    for (const id of ['ct-multi-year-appeal-2019-2020', 'ct-multi-year-appeal-2021-2022'])
      expect(all.map((p) => p.id)).not.toContain(id);
    expect(funds.map((f) => f.id)).not.toContain('uncct-saudi-contributions');
  });
});

describe('demo funding', () => {
  const projectIds = new Set([...projects, ...fundedProjects].map((p) => p.id));
  const fundById = new Map(funds.map((f) => [f.id, f]));
  const figure = (fund: string, metric: string, year?: number) => {
    const found = fundById
      .get(fund)
      ?.figures.filter((f) => f.metric === metric && (year === undefined || f.year === year));
    expect(found, `${fund} ${metric}`).toHaveLength(1);
    return found![0]!;
  };
  const usd = (amount: number) => sumDecimals([String(amount)], 2);
  const total = (rows: Array<{ amount: string }>) => sumDecimals(['0', ...rows.map((r) => r.amount)], 2);
  const CTTF = 'un-counter-terrorism-trust-fund';

  it('parses, with one rate table stated against USD', () => {
    expect(funding.rateTables).toHaveLength(1);
    expect(funding.rateTables[0]!.baseCurrency).toBe('USD');
    expect(funding.rateTables[0]!.rates.EUR).toBe('0.98');
  });

  it('gives each appeal lines that add up exactly to its stated requirement and project count', () => {
    expect(funding.appeals.map((a) => a.appeal).sort()).toEqual([
      'ct-multi-year-appeal-2019-2020',
      'ct-multi-year-appeal-2021-2022',
    ]);
    for (const appeal of funding.appeals) {
      expect(fundById.get(appeal.appeal)?.kind).toBe('appeal');
      const target = figure(appeal.appeal, 'target');
      expect(appeal.lines.every((l) => l.currency === target.currency)).toBe(true);
      expect(total(appeal.lines.map((l) => ({ amount: l.requirement }))), appeal.appeal).toBe(
        usd(target.amount),
      );
      expect(appeal.lines, appeal.appeal).toHaveLength(figure(appeal.appeal, 'projects').amount);
      expect(appeal.note).toMatch(/illustrative/i);
    }
    const programmes = new Set(
      funding.appeals
        .find((a) => a.appeal === 'ct-multi-year-appeal-2021-2022')!
        .lines.map((l) => l.programme),
    );
    expect(programmes.size).toBe(12);
  });

  it('adds the Trust Fund contributions up to the pledged total, and its 2018 cash to the 2018 receipts', () => {
    const trustFund = funding.contributions.filter((c) => c.fund === CTTF);
    expect(trustFund.every((c) => c.currency === 'USD' && c.madeOn <= '2022-09-30')).toBe(true);
    expect(total(trustFund)).toBe(usd(figure(CTTF, 'pledged').amount));
    const paid2018 = trustFund.filter((c) => c.status === 'paid' && c.madeOn.startsWith('2018-'));
    expect(total(paid2018)).toBe(usd(figure(CTTF, 'received', 2018).amount));
    // Saudi Arabia's founding contributions, as the seed states them.
    const saudi = trustFund.filter((c) => c.donor === 'gov-saudi-arabia');
    expect(saudi.map((c) => [c.madeOn.slice(0, 4), c.amount])).toEqual([
      ['2011', '10000000.00'],
      ['2014', '100000000.00'],
    ]);
    expect(saudi[1]!.madeOn).toBe('2014-08-13');
    // Pledged and paid, earmarked to appeal projects and not.
    expect(trustFund.some((c) => c.status === 'pledged')).toBe(true);
    expect(trustFund.some((c) => c.project && c.appeal === 'ct-multi-year-appeal-2021-2022')).toBe(true);
    expect(trustFund.some((c) => !c.project)).toBe(true);
    expect(trustFund.filter((c) => c.donorName.includes('not named'))).toHaveLength(1);
  });

  it('adds the South-South funds up to the figures the seed states', () => {
    const contributed = (fund: string) => total(funding.contributions.filter((c) => c.fund === fund));
    const allocated = (fund: string) => funding.allocations.filter((a) => a.fund === fund);
    const unfssc = 'un-fund-for-south-south-cooperation';
    expect(contributed(unfssc)).toBe(usd(figure(unfssc, 'received').amount));
    expect(total(allocated(unfssc))).toBe(usd(figure(unfssc, 'received').amount));
    expect(allocated(unfssc)).toHaveLength(figure(unfssc, 'projects').amount);
    for (const fund of ['ibsa-fund', 'perez-guerrero-trust-fund']) {
      expect(total(allocated(fund)), fund).toBe(usd(figure(fund, 'disbursed').amount));
      expect(new Set(allocated(fund).map((a) => a.project)).size, fund).toBe(figure(fund, 'projects').amount);
    }
    expect(contributed('ibsa-fund')).toBe(usd(figure('ibsa-fund', 'received').amount));
    expect(contributed('perez-guerrero-trust-fund')).toBe(
      usd(figure('perez-guerrero-trust-fund', 'contribution').amount),
    );
    const india = 'india-un-development-partnership-fund';
    const pledges = fundById.get(india)!.figures.filter((f) => f.metric === 'pledged');
    expect(contributed(india)).toBe(sumDecimals(pledges.map((f) => usd(f.amount))));
    expect(allocated(india)).toHaveLength(0);
    for (const a of funding.allocations) expect(a.note, a.project).toMatch(/illustrative/i);
  });

  it('names only known funds, projects, organisations and currencies, and cites a seed line', () => {
    const rates = funding.rateTables[0]!.rates;
    for (const c of funding.contributions) {
      const where = `${c.donorName} ${c.madeOn}`;
      for (const fund of [c.fund, c.appeal]) if (fund) expect(fundById.has(fund), where).toBe(true);
      if (c.appeal) expect(fundById.get(c.appeal)?.kind, where).toBe('appeal');
      if (c.fund) expect(fundById.get(c.fund)?.kind, where).toBe('trust-fund');
      if (c.project) expect(projectIds, where).toContain(c.project);
      if (c.donor) expect(orgIds, where).toContain(c.donor);
      if (c.currency !== 'USD') expect(rates[c.currency], where).toBeDefined();
      expect(seedLine(c.source.file, c.source.line)?.trim(), where).toBeTruthy();
    }
    for (const a of funding.allocations) {
      expect(fundById.get(a.fund)?.kind, a.project).toBe('trust-fund');
      expect(projectIds, a.project).toContain(a.project);
      expect(seedLine(a.source.file, a.source.line)?.trim(), a.project).toBeTruthy();
    }
    for (const line of funding.appeals.flatMap((a) => a.lines)) expect(projectIds).toContain(line.project);
  });
});
