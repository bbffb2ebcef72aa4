/**
 * Writes the demo funding data: data/demo/funded-projects.json (the projects of the counter-terrorism
 * Multi-Year Appeals and of three South-South trust funds) and data/demo/funding.json (appeal
 * lines, contributions, fund allocations and a rate table).
 *
 * The seed documents state totals only: what each appeal asks for and how many projects it holds,
 * what the Trust Fund for Counter-Terrorism mobilised and received in 2018, what the South-South
 * funds received and implemented through how many projects. Every breakdown below (per project,
 * per donor, per year) is illustrative and deterministic: amounts come from fixed weights, are
 * scaled to the stated total and rounded, and the rounding remainder goes to the largest item, so
 * the parts always add up exactly to the figure the seed states. Run: npx tsx scripts/demo-funding.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { dataFilesDir } from '../src/server/paths.js';
import {
  CountryFile,
  FundFile,
  FundingFile,
  OrganisationFile,
  ProjectFile,
  readDataFile,
  SdgFile,
  TaxonomyFile,
} from '../src/server/seed/files.js';

type Project = z.input<typeof ProjectFile>[number];
type Funding = z.input<typeof FundingFile>;
type Source = { file: string; line: number; paragraph?: string };

const CT_SEED = '003_2b0d9f849ee8576f.txt';
const SSC_SEED = '002_4107561f56433cfe.txt';
const SRC = {
  mya19: { file: CT_SEED, line: 628 },
  mya21: { file: CT_SEED, line: 228 },
  trustFund: { file: CT_SEED, line: 198 },
  topTen: { file: CT_SEED, line: 206 },
  receipts2018: { file: CT_SEED, line: 214 },
  saudi2011: { file: CT_SEED, line: 318 },
  saudi2014: { file: CT_SEED, line: 322 },
  interactiveAppeal: { file: CT_SEED, line: 646 },
  india: { file: SSC_SEED, line: 235, paragraph: '80' },
  sscFunds: { file: SSC_SEED, line: 237, paragraph: '81' },
} satisfies Record<string, Source>;

const MYA19 = 'ct-multi-year-appeal-2019-2020';
const MYA21 = 'ct-multi-year-appeal-2021-2022';
const CTTF = 'un-counter-terrorism-trust-fund';
const UNFSSC = 'un-fund-for-south-south-cooperation';
const IBSA = 'ibsa-fund';
const PGTF = 'perez-guerrero-trust-fund';
const INDIA_UN = 'india-un-development-partnership-fund';

const ILLUSTRATIVE_SPLIT =
  'Illustrative: the split across projects is invented for the demo; only the total and the number of projects come from the source.';

// ---------------------------------------------------------------------------------------------
// Exact money in integer cents.

const cents = (usd: number) => Math.round(usd * 100);
const money = (c: number) => `${Math.trunc(c / 100)}.${String(c % 100).padStart(2, '0')}`;

/** A small deterministic hash, for reproducible variation between otherwise similar items. */
function hash(text: string): number {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/**
 * Splits `total` cents over the weights, each part rounded to `step` cents; the remainder of the
 * rounding goes to the largest part, so the parts add up to `total` exactly.
 */
function split(total: number, weights: number[], step: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.round((total * w) / sum / step) * step);
  const largest = parts.indexOf(Math.max(...parts));
  parts[largest]! += total - parts.reduce((a, b) => a + b, 0);
  if (parts.some((p) => p <= 0)) throw new Error('split: a part is not positive');
  return parts;
}

/** Equal percentage shares that add up to 100 exactly (the first takes the rounding). */
function shares(n: number): string[] {
  const base = Math.floor(10000 / n);
  const first = 10000 - base * (n - 1);
  return [first, ...Array(n - 1).fill(base)].map((v: number) =>
    v % 100 === 0 ? String(v / 100) : (v / 100).toFixed(2),
  );
}

// ---------------------------------------------------------------------------------------------
// Places: the regions the seeds name (Sahel, Lake Chad, Horn of Africa, Maghreb, Central and
// South-East Asia, South Asia, the Middle East and North Africa, CARICOM) and single countries.

type Place = { in: string; where: string; countries?: string[]; region?: string };
const PLACES: Record<string, Place> = {
  global: { in: 'worldwide', where: 'Member States in all regions', region: '998' },
  'lake-chad': {
    in: 'in the Lake Chad Basin',
    where: 'Cameroon, Chad, Niger and Nigeria',
    countries: ['CMR', 'TCD', 'NER', 'NGA'],
  },
  sahel: {
    in: 'in the central Sahel',
    where: 'Burkina Faso, Mali and Niger',
    countries: ['BFA', 'MLI', 'NER'],
  },
  horn: {
    in: 'in the Horn of Africa',
    where: 'Djibouti, Ethiopia, Kenya and Somalia',
    countries: ['DJI', 'ETH', 'KEN', 'SOM'],
  },
  maghreb: {
    in: 'in the Maghreb',
    where: 'Algeria, Libya, Morocco and Tunisia',
    countries: ['DZA', 'LBY', 'MAR', 'TUN'],
  },
  'central-asia': {
    in: 'in Central Asia',
    where: 'Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan',
    countries: ['KAZ', 'KGZ', 'TJK', 'TKM', 'UZB'],
  },
  'south-east-asia': {
    in: 'in South-East Asia',
    where: 'Indonesia, Malaysia, the Philippines and Thailand',
    countries: ['IDN', 'MYS', 'PHL', 'THA'],
  },
  'south-asia': {
    in: 'in South Asia',
    where: 'Bangladesh, Maldives, Nepal and Sri Lanka',
    countries: ['BGD', 'MDV', 'NPL', 'LKA'],
  },
  mena: {
    in: 'in the Middle East and North Africa',
    where: 'Egypt, Iraq, Jordan and Lebanon',
    countries: ['EGY', 'IRQ', 'JOR', 'LBN'],
  },
  caricom: {
    in: 'in CARICOM member States',
    where: 'Barbados, Guyana, Jamaica and Trinidad and Tobago',
    countries: ['BRB', 'GUY', 'JAM', 'TTO'],
  },
  'west-africa': {
    in: 'in coastal West Africa',
    where: "Benin, Côte d'Ivoire, Ghana and Togo",
    countries: ['BEN', 'CIV', 'GHA', 'TGO'],
  },
  'gulf-of-guinea': {
    in: 'in the Gulf of Guinea',
    where: 'Benin, Cameroon, Ghana, Nigeria and Togo',
    countries: ['BEN', 'CMR', 'GHA', 'NGA', 'TGO'],
  },
  'east-africa': {
    in: 'in East Africa',
    where: 'Kenya, Mozambique, Uganda and the United Republic of Tanzania',
    countries: ['KEN', 'MOZ', 'UGA', 'TZA'],
  },
};
const COUNTRY_PLACES: Array<[string, string, string]> = [
  ['afghanistan', 'Afghanistan', 'AFG'],
  ['bangladesh', 'Bangladesh', 'BGD'],
  ['burkina-faso', 'Burkina Faso', 'BFA'],
  ['cameroon', 'Cameroon', 'CMR'],
  ['chad', 'Chad', 'TCD'],
  ['egypt', 'Egypt', 'EGY'],
  ['ethiopia', 'Ethiopia', 'ETH'],
  ['indonesia', 'Indonesia', 'IDN'],
  ['iraq', 'Iraq', 'IRQ'],
  ['jordan', 'Jordan', 'JOR'],
  ['kazakhstan', 'Kazakhstan', 'KAZ'],
  ['kenya', 'Kenya', 'KEN'],
  ['kyrgyzstan', 'Kyrgyzstan', 'KGZ'],
  ['lebanon', 'Lebanon', 'LBN'],
  ['libya', 'Libya', 'LBY'],
  ['maldives', 'Maldives', 'MDV'],
  ['mali', 'Mali', 'MLI'],
  ['morocco', 'Morocco', 'MAR'],
  ['mozambique', 'Mozambique', 'MOZ'],
  ['niger', 'Niger', 'NER'],
  ['nigeria', 'Nigeria', 'NGA'],
  ['pakistan', 'Pakistan', 'PAK'],
  ['philippines', 'the Philippines', 'PHL'],
  ['somalia', 'Somalia', 'SOM'],
  ['sri-lanka', 'Sri Lanka', 'LKA'],
  ['tajikistan', 'Tajikistan', 'TJK'],
  ['trinidad-and-tobago', 'Trinidad and Tobago', 'TTO'],
  ['tunisia', 'Tunisia', 'TUN'],
  ['uzbekistan', 'Uzbekistan', 'UZB'],
];
for (const [key, name, iso3] of COUNTRY_PLACES)
  PLACES[key] = { in: `in ${name}`, where: name, countries: [iso3] };

function placeOf(key: string): Place {
  const place = PLACES[key];
  if (!place) throw new Error(`unknown place "${key}"`);
  return place;
}

function recipients(place: Place): Pick<Project, 'countries' | 'regions'> {
  if (place.region) return { countries: [], regions: [{ code: place.region, percentage: null }] };
  const list = place.countries!;
  const pct = list.length === 1 ? [null] : shares(list.length);
  return { countries: list.map((iso3, i) => ({ iso3, percentage: pct[i]! })), regions: [] };
}

const scopeOf = (place: Place) =>
  place.region ? 'global' : place.countries!.length > 1 ? 'regional' : 'national';

// ---------------------------------------------------------------------------------------------
// Counter-terrorism topics: a title, a one-sentence description for a place, and their codes.

