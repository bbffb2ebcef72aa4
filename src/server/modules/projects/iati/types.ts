import type { ProjectResult } from '../../../../shared/projects.js';
import type { SouthSouthRole } from '../../../db/schema/projects.js';

/**
 * Text in several languages, keyed by language code. IATI narratives without `xml:lang` take the
 * activity's `xml:lang` (or the file's), else "en".
 */
export type Narrative = Record<string, string>;

export type IatiOrg = { ref: string | null; type: string | null; name: Narrative };

export type IatiParticipant = IatiOrg & {
  /** OrganisationRole code: 1 funding, 2 accountable, 3 extending, 4 implementing. */
  role: string | null;
  activityId: string | null;
  /** From the platform's namespaced extension (see docs/iati.md); null in other files. */
  southSouthRole: SouthSouthRole | null;
};

export type IatiShare = { code: string; vocabulary: string; percentage: string | null };

export type IatiBudget = {
  type: string;
  status: string;
  periodStart: string;
  periodEnd: string;
  value: string;
  currency: string | null;
  valueDate: string | null;
};

export type IatiTransactionParty = { ref: string | null; name: string | null; activityId: string | null };

export type IatiTransaction = {
  ref: string | null;
  /** TransactionType code. */
  type: string;
  date: string;
  value: string;
  currency: string | null;
  valueDate: string | null;
  description: string | null;
  provider: IatiTransactionParty | null;
  receiver: IatiTransactionParty | null;
};

/**
 * One IATI activity, as read from (or written to) XML. Dates are ISO `YYYY-MM-DD`; amounts and
 * percentages are decimal strings exactly as written, never floats. Country codes are ISO 3166
 * alpha-2 as IATI has them.
 */
export type IatiActivity = {
  identifier: string;
  /** The `version` the file declares (2.01, 2.02 or 2.03). */
  version: string;
  /** The line of the `<iati-activity>` element in its file, for messages. */
  line: number;
  language: string | null;
  defaultCurrency: string | null;
  lastUpdated: string | null;
  reportingOrg: IatiOrg;
  title: Narrative;
  /** Descriptions of type 1 (general), else the first of any type. */
  description: Narrative;
  participants: IatiParticipant[];
  /** ActivityStatus code. */
  status: string | null;
  dates: {
    plannedStart: string | null;
    actualStart: string | null;
    plannedEnd: string | null;
    actualEnd: string | null;
  };
  recipientCountries: Array<{ code: string; percentage: string | null }>;
  recipientRegions: IatiShare[];
  sectors: IatiShare[];
  /** SDG goals ("4") and targets ("4.1") from tags (vocabularies 2 and 3) and sectors (7 and 8). */
  sdgGoals: string[];
  sdgTargets: string[];
  budgets: IatiBudget[];
  transactions: IatiTransaction[];
  results: ProjectResult[];
  /** The platform's extension: South-South marker, modalities and themes with percentages. */
  southSouth: {
    cooperationType: 'bilateral' | 'regional' | 'triangular' | null;
    modalities: string[];
    themes: Array<{ id: string; percentage: string | null }>;
  };
};

/** A problem found in a file, with the line it is on and the element or attribute it concerns. */
export type IatiIssue = { line: number | null; field: string; message: string };

/** The outcome of reading one file: the activities that passed, and every problem found. */
export type IatiReadResult = {
  version: string | null;
  /** Activities with no problem, in file order. */
  activities: IatiActivity[];
  /** Activities refused, each with its problems (a refused activity is never imported). */
  refused: Array<{ identifier: string | null; line: number; issues: IatiIssue[] }>;
  /** Problems with the file as a whole (not XML, an attack, too large, not an activity file). */
  fileIssues: IatiIssue[];
  /** Number of `<iati-activity>` elements in the file. */
  total: number;
};
