import type { IndicatorPeriod, ProjectIndicator, ProjectResult } from '../../../../shared/projects.js';
import { extensionPrefixes, readRole, readSouthSouth } from './south-south.js';
import { attr, child, children, text, type XmlElement } from './tree.js';
import type {
  IatiActivity,
  IatiBudget,
  IatiIssue,
  IatiOrg,
  IatiShare,
  IatiTransaction,
  IatiTransactionParty,
  Narrative,
} from './types.js';

/** What an activity's mapping needs from its file. */
export type MapContext = {
  version: string;
  line: number;
  /** The root element's `xml:lang`, if any. */
  fileLanguage: string | null;
  /** Prefixes bound to the South-South extension's namespace on the root element. */
  extensionPrefixes: string[];
};

/** Activity-date types, numeric since 2.01; the 1.x names are accepted too. */
const DATE_TYPES: Record<string, keyof IatiActivity['dates']> = {
  '1': 'plannedStart',
  '2': 'actualStart',
  '3': 'plannedEnd',
  '4': 'actualEnd',
  'start-planned': 'plannedStart',
  'start-actual': 'actualStart',
  'end-planned': 'plannedEnd',
  'end-actual': 'actualEnd',
};

const SDG_INDICATOR = /^(\d{1,2})\.([0-9a-z]{1,2})\.\d+$/i;

function language(value: string | null): string | null {
  return value === null ? null : value.toLowerCase();
}

/** All narratives of an element by language; the first text of each language wins. */
function narratives(element: XmlElement | undefined, defaultLanguage: string): Narrative {
  const result: Narrative = {};
  for (const narrative of children(element, 'narrative')) {
    const value = text(narrative);
    if (value === '') continue;
    const lang = language(attr(narrative, 'xml:lang')) ?? defaultLanguage;
    if (!(lang in result)) result[lang] = value;
  }
  return result;
}

/** One text for fields the platform keeps in a single language: the default language's, else the first. */
function oneText(element: XmlElement | undefined, defaultLanguage: string): string | null {
  const all = narratives(element, defaultLanguage);
  return all[defaultLanguage] ?? Object.values(all)[0] ?? null;
}

function isoDate(element: XmlElement | undefined): string | null {
  const value = attr(element, 'iso-date');
  return value === null ? null : value.slice(0, 10);
}

function org(element: XmlElement | undefined, lang: string): IatiOrg {
  return { ref: attr(element, 'ref'), type: attr(element, 'type'), name: narratives(element, lang) };
}

function shares(elements: XmlElement[]): IatiShare[] {
  return elements
    .map((element) => ({
      code: attr(element, 'code') ?? '',
      vocabulary: attr(element, 'vocabulary') ?? '1',
      percentage: attr(element, 'percentage'),
    }))
    .filter((share) => share.code !== '');
}

function budget(element: XmlElement, defaultCurrency: string | null): IatiBudget {
  const value = child(element, 'value');
  return {
    type: attr(element, 'type') ?? '1',
    status: attr(element, 'status') ?? '1',
    periodStart: isoDate(child(element, 'period-start')) ?? '',
    periodEnd: isoDate(child(element, 'period-end')) ?? '',
    value: text(value),
    currency: attr(value, 'currency') ?? defaultCurrency,
    valueDate: attr(value, 'value-date'),
  };
}

function party(
  element: XmlElement | undefined,
  idAttribute: string,
  lang: string,
): IatiTransactionParty | null {
  if (!element) return null;
  return { ref: attr(element, 'ref'), name: oneText(element, lang), activityId: attr(element, idAttribute) };
}

function transaction(element: XmlElement, defaultCurrency: string | null, lang: string): IatiTransaction {
  const value = child(element, 'value');
  return {
    ref: attr(element, 'ref'),
    type: attr(child(element, 'transaction-type'), 'code') ?? '',
    date: isoDate(child(element, 'transaction-date')) ?? '',
    value: text(value),
    currency: attr(value, 'currency') ?? defaultCurrency,
    valueDate: attr(value, 'value-date'),
    description: oneText(child(element, 'description'), lang),
    provider: party(child(element, 'provider-org'), 'provider-activity-id', lang),
    receiver: party(child(element, 'receiver-org'), 'receiver-activity-id', lang),
  };
}

function period(element: XmlElement): IndicatorPeriod {
  return {
    start: isoDate(child(element, 'period-start')),
    end: isoDate(child(element, 'period-end')),
    target: attr(child(element, 'target'), 'value'),
    actual: attr(child(element, 'actual'), 'value'),
  };
}

function indicator(element: XmlElement, lang: string): ProjectIndicator {
  const baseline = child(element, 'baseline');
  const year = attr(baseline, 'year');
  const ascending = attr(element, 'ascending');
  const description = oneText(child(element, 'description'), lang);
  return {
    title: oneText(child(element, 'title'), lang) ?? '',
    ...(description !== null && { description }),
    measure: attr(element, 'measure') ?? '1',
    ascending: !(ascending === '0' || ascending === 'false'),
    baseline: baseline
      ? {
          year: year !== null && /^\d+$/.test(year) ? Number(year) : null,
          date: isoDate(baseline),
          value: attr(baseline, 'value'),
        }
      : null,
    periods: children(element, 'period').map(period),
  };
}