type Topic = {
  title: string;
  describe: (where: string) => string;
  themes: Array<[string, string]>;
  targets: string[];
  sectors: Array<[string, string]>;
  modalities: string[];
};
const CT_TOPICS: Record<string, Topic> = {
  'border-security': {
    title: 'Strengthening border security and management',
    describe: (w) =>
      `Helps border, customs and immigration agencies in ${w} detect and stop the cross-border movement of terrorist suspects through integrated border management, joint patrols and data sharing`,
    themes: [
      ['wg-border-law-enforcement', '70'],
      ['counter-terrorism', '30'],
    ],
    targets: ['16.a', '10.7'],
    sectors: [['15210', '100']],
    modalities: ['training-course', 'expert-deployment'],
  },
  'api-pnr': {
    title: 'Advance passenger information and passenger name record systems',
    describe: (w) =>
      `Supports ${w} in collecting, analysing and sharing advance passenger information and passenger name records to detect the travel of foreign terrorist fighters`,
    themes: [
      ['wg-border-law-enforcement', '70'],
      ['counter-terrorism', '30'],
    ],
    targets: ['16.a'],
    sectors: [['15210', '100']],
    modalities: ['technology-transfer', 'training-course'],
  },
  'terrorist-financing': {
    title: 'Countering the financing of terrorism',
    describe: (w) =>
      `Builds the capacity of financial intelligence units, supervisors and prosecutors in ${w} to detect, investigate and disrupt the financing of terrorism`,
    themes: [
      ['wg-criminal-justice-cft', '70'],
      ['counter-terrorism', '30'],
    ],
    targets: ['16.4', '16.a'],
    sectors: [
      ['15130', '60'],
      ['15210', '40'],
    ],
    modalities: ['training-course', 'policy-advice'],
  },
  'law-enforcement-training': {
    title: 'Counter-terrorism training for law-enforcement officers',
    describe: (w) =>
      `Trains police and other law-enforcement officers in ${w} in intelligence-led investigation of terrorist offences that respects human rights`,
    themes: [
      ['wg-border-law-enforcement', '60'],
      ['counter-terrorism', '40'],
    ],
    targets: ['16.a', '16.3'],
    sectors: [['15210', '100']],
    modalities: ['training-course'],
  },
  'organized-crime-nexus': {
    title: 'Addressing the links between terrorism and organized crime',
    describe: (w) =>
      `Helps law-enforcement and justice authorities in ${w} identify and disrupt the links between terrorist groups and trafficking in drugs, arms and people`,
    themes: [
      ['wg-criminal-justice-cft', '60'],
      ['counter-terrorism', '40'],
    ],
    targets: ['16.4', '16.a'],
    sectors: [
      ['15210', '50'],
      ['15130', '50'],
    ],
    modalities: ['joint-research', 'training-course'],
  },
  'criminal-justice': {
    title: 'Criminal justice responses to terrorism',
    describe: (w) =>
      `Supports investigators, prosecutors and judges in ${w} in handling terrorism cases fairly and effectively under the rule of law`,
    themes: [
      ['wg-criminal-justice-cft', '70'],
      ['wg-human-rights-victims', '30'],
    ],
    targets: ['16.3', '16.a'],
    sectors: [['15130', '100']],
    modalities: ['training-course', 'policy-advice'],
  },
  'foreign-terrorist-fighters': {
    title: 'Prosecution, rehabilitation and reintegration of foreign terrorist fighters',
    describe: (w) =>
      `Helps authorities in ${w} prosecute, rehabilitate and reintegrate returning foreign terrorist fighters and their families`,
    themes: [
      ['counter-terrorism', '50'],
      ['wg-criminal-justice-cft', '50'],
    ],
    targets: ['16.a', '16.3'],
    sectors: [
      ['15130', '50'],
      ['15220', '50'],
    ],
    modalities: ['policy-advice', 'expert-deployment'],
  },
  prisons: {
    title: 'Preventing radicalization to violence in prisons',
    describe: (w) =>
      `Helps prison services in ${w} prevent radicalization to violence among inmates and prepare the disengagement and reintegration of violent extremist prisoners`,
    themes: [
      ['wg-pcve', '60'],
      ['wg-criminal-justice-cft', '40'],
    ],
    targets: ['16.a', '16.3'],
    sectors: [['15130', '100']],
    modalities: ['training-course', 'expert-deployment'],
  },
  strategies: {
    title: 'National counter-terrorism and prevention strategies',
    describe: (w) =>
      `Helps governments in ${w} draft, cost and carry out whole-of-society strategies to counter terrorism and prevent violent extremism`,
    themes: [
      ['wg-national-regional-strategies', '70'],
      ['counter-terrorism', '30'],
    ],
    targets: ['16.a', '16.7'],
    sectors: [
      ['15110', '50'],
      ['15220', '50'],
    ],
    modalities: ['policy-advice'],
  },
  'youth-engagement': {
    title: 'Preventing violent extremism through youth engagement',
    describe: (w) =>
      `Works with young people, local authorities and community leaders in ${w} to address the drivers of violent extremism through dialogue, skills and livelihoods`,
    themes: [
      ['wg-pcve', '70'],
      ['youth', '30'],
    ],
    targets: ['16.a', '8.6'],
    sectors: [['15220', '100']],
    modalities: ['training-course', 'study-visit'],
  },
  education: {
    title: 'Preventing violent extremism through education',
    describe: (w) =>
      `Helps education ministries and teachers in ${w} build learners' resilience to violent extremism through global citizenship education`,
    themes: [
      ['wg-pcve', '60'],
      ['education', '40'],
    ],
    targets: ['4.7', '16.a'],
    sectors: [['11110', '100']],
    modalities: ['training-course', 'policy-advice'],
  },
  'women-leadership': {
    title: "Women's leadership in preventing violent extremism",
    describe: (w) =>
      `Supports women's organisations and gender-responsive policies in ${w} so that women take part in and lead efforts to prevent violent extremism`,
    themes: [
      ['wg-gender', '60'],
      ['wg-pcve', '40'],
    ],
    targets: ['5.5', '16.a'],
    sectors: [['15170', '100']],
    modalities: ['training-course', 'policy-advice'],
  },
  'civil-society': {
    title: 'Engaging civil society in preventing violent extremism',
    describe: (w) =>
      `Brings civil society organisations, religious leaders and the media in ${w} into the design and monitoring of efforts to prevent violent extremism`,
    themes: [
      ['wg-pcve', '70'],
      ['counter-terrorism', '30'],
    ],
    targets: ['16.7', '16.a'],
    sectors: [['15150', '100']],
    modalities: ['study-visit', 'policy-advice'],
  },
  'strategic-communications': {
    title: 'Strategic communications against terrorist narratives',
    describe: (w) =>
      `Helps governments and civil society in ${w} counter terrorist propaganda online and offline with credible alternative messages`,
    themes: [
      ['wg-pcve', '70'],
      ['counter-terrorism', '30'],
    ],
    targets: ['16.a', '16.10'],
    sectors: [['15220', '100']],
    modalities: ['training-course', 'technology-transfer'],
  },
  'human-rights': {
    title: 'Human rights compliance in counter-terrorism',
    describe: (w) =>
      `Helps security forces and oversight bodies in ${w} apply international human rights law when they prevent and respond to terrorism`,
    themes: [
      ['wg-human-rights-victims', '70'],
      ['counter-terrorism', '30'],
    ],
    targets: ['16.3', '16.10'],
    sectors: [['15160', '100']],
    modalities: ['training-course', 'policy-advice'],
  },
  victims: {
    title: 'Support to victims of terrorism',
    describe: (w) =>
      `Helps authorities and victims' associations in ${w} recognise, assist and protect victims of terrorism and uphold their rights`,
    themes: [
      ['wg-human-rights-victims', '70'],
      ['ct-pillar-4', '30'],
    ],
    targets: ['16.1', '16.3'],
    sectors: [['15160', '100']],
    modalities: ['policy-advice', 'study-visit'],
  },
  'civic-space': {
    title: 'Protecting civic space in counter-terrorism measures',
    describe: (w) =>
      `Reviews counter-terrorism laws and practice in ${w} with governments and civil society so that they do not restrict civic space or human rights defenders`,
    themes: [
      ['wg-human-rights-victims', '70'],
      ['wg-national-regional-strategies', '30'],
    ],
    targets: ['16.10', '16.7'],
    sectors: [['15160', '100']],
    modalities: ['policy-advice'],
  },
  'migrant-protection': {
    title: 'Rights-based border management and migrant protection',
    describe: (w) =>
      `Helps border and immigration officials in ${w} identify security risks while protecting the rights of migrants and refugees`,
    themes: [
      ['wg-border-law-enforcement', '50'],
      ['migration', '50'],
    ],
    targets: ['10.7', '16.a'],
    sectors: [['15190', '100']],
    modalities: ['training-course'],
  },
  // Topics of the 2021–2022 appeal's programmes.
  'passenger-data': {
    title: 'Passenger data systems to detect terrorist travel',
    describe: (w) =>
      `Helps ${w} set up a passenger information unit and the software, law and training to use advance passenger information and passenger name records against terrorist travel`,
    themes: [
      ['wg-border-law-enforcement', '70'],
      ['counter-terrorism', '30'],
    ],
    targets: ['16.a'],
    sectors: [['15210', '100']],
    modalities: ['technology-transfer', 'training-course'],
  },
  'financial-investigations': {
    title: 'Detecting and disrupting terrorist financing',
    describe: (w) =>
      `Strengthens financial investigations, public-private information sharing and asset freezing against the financing of terrorism in ${w}`,
    themes: [
      ['wg-criminal-justice-cft', '80'],
      ['counter-terrorism', '20'],
    ],
    targets: ['16.4', '16.a'],
    sectors: [
      ['15130', '60'],
      ['15210', '40'],
    ],
    modalities: ['training-course', 'policy-advice'],
  },
  'artificial-intelligence': {
    title: 'Responsible use of artificial intelligence against terrorism',
    describe: (w) =>
      `Helps law-enforcement agencies in ${w} use artificial intelligence to detect terrorist content and activity online while respecting human rights`,
    themes: [
      ['wg-emerging-threats', '70'],
      ['wg-human-rights-victims', '30'],
    ],
    targets: ['16.a', '9.c'],
    sectors: [
      ['15210', '50'],
      ['22040', '50'],
    ],
    modalities: ['technology-transfer', 'training-course'],
  },
  'victims-assistance': {
    title: 'Assistance and recognition for victims of terrorism',
    describe: (w) =>
      `Helps ${w} build national systems of assistance, compensation and remembrance for victims of terrorism, with victims' associations`,
    themes: [
      ['wg-human-rights-victims', '80'],
      ['ct-pillar-4', '20'],
    ],
    targets: ['16.1', '16.3'],
    sectors: [['15160', '100']],
    modalities: ['policy-advice', 'study-visit'],
  },
  'rule-of-law-justice': {
    title: 'Rule-of-law-based criminal justice responses to terrorism',
    describe: (w) =>
      `Supports the investigation, prosecution and adjudication of terrorism cases in ${w}, including the use of battlefield evidence and the rights of the accused`,
    themes: [
      ['wg-criminal-justice-cft', '70'],
      ['wg-human-rights-victims', '30'],
    ],
    targets: ['16.3', '16.a'],
    sectors: [['15130', '100']],
    modalities: ['training-course', 'expert-deployment'],
  },
  'maritime-security': {
    title: 'Maritime security and the protection of ports against terrorism',
    describe: (w) =>
      `Helps maritime administrations and port authorities in ${w} apply international maritime security measures that protect ships, ports and offshore installations from terrorist attack`,
    themes: [
      ['wg-emerging-threats', '50'],
      ['wg-border-law-enforcement', '50'],
    ],
    targets: ['16.a', '9.1'],
    sectors: [['15210', '100']],
    modalities: ['training-course', 'expert-deployment'],
  },
  'border-data': {
    title: 'Biometric and criminal data sharing at borders',
    describe: (w) =>
      `Connects border posts in ${w} to international police databases and helps them collect and share biometric data to identify terrorist suspects`,
    themes: [
      ['wg-border-law-enforcement', '70'],
      ['wg-emerging-threats', '30'],
    ],
    targets: ['16.a'],
    sectors: [['15210', '100']],
    modalities: ['technology-transfer', 'training-course'],
  },
  'immigration-border-management': {
    title: 'Humane and secure immigration and border management',
    describe: (w) =>
      `Helps ${w} manage borders and mixed migration flows securely and humanely, with border posts, screening and referral of vulnerable migrants`,
    themes: [
      ['wg-border-law-enforcement', '60'],
      ['migration', '40'],
    ],
    targets: ['10.7', '16.a'],
    sectors: [['15190', '100']],
    modalities: ['expert-deployment', 'training-course'],
  },
  'human-rights-rule-of-law': {
    title: 'Human rights and the rule of law in counter-terrorism',
    describe: (w) =>
      `Advises governments, parliaments and national human rights institutions in ${w} on counter-terrorism laws and practice that comply with human rights`,
    themes: [
      ['wg-human-rights-victims', '80'],
      ['counter-terrorism', '20'],
    ],
    targets: ['16.3', '16.10'],
    sectors: [['15160', '100']],
    modalities: ['policy-advice'],
  },
  'children-affected': {
    title: 'Protection and reintegration of children associated with violent extremist groups',
    describe: (w) =>
      `Supports the return, rehabilitation and reintegration of children associated with violent extremist groups in ${w}, treated first and foremost as victims`,
    themes: [
      ['wg-human-rights-victims', '60'],
      ['social-protection', '40'],
    ],
    targets: ['16.2', '16.a'],
    sectors: [['15261', '100']],
    modalities: ['expert-deployment', 'policy-advice'],
  },
  'gender-responsive-prevention': {
    title: 'Gender-responsive prevention of violent extremism',
    describe: (w) =>
      `Puts gender analysis and women's civil society at the centre of counter-terrorism and prevention policy in ${w}`,
    themes: [
      ['wg-gender', '70'],
      ['wg-pcve', '30'],
    ],
    targets: ['5.5', '16.a'],
    sectors: [['15170', '100']],
    modalities: ['policy-advice', 'training-course'],
  },
  'inclusive-development': {
    title: 'Preventing violent extremism through inclusive development',
    describe: (w) =>
      `Addresses the development drivers of violent extremism in ${w}, such as exclusion, weak local governance and lack of livelihoods, with local authorities and communities`,
    themes: [
      ['wg-pcve', '60'],
      ['governance', '40'],
    ],
    targets: ['16.7', '16.a'],
    sectors: [['15220', '100']],
    modalities: ['policy-advice', 'expert-deployment'],
  },
};

