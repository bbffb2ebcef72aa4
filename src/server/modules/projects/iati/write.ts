import type { ProjectIndicator, ProjectResult } from '../../../../shared/projects.js';
import { SSC_NAMESPACE, SSC_PREFIX } from './south-south.js';
import type { IatiActivity, IatiBudget, IatiTransaction, IatiTransactionParty, Narrative } from './types.js';

export type WriteOptions = { generatedAt: Date };

/** Lone surrogates and the control characters XML 1.0 does not allow; dropped from output. */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value; tabs and line breaks become references so parsers keep them. */
function escapeAttribute(value: string): string {
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

type Attributes = Array<[string, string | null | undefined]>;

function attributes(list: Attributes): string {
  return list
    .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
}

/** Writes XML with one element per line, indented one space per level like IATI's own examples. */
class Writer {
  private readonly lines: string[] = [];
  private depth = 0;

  empty(name: string, list: Attributes = []): void {
    this.lines.push(`${' '.repeat(this.depth)}<${name}${attributes(list)}/>`);
  }

  text(name: string, list: Attributes, value: string): void {
    this.lines.push(`${' '.repeat(this.depth)}<${name}${attributes(list)}>${escapeText(value)}</${name}>`);
  }

  open(name: string, list: Attributes = []): void {
    this.lines.push(`${' '.repeat(this.depth)}<${name}${attributes(list)}>`);
    this.depth++;
  }

  close(name: string): void {
    this.depth--;
    this.lines.push(`${' '.repeat(this.depth)}</${name}>`);
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/** Narratives in the activity's language carry no `xml:lang`; the others do. */
function narratives(out: Writer, values: Narrative, defaultLanguage: string): void {
  const entries = Object.entries(values);
  if (entries.length === 0) out.text('narrative', [], '');
  for (const [lang, value] of entries) {
    out.text('narrative', [['xml:lang', lang === defaultLanguage ? null : lang]], value);
  }
}

/** An element holding narratives; the schema wants at least one, so an empty text is one empty narrative. */
function textElement(out: Writer, name: string, list: Attributes, values: Narrative, lang: string): void {
  out.open(name, list);
  narratives(out, values, lang);
  out.close(name);
}

function single(value: string | null | undefined, lang: string): Narrative {
  return value === null || value === undefined ? {} : { [lang]: value };
}

function value(out: Writer, amount: string, currency: string | null, valueDate: string): void {
  out.text(
    'value',
    [
      ['currency', currency],
      ['value-date', valueDate],
    ],
    amount,
  );
}

function budget(out: Writer, item: IatiBudget): void {
  out.open('budget', [
    ['type', item.type],
    ['status', item.status],
  ]);
  out.empty('period-start', [['iso-date', item.periodStart]]);
  out.empty('period-end', [['iso-date', item.periodEnd]]);
  value(out, item.value, item.currency, item.valueDate ?? item.periodStart);
  out.close('budget');
}

function party(
  out: Writer,
  name: string,
  idAttribute: string,
  item: IatiTransactionParty | null,
  lang: string,
) {
  if (!item) return;
  const list: Attributes = [
    ['ref', item.ref],
    [idAttribute, item.activityId],
  ];
  if (item.name === null) {
    out.empty(name, list);
  } else {
    textElement(out, name, list, single(item.name, lang), lang);
  }
}

function transaction(out: Writer, item: IatiTransaction, lang: string): void {
  out.open('transaction', [['ref', item.ref]]);
  out.empty('transaction-type', [['code', item.type]]);
  out.empty('transaction-date', [['iso-date', item.date]]);
  value(out, item.value, item.currency, item.valueDate ?? item.date);
  if (item.description !== null) textElement(out, 'description', [], single(item.description, lang), lang);
  party(out, 'provider-org', 'provider-activity-id', item.provider, lang);
  party(out, 'receiver-org', 'receiver-activity-id', item.receiver, lang);
  out.close('transaction');
}

function indicator(out: Writer, item: ProjectIndicator, lang: string): void {
  out.open('indicator', [
    ['measure', item.measure],
    ['ascending', item.ascending ? null : '0'],
  ]);
  textElement(out, 'title', [], single(item.title, lang), lang);
  if (item.description !== undefined)
    textElement(out, 'description', [], single(item.description, lang), lang);
  const baseline = item.baseline;
  const year = baseline?.year ?? (baseline?.date ? Number(baseline.date.slice(0, 4)) : null);
  if (baseline && year !== null) {
    out.empty('baseline', [
      ['year', String(year)],
      ['iso-date', baseline.date],
      ['value', baseline.value],
    ]);
  }
  for (const period of item.periods) {
    out.open('period');
    out.empty('period-start', [['iso-date', period.start]]);
    out.empty('period-end', [['iso-date', period.end]]);
    if (period.target !== null) out.empty('target', [['value', period.target]]);
    if (period.actual !== null) out.empty('actual', [['value', period.actual]]);
    out.close('period');
  }
  out.close('indicator');
}

function result(out: Writer, item: ProjectResult, lang: string): void {
  out.open('result', [['type', item.type]]);
  textElement(out, 'title', [], single(item.title, lang), lang);
  if (item.description !== undefined)
    textElement(out, 'description', [], single(item.description, lang), lang);
  for (const each of item.indicators) indicator(out, each, lang);
  out.close('result');
}

function hasExtension(activity: IatiActivity): boolean {
  const { cooperationType, modalities, themes } = activity.southSouth;
  return (
    cooperationType !== null ||
    modalities.length > 0 ||
    themes.length > 0 ||
    activity.participants.some((each) => each.southSouthRole !== null)
  );
}

function southSouth(out: Writer, activity: IatiActivity): void {
  const { cooperationType, modalities, themes } = activity.southSouth;
  if (cooperationType === null && modalities.length === 0 && themes.length === 0) return;
  out.open(`${SSC_PREFIX}:south-south`, [['cooperation-type', cooperationType]]);
  for (const code of modalities) out.empty(`${SSC_PREFIX}:modality`, [['code', code]]);
  for (const theme of themes) {
    out.empty(`${SSC_PREFIX}:theme`, [
      ['code', theme.id],
      ['percentage', theme.percentage],
    ]);
  }
  out.close(`${SSC_PREFIX}:south-south`);
}

const DATE_TYPES = [
  ['1', 'plannedStart'],
  ['2', 'actualStart'],
  ['3', 'plannedEnd'],
  ['4', 'actualEnd'],
] as const;

/** One activity, its elements in the order the 2.03 schema's sequence requires. */
function activityXml(out: Writer, activity: IatiActivity): void {
  const lang = activity.language ?? 'en';
  out.open('iati-activity', [
    ['last-updated-datetime', activity.lastUpdated],
    ['xml:lang', activity.language],
    ['default-currency', activity.defaultCurrency],
  ]);
  out.text('iati-identifier', [], activity.identifier);
  textElement(
    out,
    'reporting-org',
    [
      ['ref', activity.reportingOrg.ref],
      ['type', activity.reportingOrg.type],
    ],
    activity.reportingOrg.name,
    lang,
  );
  textElement(out, 'title', [], activity.title, lang);
  textElement(out, 'description', [['type', '1']], activity.description, lang);
  for (const org of activity.participants) {
    const list: Attributes = [
      ['ref', org.ref],
      ['type', org.type],
      ['role', org.role],
      ['activity-id', org.activityId],
      [`${SSC_PREFIX}:role`, org.southSouthRole],
    ];
    if (Object.keys(org.name).length === 0) out.empty('participating-org', list);
    else textElement(out, 'participating-org', list, org.name, lang);
  }
  if (activity.status !== null) out.empty('activity-status', [['code', activity.status]]);
  for (const [type, key] of DATE_TYPES) {
    const date = activity.dates[key];
    if (date !== null) {
      out.empty('activity-date', [
        ['type', type],
        ['iso-date', date],
      ]);
    }
  }
  for (const country of activity.recipientCountries) {
    out.empty('recipient-country', [
      ['code', country.code],
      ['percentage', country.percentage],
    ]);
  }
  for (const region of activity.recipientRegions) {
    out.empty('recipient-region', [
      ['code', region.code],
      ['vocabulary', region.vocabulary],
      ['percentage', region.percentage],
    ]);
  }
  for (const sector of activity.sectors) {
    out.empty('sector', [
      ['vocabulary', sector.vocabulary],
      ['code', sector.code],
      ['percentage', sector.percentage],
    ]);
  }
  for (const goal of activity.sdgGoals) {
    out.empty('tag', [
      ['vocabulary', '2'],
      ['code', goal],
    ]);
  }
  for (const target of activity.sdgTargets) {
    out.empty('tag', [
      ['vocabulary', '3'],
      ['code', target],
    ]);
  }
  for (const item of activity.budgets) budget(out, item);
  for (const item of activity.transactions) transaction(out, item, lang);
  for (const item of activity.results) result(out, item, lang);
  southSouth(out, activity);
  out.close('iati-activity');
}

/**
 * Writes activities as one IATI 2.03 activity file that validates against the 2.03 schema, given
 * the fields the schema requires (reporting-org ref and type, a participating organisation, a
 * status and at least one date; see docs/iati.md). Amounts, percentages and codes are written
 * exactly as the strings hold them; a missing value-date is taken from the transaction date or the
 * budget's period start. The South-South namespace is declared only when an activity uses it.
 */
export function toIatiXml(activities: IatiActivity[], options: WriteOptions): string {
  const out = new Writer();
  out.open('iati-activities', [
    ['version', '2.03'],
    ['generated-datetime', options.generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')],
    [`xmlns:${SSC_PREFIX}`, activities.some(hasExtension) ? SSC_NAMESPACE : null],
  ]);
  for (const activity of activities) activityXml(out, activity);
  out.close('iati-activities');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${out.toString()}`;
}