function result(element: XmlElement, lang: string): ProjectResult {
  const description = oneText(child(element, 'description'), lang);
  return {
    type: attr(element, 'type') ?? '',
    title: oneText(child(element, 'title'), lang) ?? '',
    ...(description !== null && { description }),
    indicators: children(element, 'indicator').map((each) => indicator(each, lang)),
  };
}

function addOnce(list: string[], value: string | null): void {
  if (value !== null && value !== '' && !list.includes(value)) list.push(value);
}

/**
 * SDG goals and targets, in order of appearance and without repeats: tags of vocabulary 2 (goal)
 * and 3 (target), sectors of vocabulary 7 (goal), 8 (target) and 9 (indicator, giving its target),
 * and result indicator references of vocabulary 9 (SDG indicator).
 */
function sdgs(activity: XmlElement): { goals: string[]; targets: string[] } {
  const goals: string[] = [];
  const targets: string[] = [];
  const targetOfIndicator = (code: string | null) => {
    const match = code === null ? null : SDG_INDICATOR.exec(code);
    addOnce(targets, match ? `${match[1]}.${match[2]}` : null);
  };
  for (const tag of children(activity, 'tag')) {
    const vocabulary = attr(tag, 'vocabulary');
    if (vocabulary === '2') addOnce(goals, attr(tag, 'code'));
    if (vocabulary === '3') addOnce(targets, attr(tag, 'code'));
  }
  for (const sector of children(activity, 'sector')) {
    const vocabulary = attr(sector, 'vocabulary');
    if (vocabulary === '7') addOnce(goals, attr(sector, 'code'));
    if (vocabulary === '8') addOnce(targets, attr(sector, 'code'));
    if (vocabulary === '9') targetOfIndicator(attr(sector, 'code'));
  }
  for (const each of children(activity, 'result')) {
    for (const ind of children(each, 'indicator')) {
      for (const reference of children(ind, 'reference')) {
        if (attr(reference, 'vocabulary') === '9') targetOfIndicator(attr(reference, 'code'));
      }
    }
  }
  return { goals, targets };
}

/**
 * Maps one `<iati-activity>` (already valid against the XSD of its version) to an `IatiActivity`.
 * Returns the issues the XSD cannot see (the extension's values); an activity with any is refused.
 */
export function mapActivity(
  element: XmlElement,
  context: MapContext,
): { activity: IatiActivity; issues: IatiIssue[] } {
  const issues: IatiIssue[] = [];
  const activityLanguage = language(attr(element, 'xml:lang')) ?? context.fileLanguage;
  const lang = activityLanguage ?? 'en';
  const defaultCurrency = attr(element, 'default-currency');
  const identifier = text(child(element, 'iati-identifier'));
  const prefixes = [...new Set([...context.extensionPrefixes, ...extensionPrefixes(element)])];

  const title = narratives(child(element, 'title'), lang);
  const descriptions = children(element, 'description');
  const general = descriptions.filter((each) => (attr(each, 'type') ?? '1') === '1');
  const description: Narrative = {};
  for (const each of general.length > 0 ? general : descriptions.slice(0, 1)) {
    for (const [key, value] of Object.entries(narratives(each, lang))) description[key] ??= value;
  }

  const dates: IatiActivity['dates'] = {
    plannedStart: null,
    actualStart: null,
    plannedEnd: null,
    actualEnd: null,
  };
  for (const date of children(element, 'activity-date')) {
    const key = DATE_TYPES[attr(date, 'type') ?? ''];
    if (key && dates[key] === null) dates[key] = isoDate(date);
  }

  const { goals, targets } = sdgs(element);
  const activity: IatiActivity = {
    identifier,
    version: context.version,
    line: context.line,
    language: activityLanguage,
    defaultCurrency,
    lastUpdated: attr(element, 'last-updated-datetime'),
    reportingOrg: org(child(element, 'reporting-org'), lang),
    title: Object.keys(title).length > 0 ? title : { [lang]: identifier },
    description,
    participants: children(element, 'participating-org').map((each) => ({
      ...org(each, lang),
      role: attr(each, 'role'),
      activityId: attr(each, 'activity-id'),
      southSouthRole: readRole(each, prefixes, context.line, issues),
    })),
    status: attr(child(element, 'activity-status'), 'code'),
    dates,
    recipientCountries: children(element, 'recipient-country')
      .map((each) => ({ code: attr(each, 'code') ?? '', percentage: attr(each, 'percentage') }))
      .filter((each) => each.code !== ''),
    recipientRegions: shares(children(element, 'recipient-region')),
    sectors: shares(children(element, 'sector')),
    sdgGoals: goals,
    sdgTargets: targets,
    budgets: children(element, 'budget').map((each) => budget(each, defaultCurrency)),
    transactions: children(element, 'transaction').map((each) => transaction(each, defaultCurrency, lang)),
    results: children(element, 'result').map((each) => result(each, lang)),
    southSouth: readSouthSouth(element, prefixes, context.line, issues),
  };
  return { activity, issues };
}