const ORG_SHORT: Record<string, string> = {
  uncct: 'UNCCT',
  unoct: 'UNOCT',
  unodc: 'UNODC',
  undp: 'UNDP',
  ohchr: 'OHCHR',
  unesco: 'UNESCO',
  unicri: 'UNICRI',
  'un-women': 'UN Women',
  iom: 'IOM',
  'un-resident-coordinators': 'the UN resident coordinators',
  'sr-counter-terrorism-human-rights': 'the Special Rapporteur on human rights and counter-terrorism',
  cted: 'CTED',
  imo: 'IMO',
  interpol: 'INTERPOL',
  unicef: 'UNICEF',
};
const andList = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

function goalsOf(targets: string[]): string[] {
  return [...new Set(targets.map((t) => t.split('.')[0]!))].sort((a, b) => Number(a) - Number(b));
}

function ctProject(options: {
  slug: string;
  identifier: string;
  topic: string;
  place: string;
  lead: string;
  partners: string[];
  status: Project['status'];
  dates: Project['dates'];
  source: Source;
}): Project {
  const topic = CT_TOPICS[options.topic];
  if (!topic) throw new Error(`unknown topic "${options.topic}"`);
  const place = placeOf(options.place);
  const implementers = [options.lead, ...options.partners];
  const joint = options.partners.length
    ? `; implemented jointly by ${andList(implementers.map((o) => ORG_SHORT[o] ?? o))}`
    : '';
  const scope = scopeOf(place);
  return {
    id: options.slug,
    identifier: options.identifier,
    language: 'en',
    texts: {
      en: { title: `${topic.title} ${place.in}`, description: `${topic.describe(place.where)}${joint}.` },
    },
    reportingOrg: options.lead,
    participants: implementers.map((organisation) => ({
      organisation,
      role: '4' as const,
      southSouthRole: 'facilitator' as const,
    })),
    ...recipients(place),
    sectors: topic.sectors.map(([code, percentage]) => ({
      code,
      percentage: topic.sectors.length === 1 ? null : percentage,
    })),
    themes: topic.themes.map(([id, percentage]) => ({ id, percentage })),
    sdgGoals: goalsOf(topic.targets),
    sdgTargets: topic.targets,
    modalities: topic.modalities,
    cooperationType: scope === 'global' ? 'triangular' : scope === 'regional' ? 'regional' : null,
    status: options.status,
    dates: options.dates,
    defaultCurrency: 'USD',
    source: options.source,
  };
}

// ---------------------------------------------------------------------------------------------
// UN Counter-Terrorism Multi-Year Appeal 2019–2020: 60 projects across the four pillars of the
// Global Counter-Terrorism Strategy, submitted by 10 UN entities; nearly half carried out jointly.

const PILLARS: Record<string, string> = {
  'youth-engagement': '1',
  education: '1',
  'women-leadership': '1',
  'civil-society': '1',
  'strategic-communications': '1',
  'border-security': '2',
  'api-pnr': '2',
  'terrorist-financing': '2',
  'law-enforcement-training': '2',
  'organized-crime-nexus': '2',
  'criminal-justice': '2',
  'foreign-terrorist-fighters': '3',
  prisons: '3',
  strategies: '3',
  'human-rights': '4',
  victims: '4',
  'civic-space': '4',
  'migrant-protection': '4',
};
const PILLAR_NAMES: Record<string, string> = {
  '1': 'Pillar I: conditions conducive to the spread of terrorism',
  '2': 'Pillar II: preventing and combating terrorism',
  '3': "Pillar III: building States' capacity and the role of the UN system",
  '4': 'Pillar IV: human rights and the rule of law',
};

const SR = 'sr-counter-terrorism-human-rights';
const RC = 'un-resident-coordinators';
/** [lead entity, co-implementers, topic, place] */
const MYA19_PROJECTS: Array<[string, string[], string, string]> = [
  ['uncct', ['unodc', 'iom'], 'api-pnr', 'global'],
  ['uncct', ['iom'], 'border-security', 'sahel'],
  ['uncct', ['unodc'], 'terrorist-financing', 'central-asia'],
  ['uncct', [], 'strategic-communications', 'south-east-asia'],
  ['uncct', [], 'victims', 'global'],
  ['uncct', [], 'law-enforcement-training', 'maghreb'],
  ['uncct', ['undp'], 'strategies', 'horn'],
  ['uncct', [], 'terrorist-financing', 'mena'],
  ['uncct', [], 'border-security', 'central-asia'],
  ['uncct', [], 'law-enforcement-training', 'caricom'],
  ['uncct', ['unicri'], 'foreign-terrorist-fighters', 'south-east-asia'],
  ['uncct', [], 'youth-engagement', 'south-asia'],
  ['unodc', ['uncct'], 'criminal-justice', 'lake-chad'],
  ['unodc', [], 'terrorist-financing', 'sahel'],
  ['unodc', ['unicri'], 'prisons', 'central-asia'],
  ['unodc', [], 'criminal-justice', 'iraq'],
  ['unodc', ['iom'], 'border-security', 'horn'],
  ['unodc', [], 'organized-crime-nexus', 'west-africa'],
  ['unodc', ['ohchr'], 'foreign-terrorist-fighters', 'mena'],
  ['unodc', [], 'law-enforcement-training', 'kenya'],
  ['unodc', [], 'criminal-justice', 'maldives'],
  ['unodc', ['uncct'], 'api-pnr', 'south-asia'],
  ['undp', ['un-women'], 'youth-engagement', 'lake-chad'],
  ['undp', [], 'strategies', 'sahel'],
  ['undp', ['unesco'], 'civil-society', 'horn'],
  ['undp', [], 'youth-engagement', 'tunisia'],
  ['undp', [], 'civil-society', 'philippines'],
  ['undp', ['uncct'], 'strategies', 'caricom'],
  ['undp', [], 'youth-engagement', 'kyrgyzstan'],
  ['iom', ['unodc'], 'border-security', 'lake-chad'],
  ['iom', [], 'migrant-protection', 'maghreb'],
  ['iom', [], 'border-security', 'somalia'],
  ['iom', ['uncct'], 'api-pnr', 'east-africa'],
  ['iom', [], 'migrant-protection', 'central-asia'],
  ['iom', [], 'border-security', 'libya'],
  ['ohchr', [], 'human-rights', 'sahel'],
  ['ohchr', [SR], 'civic-space', 'global'],
  ['ohchr', ['unodc'], 'human-rights', 'lake-chad'],
  ['ohchr', [], 'human-rights', 'central-asia'],
  ['ohchr', ['iom'], 'migrant-protection', 'mena'],
  ['unicri', ['unodc'], 'organized-crime-nexus', 'sahel'],
  ['unicri', [], 'prisons', 'maghreb'],
  ['unicri', [], 'foreign-terrorist-fighters', 'global'],
  ['unicri', ['uncct'], 'organized-crime-nexus', 'south-east-asia'],
  ['unicri', [], 'prisons', 'kenya'],
  ['unesco', [], 'education', 'global'],
  ['unesco', ['undp'], 'education', 'sahel'],
  ['unesco', [], 'education', 'central-asia'],
  ['unesco', [], 'strategic-communications', 'mena'],
  ['un-women', [], 'women-leadership', 'global'],
  ['un-women', ['undp'], 'women-leadership', 'south-east-asia'],
  ['un-women', [], 'women-leadership', 'horn'],
  ['un-women', ['ohchr'], 'women-leadership', 'south-asia'],
  [RC, ['undp', 'unodc'], 'strategies', 'tajikistan'],
  [RC, [], 'civil-society', 'nigeria'],
  [RC, ['undp'], 'strategies', 'mali'],
  [RC, ['unesco'], 'youth-engagement', 'sri-lanka'],
  [SR, [], 'civic-space', 'central-asia'],
  [SR, ['ohchr'], 'human-rights', 'global'],
  [SR, [], 'civic-space', 'sahel'],
];

// ---------------------------------------------------------------------------------------------
// UN Counter-Terrorism Multi-Year Appeal 2021–2022: 52 projects within 12 projects and programmes
// of Global Compact entities (CTED, IMO, INTERPOL, IOM, OHCHR, UNDP, UNICEF, UNICRI, UNODC and
// UN Women, with UNOCT).

const MYA21_PROGRAMMES: Array<{
  name: string;
  lead: string;
  partners: string[];
  topic: string;
  places: string[];
}> = [
  {
    name: 'UNOCT Countering Terrorist Travel Programme',
    lead: 'unoct',
    partners: ['cted', 'unodc', 'interpol'],
    topic: 'passenger-data',
    places: ['maldives', 'philippines', 'kenya', 'jordan', 'trinidad-and-tobago'],
  },
  {
    name: 'UNOCT-UNODC Programme on Countering the Financing of Terrorism',
    lead: 'unoct',
    partners: ['unodc', 'cted'],
    topic: 'financial-investigations',
    places: ['global', 'central-asia', 'lake-chad', 'south-east-asia', 'horn'],
  },
  {
    name: 'UNICRI-UNOCT Programme on Artificial Intelligence and New Technologies against Terrorism',
    lead: 'unicri',
    partners: ['unoct'],
    topic: 'artificial-intelligence',
    places: ['global', 'south-east-asia', 'south-asia', 'maghreb'],
  },
  {
    name: 'UNOCT Global Programme on Victims of Terrorism',
    lead: 'unoct',
    partners: [],
    topic: 'victims-assistance',
    places: ['global', 'iraq', 'nigeria', 'sri-lanka', 'burkina-faso'],
  },
  {
    name: 'UNODC Global Programme on Criminal Justice Responses to Terrorism',
    lead: 'unodc',
    partners: ['unoct'],
    topic: 'rule-of-law-justice',
    places: ['sahel', 'iraq', 'philippines', 'somalia', 'mozambique'],
  },
  {
    name: 'IMO Maritime Security Programme',
    lead: 'imo',
    partners: ['unoct', 'unodc'],
    topic: 'maritime-security',
    places: ['gulf-of-guinea', 'horn', 'south-east-asia', 'caricom'],
  },
  {
    name: 'INTERPOL Counter-Terrorism Border Data Programme',
    lead: 'interpol',
    partners: ['unoct'],
    topic: 'border-data',
    places: ['sahel', 'maghreb', 'central-asia', 'east-africa'],
  },
  {
    name: 'IOM Immigration and Border Management Programme',
    lead: 'iom',
    partners: [],
    topic: 'immigration-border-management',
    places: ['horn', 'libya', 'niger', 'tajikistan'],
  },
  {
    name: 'OHCHR Programme on Human Rights and Counter-Terrorism',
    lead: 'ohchr',
    partners: ['unoct'],
    topic: 'human-rights-rule-of-law',
    places: ['global', 'sahel', 'central-asia', 'mena'],
  },
  {
    name: 'UNICEF Programme for Children Affected by Violent Extremism',
    lead: 'unicef',
    partners: ['unoct', 'unodc'],
    topic: 'children-affected',
    places: ['iraq', 'lake-chad', 'somalia', 'central-asia'],
  },
  {
    name: 'UN Women Programme on Gender Equality in Preventing Violent Extremism',
    lead: 'un-women',
    partners: [],
    topic: 'gender-responsive-prevention',
    places: ['global', 'south-east-asia', 'south-asia', 'sahel'],
  },
  {
    name: 'UNDP Global Programme on Preventing Violent Extremism through Development',
    lead: 'undp',
    partners: [],
    topic: 'inclusive-development',
    places: ['horn', 'lake-chad', 'maghreb', 'south-east-asia'],
  },
];

/** Weights of a project's requirement: by scope, varied by a hash of its slug (0.75–1.25). */
function requirementWeight(slug: string, place: Place): number {
  const base = { global: 5, regional: 3.2, national: 1.6 }[scopeOf(place)];
  return base * (0.75 + (hash(slug) % 51) / 100);
}

const pad = (n: number) => String(n).padStart(2, '0');

type AppealLine = { project: string; programme: string | null; requirement: string; currency: string };

/** Each appeal project's requirement is also its indicative budget over its planned dates. */
function withBudgets(projects: Project[], lines: AppealLine[]) {
  projects.forEach((p, i) => {
    p.budgets = [
      {
        type: '1',
        status: '1',
        periodStart: p.dates!.plannedStart!,
        periodEnd: p.dates!.plannedEnd!,
        amount: lines[i]!.requirement,
        currency: lines[i]!.currency,
      },
    ];
  });
}

function buildMya19(): { projects: Project[]; lines: AppealLine[] } {
  const projects = MYA19_PROJECTS.map(([lead, partners, topic, place], i) => {
    const n = pad(i + 1);
    return ctProject({
      slug: `ct-mya19-${n}-${topic}-${place}`,
      identifier: `XM-SOUTHBRIDGE-UNOCT-MYA19-${n}`,
      topic,
      place,
      lead,
      partners,
      status: i % 3 === 2 ? '3' : '4',
      dates: {
        plannedStart: ['2019-01-01', '2019-04-01', '2019-07-01'][i % 3]!,
        plannedEnd: i % 4 === 3 ? '2020-06-30' : '2020-12-31',
      },
      source: SRC.mya19,
    });
  });
  const amounts = split(
    cents(194_000_000),
    projects.map((p, i) => requirementWeight(p.id, placeOf(MYA19_PROJECTS[i]![3]))),
    cents(10_000),
  );
  const lines = projects.map((p, i) => ({
    project: p.id,
    programme: PILLAR_NAMES[PILLARS[MYA19_PROJECTS[i]![2]]!]!,
    requirement: money(amounts[i]!),
    currency: 'USD',
  }));
  withBudgets(projects, lines);
  return { projects, lines };
}

function buildMya21(): {
  projects: Project[];
  lines: AppealLine[];
  slugOf: (p: number, place: string) => string;
} {
  const projects: Project[] = [];
  const weights: number[] = [];
  const programmeOf: string[] = [];
  const slugs = new Map<string, string>();
  MYA21_PROGRAMMES.forEach((programme, p) => {
    for (const place of programme.places) {
      const n = pad(projects.length + 1);
      const slug = `ct-mya21-${n}-${programme.topic}-${place}`;
      slugs.set(`${p}/${place}`, slug);
      projects.push(
        ctProject({
          slug,
          identifier: `XM-SOUTHBRIDGE-UNOCT-MYA21-${n}`,
          topic: programme.topic,
          place,
          lead: programme.lead,
          partners: programme.partners,
          status: '2',
          dates: {
            plannedStart: projects.length % 2 ? '2022-01-01' : '2021-07-01',
            plannedEnd: '2022-12-31',
          },
          source: SRC.mya21,
        }),
      );
      weights.push(requirementWeight(slug, placeOf(place)));
      programmeOf.push(programme.name);
    }
  });
  const amounts = split(cents(179_000_000), weights, cents(10_000));
  const lines = projects.map((p, i) => ({
    project: p.id,
    programme: programmeOf[i]!,
    requirement: money(amounts[i]!),
    currency: 'USD',
  }));
  const slugOf = (p: number, place: string) => {
    const slug = slugs.get(`${p}/${place}`);
    if (!slug) throw new Error(`no 2021–2022 project for programme ${p} in ${place}`);
    return slug;
  };
  withBudgets(projects, lines);
  return { projects, lines, slugOf };
}

// ---------------------------------------------------------------------------------------------
// South-South trust funds (seed 002, paragraph 81): the UN Fund for South-South Cooperation
// implemented USD 8.7 million through eight global projects; the IBSA Fund about USD 3.5 million
// through 10 projects; the Pérez-Guerrero Trust Fund USD 420,000 through 26 projects.

type SscProject = {
  key: string;
  title: string;
  description: string;
  countries: string[];
  implementers: Array<[string, 'provider' | 'recipient' | 'facilitator']>;
  themes: string[];
  targets: string[];
  modalities: string[];
};

const UNFSSC_PROJECTS: SscProject[] = [
  {
    key: 'knowledge-platform',
    title: 'Global knowledge-sharing platform for Southern development solutions',
    description:
      'Builds an online platform where developing countries publish, find and request proven development solutions and the experts behind them.',
    countries: [],
    implementers: [['unossc', 'facilitator']],
    themes: ['digital', 'governance'],
    targets: ['17.6', '17.9'],
    modalities: ['technology-transfer', 'policy-advice'],
  },
  {
    key: 'climate-resilient-agriculture',
    title: 'Climate-resilient agriculture exchanges among least developed countries',
    description:
      'Funds farmer-to-farmer and ministry-to-ministry exchanges on drought-tolerant crops, soil conservation and weather-indexed advice among least developed countries in Africa and Asia.',
    countries: [],
    implementers: [['fao', 'facilitator']],
    themes: ['agriculture-food-security', 'climate'],
    targets: ['2.4', '13.1'],
    modalities: ['study-visit', 'training-course'],
  },
  {
    key: 'youth-entrepreneurship',
    title: 'Youth entrepreneurship and decent work through South-South exchange',
    description:
      'Connects youth employment programmes of developing countries so that young entrepreneurs and the agencies supporting them learn from each other.',
    countries: [],
    implementers: [['ilo', 'facilitator']],
    themes: ['employment', 'youth'],
    targets: ['8.6', '4.4'],
    modalities: ['study-visit', 'fellowship'],
  },
  {
    key: 'national-focal-points',
    title: 'Strengthening national focal points for South-South cooperation',
    description:
      'Trains the government offices that coordinate South-South and triangular cooperation to plan, record and report on it.',
    countries: [],
    implementers: [['undp', 'facilitator']],
    themes: ['governance'],
    targets: ['17.9', '16.6'],
    modalities: ['training-course', 'policy-advice'],
  },
  {
    key: 'sids-early-warning',
    title: 'Early warning and disaster risk reduction exchanges among small island developing States',
    description:
      'Supports Caribbean, Pacific and Indian Ocean small island States in sharing multi-hazard early warning systems and disaster risk reduction practice.',
    countries: [],
    implementers: [['undrr', 'facilitator']],
    themes: ['disaster-risk', 'early-warning'],
    targets: ['13.1', '11.5'],
    modalities: ['study-visit', 'technology-transfer'],
  },
  {
    key: 'digital-public-services',
    title: 'Digital public services through South-South technology transfer',
    description:
      'Helps governments adapt digital identity, payment and service-delivery systems that other developing countries have built and shared.',
    countries: [],
    implementers: [
      ['undp', 'facilitator'],
      ['unossc', 'facilitator'],
    ],
    themes: ['digital', 'governance'],
    targets: ['16.6', '17.6'],
    modalities: ['technology-transfer', 'expert-deployment'],
  },
  {
    key: 'off-grid-energy',
    title: 'Off-grid renewable energy for rural communities',
    description:
      'Transfers solar mini-grid and biogas technology and maintenance skills between developing countries to bring electricity to rural communities.',
    countries: [],
    implementers: [['unido', 'facilitator']],
    themes: ['energy', 'climate'],
    targets: ['7.1', '7.b'],
    modalities: ['technology-transfer', 'training-course'],
  },
  {
    key: 'paperless-trade',
    title: 'Trade facilitation and paperless trade for least developed countries',
    description:
      'Helps least developed countries adopt electronic trade documents and single windows with the advice of developing countries that already use them.',
    countries: [],
    implementers: [
      ['itc', 'facilitator'],
      ['escap', 'facilitator'],
    ],
    themes: ['trade-investment', 'paperless-trade'],
    targets: ['17.11', '10.a'],
    modalities: ['policy-advice', 'technology-transfer'],
  },
];

const IBSA_PROJECTS: SscProject[] = [
  {
    key: 'guinea-bissau-agriculture',
    title: 'Improving agricultural and livestock production in Guinea-Bissau',
    description:
      'Provides seeds, tools, small-scale irrigation and veterinary services to farming communities in Guinea-Bissau to raise food production and incomes.',
    countries: ['GNB'],
    implementers: [['fao', 'facilitator']],
    themes: ['agriculture-food-security'],
    targets: ['2.3', '2.4'],
    modalities: ['financial-contribution', 'technology-transfer'],
  },
  {
    key: 'haiti-waste-jobs',
    title: 'Community solid waste management and jobs in Haiti',
    description:
      'Creates jobs for poor urban households in Haiti through community collection and recycling of solid waste.',
    countries: ['HTI'],
    implementers: [['undp', 'facilitator']],
    themes: ['environment', 'employment'],
    targets: ['11.6', '8.5'],
    modalities: ['financial-contribution'],
  },
  {
    key: 'cambodia-school-meals',
    title: 'School meals and child nutrition in rural Cambodia',
    description:
      'Provides nutritious school meals bought from local farmers to primary schools in poor rural districts of Cambodia.',
    countries: ['KHM'],
    implementers: [['wfp', 'facilitator']],
    themes: ['school-feeding'],
    targets: ['2.1', '2.2'],
    modalities: ['financial-contribution'],
  },
  {
    key: 'cabo-verde-water',
    title: 'Safe drinking water for rural communities in Cabo Verde',
    description:
      'Builds desalination and distribution systems and water committees for rural communities in Cabo Verde.',
    countries: ['CPV'],
    implementers: [['undp', 'facilitator']],
    themes: ['water'],
    targets: ['6.1'],
    modalities: ['financial-contribution', 'technology-transfer'],
  },
  {
    key: 'palestine-youth-skills',
    title: 'Vocational training and jobs for young people in the State of Palestine',
    description:
      'Offers vocational training, apprenticeships and small grants to unemployed young women and men in the State of Palestine.',
    countries: ['PSE'],
    implementers: [['undp', 'facilitator']],
    themes: ['employment', 'youth'],
    targets: ['8.6', '4.4'],
    modalities: ['financial-contribution', 'training-course'],
  },
  {
    key: 'sierra-leone-rice',
    title: 'Rice value chains and smallholder incomes in Sierra Leone',
    description:
      'Helps smallholder rice farmers in Sierra Leone raise yields, process and store their harvest and sell it through farmer organisations.',
    countries: ['SLE'],
    implementers: [['fao', 'facilitator']],
    themes: ['agriculture-food-security'],
    targets: ['2.3'],
    modalities: ['financial-contribution', 'training-course'],
  },
  {
    key: 'burundi-solar-health',
    title: 'Solar energy for rural health centres in Burundi',
    description:
      'Equips rural health centres in Burundi with solar power for lighting, cold chains and equipment.',
    countries: ['BDI'],
    implementers: [['undp', 'facilitator']],
    themes: ['energy', 'health'],
    targets: ['7.1', '3.8'],
    modalities: ['financial-contribution', 'technology-transfer'],
  },
  {
    key: 'lao-social-protection',
    title: "Social protection for poor rural households in the Lao People's Democratic Republic",
    description:
      "Helps the Lao People's Democratic Republic design and pilot cash transfers and health coverage for poor rural households.",
    countries: ['LAO'],
    implementers: [['ilo', 'facilitator']],
    themes: ['social-protection'],
    targets: ['1.3'],
    modalities: ['financial-contribution', 'policy-advice'],
  },
  {
    key: 'viet-nam-resilient-rice',
    title: 'Climate-resilient rice farming in the Mekong Delta, Viet Nam',
    description:
      'Introduces salt-tolerant rice varieties and water-saving farming practices to smallholders in the Mekong Delta of Viet Nam.',
    countries: ['VNM'],
    implementers: [['fao', 'facilitator']],
    themes: ['agriculture-food-security', 'climate'],
    targets: ['2.4', '13.1'],
    modalities: ['financial-contribution', 'technology-transfer'],
  },
  {
    key: 'zambia-women-agro-processing',
    title: "Women's agro-processing enterprises in Zambia",
    description:
      "Helps rural women's groups in Zambia process and market cassava, groundnuts and honey, with equipment, training and links to buyers.",
    countries: ['ZMB'],
    implementers: [['unido', 'facilitator']],
    themes: ['agriculture-food-security', 'gender'],
    targets: ['2.3', '5.a'],
    modalities: ['financial-contribution', 'training-course'],
  },
];

const PGTF_PROJECTS: SscProject[] = [
  {
    key: 'kenya-drought-tolerant-seed',
    title: 'Drought-tolerant sorghum and millet seed systems in arid counties of Kenya',
    description:
      'Sets up community seed production of drought-tolerant sorghum and millet in the arid counties of Kenya with seed experts from other African countries.',
    countries: ['KEN'],
    implementers: [['gov-kenya', 'recipient']],
    themes: ['agriculture-food-security'],
    targets: ['2.4'],
    modalities: ['expert-deployment', 'training-course'],
  },
  {
    key: 'honduras-coffee-rust',
    title: 'Farmer field schools against coffee leaf rust in Honduras',
    description:
      'Runs farmer field schools in Honduras on managing coffee leaf rust, drawing on the experience of other Central American producers.',
    countries: ['HND'],
    implementers: [['gov-honduras', 'recipient']],
    themes: ['agriculture-food-security'],
    targets: ['2.3'],
    modalities: ['training-course', 'study-visit'],
  },
  {
    key: 'central-america-trade-logistics',
    title: 'Customs and logistics training for Central American trade corridors',
    description:
      'Trains customs and logistics officials of Costa Rica, Guatemala and Panama in joint border procedures along their trade corridors.',
    countries: ['PAN', 'CRI', 'GTM'],
    implementers: [['gov-panama', 'provider']],
    themes: ['trade-investment'],
    targets: ['9.1'],
    modalities: ['training-course'],
  },
  {
    key: 'no-till-farming-bolivia-paraguay',
    title: 'No-till farming experience shared with Bolivia and Paraguay',
    description:
      'Argentine agronomists share no-till and crop-rotation practice with farmers and extension services in Bolivia and Paraguay.',
    countries: ['BOL', 'PRY'],
    implementers: [['gov-argentina', 'provider']],
    themes: ['agriculture-food-security', 'environment'],
    targets: ['2.4', '15.3'],
    modalities: ['expert-deployment', 'study-visit'],
  },
  {
    key: 'mongolia-livestock-health',
    title: 'Livestock disease surveillance and veterinary services in western Mongolia',
    description:
      'Strengthens surveillance of livestock diseases and mobile veterinary services for herders in western Mongolia.',
    countries: ['MNG'],
    implementers: [['mongolia-mfa', 'recipient']],
    themes: ['agriculture-food-security', 'health'],
    targets: ['2.4', '3.3'],
    modalities: ['training-course', 'expert-deployment'],
  },
  {
    key: 'tajikistan-small-hydropower',
    title: 'Maintenance skills for small hydropower plants in rural Tajikistan',
    description:
      'Trains technicians in rural Tajikistan to run and maintain small hydropower plants, with engineers from other developing countries.',
    countries: ['TJK'],
    implementers: [['gov-tajikistan', 'recipient']],
    themes: ['energy'],
    targets: ['7.1'],
    modalities: ['training-course'],
  },
  {
    key: 'andean-agricultural-prices',
    title: 'Common agricultural price statistics for the Andean Community',
    description:
      'Helps the statistical offices of Bolivia, Colombia, Ecuador and Peru collect and publish comparable agricultural price statistics.',
    countries: ['BOL', 'COL', 'ECU', 'PER'],
    implementers: [['andean-community', 'facilitator']],
    themes: ['statistics', 'agriculture-food-security'],
    targets: ['2.c'],
    modalities: ['joint-research', 'training-course'],
  },
  {
    key: 'mekong-flood-forecasting',
    title: 'Flood forecasting exchange among Mekong countries',
    description:
      "Connects the hydrological services of Cambodia, the Lao People's Democratic Republic, Thailand and Viet Nam to share flood forecasts and methods.",
    countries: ['KHM', 'LAO', 'THA', 'VNM'],
    implementers: [['asean', 'facilitator']],
    themes: ['disaster-risk', 'early-warning'],
    targets: ['11.5', '13.1'],
    modalities: ['technology-transfer', 'study-visit'],
  },
  {
    key: 'south-asia-vector-borne-diseases',
    title: 'Regional surveillance of vector-borne diseases in South Asia',
    description:
      'Helps Bangladesh, Bhutan and Nepal share surveillance data and laboratory methods for dengue, malaria and other vector-borne diseases.',
    countries: ['BGD', 'BTN', 'NPL'],
    implementers: [['saarc', 'facilitator']],
    themes: ['health'],
    targets: ['3.3'],
    modalities: ['joint-research', 'training-course'],
  },
  {
    key: 'east-africa-small-traders',
    title: 'Trade facilitation for small cross-border traders in East Africa',
    description:
      'Trains small cross-border traders, many of them women, and border officials of Kenya, Rwanda and Uganda in simplified trade regimes.',
    countries: ['KEN', 'RWA', 'UGA'],
    implementers: [['african-union', 'facilitator']],
    themes: ['trade-investment', 'gender'],
    targets: ['8.3', '5.a'],
    modalities: ['training-course'],
  },
  {
    key: 'ghana-cassava-processing',
    title: "Cassava processing for women's groups in northern Ghana",
    description:
      "Equips women's groups in northern Ghana to process cassava into flour and gari, with trainers from other West African countries.",
    countries: ['GHA'],
    implementers: [['eca', 'facilitator']],
    themes: ['agriculture-food-security', 'gender'],
    targets: ['2.3', '5.a'],
    modalities: ['training-course', 'technology-transfer'],
  },
  {
    key: 'senegal-mangroves-oysters',
    title: 'Mangrove restoration and oyster farming in the Saloum Delta, Senegal',
    description:
      'Combines mangrove replanting with sustainable oyster farming by women in the Saloum Delta of Senegal.',
    countries: ['SEN'],
    implementers: [['fao', 'facilitator']],
    themes: ['environment', 'gender'],
    targets: ['14.2', '5.a'],
    modalities: ['training-course'],
  },
  {
    key: 'ecuador-small-scale-fisheries',
    title: 'Small-scale fisheries management on the coast of Ecuador',
    description:
      'Helps fishing communities on the coast of Ecuador co-manage their fisheries, drawing on Latin American experience.',
    countries: ['ECU'],
    implementers: [['eclac', 'facilitator']],
    themes: ['environment', 'agriculture-food-security'],
    targets: ['14.b'],
    modalities: ['policy-advice', 'study-visit'],
  },
  {
    key: 'el-salvador-rainwater-harvesting',
    title: 'Rainwater harvesting for smallholders in the Dry Corridor of El Salvador',
    description:
      'Builds rainwater harvesting and drip irrigation for smallholder farms in the Dry Corridor of El Salvador.',
    countries: ['SLV'],
    implementers: [['fao', 'facilitator']],
    themes: ['water', 'agriculture-food-security'],
    targets: ['6.4', '2.4'],
    modalities: ['technology-transfer', 'training-course'],
  },
  {
    key: 'nepal-maternal-health',
    title: 'Maternal and newborn health services in remote districts of Nepal',
    description:
      'Trains skilled birth attendants and equips birthing centres in remote districts of Nepal, with exchanges among partner countries.',
    countries: ['NPL'],
    implementers: [['ppd', 'facilitator']],
    themes: ['health'],
    targets: ['3.1'],
    modalities: ['training-course', 'study-visit'],
  },
  {
    key: 'family-planning-bangladesh-indonesia',
    title: 'Family planning programme exchange between Bangladesh and Indonesia',
    description:
      'Brings family planning managers of Bangladesh and Indonesia together to compare community-based service delivery.',
    countries: ['BGD', 'IDN'],
    implementers: [['ppd', 'facilitator']],
    themes: ['health'],
    targets: ['3.7'],
    modalities: ['study-visit'],
  },
  {
    key: 'uganda-solar-fruit-drying',
    title: 'Solar fruit drying for smallholder cooperatives in Uganda',
    description:
      'Introduces solar dryers and food-safety practice to fruit-growing cooperatives in Uganda so they can sell dried fruit.',
    countries: ['UGA'],
    implementers: [['unido', 'facilitator']],
    themes: ['agriculture-food-security', 'energy'],
    targets: ['2.3', '7.1'],
    modalities: ['technology-transfer'],
  },
  {
    key: 'peru-irrigation-efficiency',
    title: 'Water user associations and irrigation efficiency in the Peruvian Andes',
    description:
      'Strengthens water user associations in the Peruvian Andes to share water fairly and irrigate efficiently.',
    countries: ['PER'],
    implementers: [['caf', 'facilitator']],
    themes: ['water', 'agriculture-food-security'],
    targets: ['6.4'],
    modalities: ['policy-advice', 'training-course'],
  },
  {
    key: 'pacific-coastal-resilience',
    title: 'Coastal resilience planning for Pacific small island States',
    description:
      'Helps Fiji, Samoa and Vanuatu plan for coastal flooding and erosion and exchange adaptation practice.',
    countries: ['FJI', 'WSM', 'VUT'],
    implementers: [['escap', 'facilitator']],
    themes: ['climate', 'disaster-risk'],
    targets: ['13.1', '13.2'],
    modalities: ['policy-advice', 'study-visit'],
  },
  {
    key: 'eastern-caribbean-renewable-energy',
    title: 'Renewable energy policies for Eastern Caribbean small islands',
    description:
      'Advises Dominica, Grenada and Saint Lucia on renewable energy policy and regulation, with experience from other small island States.',
    countries: ['DMA', 'GRD', 'LCA'],
    implementers: [['eclac', 'facilitator']],
    themes: ['energy', 'climate'],
    targets: ['7.2'],
    modalities: ['policy-advice'],
  },
  {
    key: 'cote-divoire-cocoa-cooperatives',
    title: "Cocoa farmers' cooperatives and rural finance in Côte d'Ivoire",
    description:
      "Strengthens cocoa farmers' cooperatives in Côte d'Ivoire and their access to savings and credit for replanting and diversification.",
    countries: ['CIV'],
    implementers: [['ifad', 'facilitator']],
    themes: ['agriculture-food-security', 'finance-debt'],
    targets: ['2.3', '8.10'],
    modalities: ['training-course', 'policy-advice'],
  },
  {
    key: 'egypt-date-palm',
    title: 'Date palm production and marketing in southern Egypt',
    description:
      'Helps date palm growers in southern Egypt improve cultivation, post-harvest handling and marketing, with experts from the region.',
    countries: ['EGY'],
    implementers: [['fao', 'facilitator']],
    themes: ['agriculture-food-security', 'trade-investment'],
    targets: ['2.3'],
    modalities: ['expert-deployment', 'training-course'],
  },
  {
    key: 'zimbabwe-conservation-agriculture',
    title: 'Conservation agriculture for smallholders in Zimbabwe',
    description:
      'South African agricultural experts help smallholders and extension officers in Zimbabwe adopt conservation agriculture.',
    countries: ['ZWE'],
    implementers: [['gov-south-africa', 'provider']],
    themes: ['agriculture-food-security', 'climate'],
    targets: ['2.4', '13.1'],
    modalities: ['expert-deployment', 'training-course'],
  },
  {
    key: 'mozambique-school-meal-procurement',
    title: 'School meal procurement from family farmers shared with Mozambique',
    description:
      'Brazil shares its experience of buying school meals from family farmers with the education and agriculture ministries of Mozambique.',
    countries: ['MOZ'],
    implementers: [['gov-brazil', 'provider']],
    themes: ['school-feeding'],
    targets: ['2.1', '2.3'],
    modalities: ['study-visit', 'policy-advice'],
  },
  {
    key: 'tanzania-solar-lanterns',
    title: 'Solar lantern assembly training for rural women in the United Republic of Tanzania',
    description:
      'Trains rural women in the United Republic of Tanzania to assemble, install and repair solar lanterns and home systems, with Indian trainers.',
    countries: ['TZA'],
    implementers: [['gov-india', 'provider']],
    themes: ['energy', 'gender'],
    targets: ['7.1', '5.5'],
    modalities: ['training-course', 'technology-transfer'],
  },
  {
    key: 'lao-rice-seed-technology',
    title: "Rice seed technology demonstration in the Lao People's Democratic Republic",
    description:
      "Chinese agronomists demonstrate improved rice seed production to farmers and extension workers in the Lao People's Democratic Republic.",
    countries: ['LAO'],
    implementers: [['gov-china', 'provider']],
    themes: ['agriculture-food-security'],
    targets: ['2.3'],
    modalities: ['technology-transfer', 'expert-deployment'],
  },
];

/** A fund's projects and their allocations, which add up to the amount the seed states. */
function buildFund(options: {
  fund: string;
  prefix: string;
  identifier: string;
  list: SscProject[];
  total: number;
  step: number;
  funders: Array<[string, 'provider' | 'facilitator']>;
  totalNote: string;
}) {
  const weights = options.list.map((p) => 0.6 + (hash(p.key) % 81) / 100);
  const amounts = split(cents(options.total), weights, cents(options.step));
  const projects: Project[] = [];
  const allocations: Funding['allocations'] = [];
  options.list.forEach((p, i) => {
    const n = pad(i + 1);
    const slug = `${options.prefix}-${n}-${p.key}`;
    const month = 1 + ((i * 5) % 12);
    const year = i % 2 ? 2018 : 2017;
    const allocatedOn = `${year}-${pad(month)}-${pad(1 + (hash(p.key) % 28))}`;
    const endYear = year + 1 + (hash(p.key) % 2);
    const themeShares =
      p.themes.length === 1 ? [null] : p.themes.length === 2 ? ['60', '40'] : shares(p.themes.length);
    const countryShares = p.countries.length > 1 ? shares(p.countries.length) : [null];
    const multi = p.countries.length > 1;
    projects.push({
      id: slug,
      identifier: `XM-SOUTHBRIDGE-UNOSSC-${options.identifier}-${n}`,
      language: 'en',
      texts: { en: { title: p.title, description: p.description } },
      reportingOrg: 'unossc',
      participants: [
        ...options.funders.map(([organisation, southSouthRole]) => ({
          organisation,
          role: '1' as const,
          southSouthRole,
        })),
        ...p.implementers.map(([organisation, southSouthRole]) => ({
          organisation,
          role: '4' as const,
          southSouthRole,
        })),
      ],
      countries: p.countries.map((iso3, c) => ({ iso3, percentage: countryShares[c]! })),
      regions: p.countries.length ? [] : [{ code: '998', percentage: null }],
      themes: p.themes.map((id, t) => ({ id, percentage: themeShares[t]! })),
      sdgGoals: goalsOf(p.targets),
      sdgTargets: p.targets,
      modalities: p.modalities,
      cooperationType: options.fund === PGTF ? (multi ? 'regional' : 'bilateral') : 'triangular',
      status: endYear <= 2018 ? '3' : '2',
      dates: { plannedStart: allocatedOn, plannedEnd: `${endYear}-12-31` },
      defaultCurrency: 'USD',
      source: SRC.sscFunds,
    });
    allocations.push({
      fund: options.fund,
      project: slug,
      appeal: null,
      amount: money(amounts[i]!),
      currency: 'USD',
      allocatedOn,
      note: `${options.totalNote} ${ILLUSTRATIVE_SPLIT} The date is illustrative too.`,
      source: SRC.sscFunds,
    });
  });
  return { projects, allocations };
}

// ---------------------------------------------------------------------------------------------
// Contributions to the UN Trust Fund for Counter-Terrorism. The seed states USD 340.2 million
// pledged from 36 donors and the UN Peace and Development Trust Fund (2009 to 30 September 2022),
// USD 11.7 million cash received in 2018, the top ten donors as of 30 June 2019 in order, the new
// donors India and Russia (2018) and Finland (2019), and Saudi Arabia's USD 10 million (2011) and
// USD 100 million (13 August 2014). Everything else here is illustrative.

type Gift = {
  on: string;
  usd: number;
  status?: 'pledged';
  /** [programme index, place] of a 2021–2022 appeal project the contribution is earmarked to. */
  earmark?: [number, string];
};
const TRUST_FUND_DONORS: Array<{ donor: string | null; name: string; gifts: Gift[]; source: Source }> = [
  {
    donor: 'gov-qatar',
    name: 'Qatar',
    source: SRC.topTen,
    gifts: [
      { on: '2017-12-05', usd: 17_300_000 },
      { on: '2018-06-20', usd: 2_700_000 },
      { on: '2019-04-15', usd: 4_000_000 },
      { on: '2020-05-10', usd: 15_000_000 },
      { on: '2021-05-10', usd: 15_000_000 },
      { on: '2022-03-15', usd: 10_000_000 },
      { on: '2022-07-01', usd: 11_000_000, status: 'pledged' },
    ],
  },
  {
    donor: 'gov-netherlands',
    name: 'Netherlands',
    source: SRC.topTen,
    gifts: [
      { on: '2016-03-01', usd: 4_000_000 },
      { on: '2017-06-01', usd: 4_500_000 },
      { on: '2018-04-12', usd: 1_500_000 },
      { on: '2019-02-20', usd: 1_000_000 },
      { on: '2020-06-15', usd: 3_000_000 },
      { on: '2021-09-01', usd: 2_500_000, earmark: [10, 'global'] },
      { on: '2022-06-30', usd: 2_000_000, status: 'pledged' },
    ],
  },
  {
    donor: 'eu',
    name: 'European Union',
    source: SRC.topTen,
    gifts: [
      { on: '2016-09-01', usd: 3_500_000 },
      { on: '2017-10-01', usd: 4_300_000 },
      { on: '2018-11-05', usd: 1_200_000 },
      { on: '2019-05-20', usd: 1_000_000 },
      { on: '2020-11-01', usd: 4_000_000 },
      { on: '2021-10-15', usd: 3_500_000, earmark: [1, 'global'] },
      { on: '2021-10-15', usd: 2_500_000, earmark: [1, 'lake-chad'] },
      { on: '2022-02-01', usd: 5_000_000, earmark: [3, 'global'] },
      { on: '2022-09-15', usd: 5_000_000, status: 'pledged', earmark: [8, 'global'] },
    ],
  },
  {
    donor: 'gov-united-states',
    name: 'United States',
    source: SRC.topTen,
    gifts: [
      { on: '2015-08-01', usd: 2_000_000 },
      { on: '2016-08-01', usd: 2_500_000 },
      { on: '2017-08-01', usd: 3_000_000 },
      { on: '2018-09-10', usd: 1_000_000 },
      { on: '2019-03-01', usd: 500_000 },
      { on: '2020-09-01', usd: 3_000_000 },
      { on: '2021-08-20', usd: 3_500_000, earmark: [2, 'global'] },
      { on: '2022-08-01', usd: 2_500_000, status: 'pledged', earmark: [6, 'sahel'] },
    ],
  },
  {
    donor: 'gov-norway',
    name: 'Norway',
    source: SRC.topTen,
    gifts: [
      { on: '2013-12-01', usd: 1_500_000 },
      { on: '2015-12-01', usd: 2_000_000 },
      { on: '2017-12-01', usd: 3_000_000 },
      { on: '2018-12-03', usd: 1_000_000 },
      { on: '2020-12-01', usd: 2_000_000 },
      { on: '2021-11-15', usd: 2_500_000, earmark: [11, 'horn'] },
      { on: '2022-05-02', usd: 2_000_000 },
    ],
  },
  {
    donor: 'gov-japan',
    name: 'Japan',
    source: SRC.topTen,
    gifts: [
      { on: '2016-03-25', usd: 2_000_000 },
      { on: '2017-03-24', usd: 3_700_000 },
      { on: '2018-03-23', usd: 800_000 },
      { on: '2020-03-25', usd: 1_500_000 },
      { on: '2021-03-25', usd: 2_000_000, earmark: [5, 'south-east-asia'] },
      { on: '2022-03-25', usd: 1_500_000, status: 'pledged', earmark: [9, 'iraq'] },
    ],
  },
  {
    donor: 'gov-spain',
    name: 'Spain',
    source: SRC.topTen,
    gifts: [
      { on: '2014-11-01', usd: 1_000_000 },
      { on: '2016-11-01', usd: 2_000_000 },
      { on: '2017-11-01', usd: 2_000_000 },
      { on: '2018-10-15', usd: 500_000 },
      { on: '2021-06-29', usd: 1_500_000, earmark: [3, 'global'] },
      { on: '2022-04-20', usd: 1_000_000 },
    ],
  },
  {
    donor: 'gov-russia',
    name: 'Russian Federation',
    source: SRC.receipts2018,
    gifts: [
      { on: '2018-07-02', usd: 2_000_000 },
      { on: '2019-03-11', usd: 2_500_000 },
      { on: '2020-07-01', usd: 2_000_000 },
      { on: '2021-07-01', usd: 2_000_000, earmark: [1, 'central-asia'] },
    ],
  },
  {
    donor: 'gov-united-kingdom',
    name: 'United Kingdom',
    source: SRC.topTen,
    gifts: [
      { on: '2015-03-15', usd: 1_500_000 },
      { on: '2017-03-15', usd: 2_000_000 },
      { on: '2018-02-28', usd: 500_000 },
      { on: '2020-03-15', usd: 1_000_000 },
      { on: '2022-09-01', usd: 1_000_000, status: 'pledged' },
    ],
  },
  {
    donor: 'gov-india',
    name: 'India',
    source: SRC.receipts2018,
    gifts: [
      { on: '2018-10-30', usd: 500_000 },
      { on: '2019-11-15', usd: 500_000 },
      { on: '2021-12-01', usd: 500_000, earmark: [0, 'maldives'] },
    ],
  },
  {
    donor: 'gov-finland',
    name: 'Finland',
    source: SRC.receipts2018,
    gifts: [
      { on: '2019-10-01', usd: 600_000 },
      { on: '2021-10-01', usd: 800_000, earmark: [10, 'global'] },
      { on: '2022-09-20', usd: 600_000, status: 'pledged', earmark: [10, 'sahel'] },
    ],
  },
  {
    donor: null,
    name: 'United Nations Peace and Development Trust Fund',
    source: SRC.trustFund,
    gifts: [
      { on: '2017-10-20', usd: 1_500_000 },
      { on: '2019-08-15', usd: 2_000_000 },
      { on: '2020-10-15', usd: 2_500_000 },
    ],
  },
];

function buildContributions(mya21: (p: number, place: string) => string): Funding['contributions'] {
  const rows: Funding['contributions'] = [];
  const saudiNote =
    'UNCCT relies entirely on voluntary contributions. It was established in 2011 with a US$10 million contribution from Saudi Arabia; on 13 August 2014 Saudi Arabia donated a further US$100 million, becoming the largest donor to the Centre.';
  const base = { appeal: null, fund: CTTF, project: null, currency: 'USD' } as const;
  rows.push(
    {
      ...base,
      donor: 'gov-saudi-arabia',
      donorName: 'Saudi Arabia',
      amount: money(cents(10_000_000)),
      status: 'paid',
      madeOn: '2011-09-19',
      note: `${saudiNote} The source gives September 2011 for the Centre's founding; the day is illustrative.`,
      source: SRC.saudi2011,
    },
    {
      ...base,
      donor: 'gov-saudi-arabia',
      donorName: 'Saudi Arabia',
      amount: money(cents(100_000_000)),
      status: 'paid',
      madeOn: '2014-08-13',
      note: saudiNote,
      source: SRC.saudi2014,
    },
  );
  for (const donor of TRUST_FUND_DONORS)
    for (const gift of donor.gifts) {
      const earmarked = gift.earmark ? mya21(...gift.earmark) : null;
      rows.push({
        ...base,
        donor: donor.donor,
        donorName: donor.name,
        appeal: earmarked ? MYA21 : null,
        project: earmarked,
        amount: money(cents(gift.usd)),
        status: gift.status ?? 'paid',
        madeOn: gift.on,
        note: `Illustrative: the source names ${donor.name} as a donor to the Trust Fund but gives no amounts or dates; they are invented so that all contributions add up to the USD 340.2 million pledged by 30 September 2022 and the 2018 receipts to USD 11.7 million.${earmarked ? ' Earmarked to a project of the 2021–2022 Multi-Year Appeal.' : ''}`,
        source: donor.source,
      });
    }
  const named = rows.reduce((sum, row) => sum + cents(Number(row.amount)), 0);
  const others = cents(340_200_000) - named;
  if (others <= 0) throw new Error('the named donors give more than the Trust Fund total');
  rows.push({
    ...base,
    donor: null,
    donorName: '24 other donors (not named in the source)',
    amount: money(others),
    status: 'paid',
    madeOn: '2022-09-30',
    note: 'The 24 donors the source does not name, together, 2009 to 30 September 2022: the remainder of the USD 340.2 million after the named donors, whose amounts are illustrative.',
    source: SRC.trustFund,
  });
  return rows;
}

/** Contributions to the South-South funds: the amounts the seed states, as one row each where it names no donor. */
function sscContributions(): Funding['contributions'] {
  const row = (
    c: Partial<Funding['contributions'][number]> &
      Pick<
        Funding['contributions'][number],
        'donorName' | 'fund' | 'amount' | 'status' | 'madeOn' | 'note' | 'source'
      >,
  ) => ({
    donor: null,
    appeal: null,
    project: null,
    currency: 'USD',
    ...c,
  });
  const ibsa = split(cents(2_000_000), [1, 1, 1], cents(50_000));
  return [
    row({
      donorName: 'Contributors to the Fund (not named in the source)',
      fund: UNFSSC,
      amount: money(cents(8_700_000)),
      status: 'paid',
      madeOn: '2018-06-30',
      note: 'Contributions received by the Fund as the source states them, in total; the date is illustrative.',
      source: SRC.sscFunds,
    }),
    ...(
      [
        ['gov-india', 'India'],
        ['gov-brazil', 'Brazil'],
        ['gov-south-africa', 'South Africa'],
      ] as const
    ).map(([donor, name], i) =>
      row({
        donor,
        donorName: name,
        fund: IBSA,
        amount: money(ibsa[i]!),
        status: 'paid',
        madeOn: '2018-06-30',
        note: 'Illustrative: the source states USD 2 million received by the IBSA Fund from the Governments of Brazil, India and South Africa; the split between them and the date are invented.',
        source: SRC.sscFunds,
      }),
    ),
    row({
      donorName: 'Contributors to the Fund (not named in the source)',
      fund: PGTF,
      amount: money(cents(340_000)),
      status: 'paid',
      madeOn: '2018-06-30',
      note: 'Contributions to the Fund as the source states them, in total; the date is illustrative.',
      source: SRC.sscFunds,
    }),
    row({
      donor: 'gov-india',
      donorName: 'India',
      fund: INDIA_UN,
      amount: money(cents(100_000_000)),
      status: 'pledged',
      madeOn: '2017-06-30',
      note: 'India launched the USD 100 million India-UN Development Partnership Fund in 2017; the day is illustrative.',
      source: SRC.india,
    }),
    row({
      donor: 'gov-india',
      donorName: 'India',
      fund: INDIA_UN,
      amount: money(cents(50_000_000)),
      status: 'pledged',
      madeOn: '2018-06-30',
      note: 'A further USD 50 million India offered for projects in Commonwealth member countries; the date is illustrative.',
      source: SRC.india,
    }),
  ];
}

// ---------------------------------------------------------------------------------------------

function main() {
  const mya19 = buildMya19();
  const mya21 = buildMya21();
  const unfssc = buildFund({
    fund: UNFSSC,
    prefix: 'unfssc',
    identifier: 'UNFSSC',
    list: UNFSSC_PROJECTS,
    total: 8_700_000,
    step: 5_000,
    funders: [['unossc', 'facilitator']],
    totalNote:
      'The source states that the USD 8.7 million the Fund received was implemented through eight global projects.',
  });
  const ibsa = buildFund({
    fund: IBSA,
    prefix: 'ibsa',
    identifier: 'IBSA',
    list: IBSA_PROJECTS,
    total: 3_500_000,
    step: 5_000,
    funders: [
      ['gov-india', 'provider'],
      ['gov-brazil', 'provider'],
      ['gov-south-africa', 'provider'],
    ],
    totalNote: 'The source states that the IBSA Fund implemented about USD 3.5 million through 10 projects.',
  });
  const pgtf = buildFund({
    fund: PGTF,
    prefix: 'pgtf',
    identifier: 'PGTF',
    list: PGTF_PROJECTS,
    total: 420_000,
    step: 500,
    funders: [['unossc', 'facilitator']],
    totalNote:
      'The source states that the Pérez-Guerrero Trust Fund implemented USD 420,000 through 26 projects.',
  });

  // Two contributions in other currencies, made straight to 2021–2022 appeal projects (outside the
  // Trust Fund), so that reports have something to convert.
  const direct: Funding['contributions'] = [
    {
      donor: 'eu',
      donorName: 'European Union',
      appeal: MYA21,
      fund: null,
      project: mya21.slugOf(10, 'south-east-asia'),
      amount: '1500000.00',
      currency: 'EUR',
      status: 'pledged',
      madeOn: '2022-06-15',
      note: 'Illustrative, not from the source: a pledge in euros made directly to an appeal project, outside the Trust Fund and its USD 340.2 million.',
      source: SRC.interactiveAppeal,
    },
    {
      donor: 'gov-norway',
      donorName: 'Norway',
      appeal: MYA21,
      fund: null,
      project: mya21.slugOf(9, 'lake-chad'),
      amount: '8000000.00',
      currency: 'NOK',
      status: 'paid',
      madeOn: '2022-04-01',
      note: 'Illustrative, not from the source: a contribution in Norwegian kroner paid directly to an appeal project, outside the Trust Fund and its USD 340.2 million.',
      source: SRC.interactiveAppeal,
    },
  ];

  const funding: Funding = {
    rateTables: [
      {
        id: 'demo-2022-09',
        name: 'Demo rates, 30 September 2022',
        baseCurrency: 'USD',
        effectiveOn: '2022-09-30',
        source: 'Illustrative demo rates, not official',
        rates: {
          EUR: '0.98',
          GBP: '1.12',
          JPY: '0.0069',
          NOK: '0.092',
          INR: '0.0123',
          CNY: '0.14',
          BRL: '0.19',
          ZAR: '0.056',
          QAR: '0.2747',
          SAR: '0.266',
        },
      },
    ],
    appeals: [
      {
        appeal: MYA19,
        note: `${ILLUSTRATIVE_SPLIT} The source states USD 194 million for 60 global, regional and national projects submitted by 10 UN entities across the four pillars of the Global Counter-Terrorism Strategy; the projects listed are illustrative of the topics it names, grouped by pillar.`,
        source: SRC.mya19,
        lines: mya19.lines,
      },
      {
        appeal: MYA21,
        note: `${ILLUSTRATIVE_SPLIT} The source states USD 179 million for 52 projects within 12 projects and programmes of Global Compact entities; the programmes and projects listed are illustrative of the priorities it names.`,
        source: SRC.mya21,
        lines: mya21.lines,
      },
    ],
    contributions: [...buildContributions(mya21.slugOf), ...direct, ...sscContributions()],
    allocations: [...unfssc.allocations, ...ibsa.allocations, ...pgtf.allocations],
  };
  const projects = [
    ...mya19.projects,
    ...mya21.projects,
    ...unfssc.projects,
    ...ibsa.projects,
    ...pgtf.projects,
  ];

  check(funding, projects);
  const write = (file: string, value: unknown) =>
    writeFileSync(join(dataFilesDir, 'demo', file), `${JSON.stringify(value, null, 2)}\n`);
  write('funded-projects.json', ProjectFile.parse(projects));
  write('funding.json', FundingFile.parse(funding));
  console.log(
    `funded-projects.json: ${projects.length} projects; funding.json: ${funding.appeals.map((a) => `${a.appeal} ${a.lines.length} lines`).join(', ')}, ${funding.contributions.length} contributions, ${funding.allocations.length} allocations`,
  );
}

/** Fails on anything the data files' tests would refuse, before writing. */
function check(funding: Funding, projects: Project[]) {
  const orgs = new Set(readDataFile('demo/organisations.json', OrganisationFile).map((o) => o.id));
  const funds = new Set(readDataFile('demo/funds.json', FundFile).map((f) => f.id));
  const themes = new Set(readDataFile('taxonomy/themes.json', TaxonomyFile).map((t) => t.id));
  const modalities = new Set(readDataFile('taxonomy/modalities.json', TaxonomyFile).map((t) => t.id));
  const targets = new Set(readDataFile('refdata/sdgs.json', SdgFile).targets.map((t) => t.code));
  const iso3 = new Set(readDataFile('refdata/countries.json', CountryFile).map((c) => c.iso3));
  const need = (ok: boolean, what: string) => {
    if (!ok) throw new Error(what);
  };
  const slugs = new Set(projects.map((p) => p.id));
  need(slugs.size === projects.length, 'duplicate project slug');
  need(new Set(projects.map((p) => p.identifier)).size === projects.length, 'duplicate identifier');
  need(new Set(projects.map((p) => p.texts.en!.title)).size === projects.length, 'duplicate title');
  for (const p of projects) {
    need(orgs.has(p.reportingOrg), `${p.id}: organisation ${p.reportingOrg}`);
    for (const x of p.participants ?? [])
      need(orgs.has(x.organisation!), `${p.id}: organisation ${x.organisation}`);
    for (const t of p.themes ?? []) need(themes.has(t.id), `${p.id}: theme ${t.id}`);
    for (const m of p.modalities ?? []) need(modalities.has(m), `${p.id}: modality ${m}`);
    for (const t of p.sdgTargets ?? []) need(targets.has(t), `${p.id}: target ${t}`);
    for (const c of p.countries ?? []) need(iso3.has(c.iso3), `${p.id}: country ${c.iso3}`);
    // A regional project with goal 17 would crowd the demo list that filters on exactly that.
    need(!(p.cooperationType === 'regional' && p.sdgGoals?.includes('17')), `${p.id}: regional with SDG 17`);
  }
  const requirement = new Map(
    funding.appeals.flatMap((a) => a.lines.map((l) => [l.project, cents(Number(l.requirement))])),
  );
  const earmarked = new Map<string, number>();
  const usd = (amount: string, currency: string) =>
    cents(Number(amount) * (currency === 'USD' ? 1 : Number(funding.rateTables[0]!.rates[currency])));
  for (const c of funding.contributions) {
    need(!c.donor || orgs.has(c.donor), `contribution: organisation ${c.donor}`);
    for (const f of [c.fund, c.appeal]) need(!f || funds.has(f), `contribution: fund ${f}`);
    if (c.project) earmarked.set(c.project, (earmarked.get(c.project) ?? 0) + usd(c.amount, c.currency));
  }
  for (const [project, total] of earmarked)
    need(total <= requirement.get(project)!, `${project}: earmarked beyond its requirement`);

  // Top ten donors to the Trust Fund as of 30 June 2019, in the order the seed gives.
  const byDonor = new Map<string, number>();
  for (const c of funding.contributions)
    if (
      c.fund === CTTF &&
      c.madeOn <= '2019-06-30' &&
      c.status === 'paid' &&
      !c.donorName.includes('other donors')
    )
      byDonor.set(c.donorName, (byDonor.get(c.donorName) ?? 0) + cents(Number(c.amount)));
  const ranked = [...byDonor].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const topTen = [
    'Saudi Arabia',
    'Qatar',
    'Netherlands',
    'European Union',
    'United States',
    'Norway',
    'Japan',
    'Spain',
    'Russian Federation',
    'United Kingdom',
  ];
  need(ranked.slice(0, 10).join() === topTen.join(), `top ten donors: ${ranked.slice(0, 10).join(', ')}`);
}

main();
