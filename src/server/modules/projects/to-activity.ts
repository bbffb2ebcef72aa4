import type { IatiActivity, Narrative } from './iati/types.js';
import { type ProjectRecord, partyOf } from './service.js';

/** The same text in every language the project has it in. */
function narrative(
  texts: Record<string, { title: string; description: string }>,
  field: 'title' | 'description',
) {
  const out: Narrative = {};
  for (const [language, text] of Object.entries(texts)) if (text[field]) out[language] = text[field];
  return out;
}

/**
 * A project as an IATI activity, for export: countries back to ISO alpha-2 (codes kept as IATI
 * wrote them pass through), South-South roles and the marker in the platform's extension.
 */
export function toActivity(
  { row, budgets, transactions }: ProjectRecord,
  iso3to2: Map<string, string>,
): IatiActivity {
  const name = (value: string): Narrative => (value ? { [row.language]: value } : {});
  return {
    identifier: row.iatiIdentifier,
    version: '2.03',
    line: 0,
    language: row.language,
    defaultCurrency: row.defaultCurrency,
    lastUpdated: (row.iatiUpdatedAt ?? row.updatedAt).toISOString(),
    // IATI requires a type: an organisation whose type is not known is written as 90 (other).
    reportingOrg: {
      ref: row.reportingOrg.ref,
      type: row.reportingOrg.type ?? '90',
      name: name(row.reportingOrg.name),
    },
    title: narrative(row.texts, 'title'),
    description: narrative(row.texts, 'description'),
    participants: row.participants.map((p) => ({
      ref: p.ref,
      type: p.type,
      name: name(p.name),
      // IATI requires a role: one not given is written as 4 (implementing).
      role: p.role ?? '4',
      activityId: p.activityId,
      southSouthRole: p.southSouthRole,
    })),
    status: row.status,
    dates: {
      plannedStart: row.plannedStart,
      actualStart: row.actualStart,
      plannedEnd: row.plannedEnd,
      actualEnd: row.actualEnd,
    },
    recipientCountries: row.countries.map((c) => ({
      code: iso3to2.get(c.iso3) ?? c.iso3,
      percentage: c.percentage,
    })),
    recipientRegions: row.regions,
    sectors: row.sectors,
    sdgGoals: row.sdgGoals,
    sdgTargets: row.sdgTargets,
    budgets: budgets.map((b) => ({
      type: b.type,
      status: b.status,
      periodStart: b.periodStart,
      periodEnd: b.periodEnd,
      value: b.amount,
      currency: b.currency,
      valueDate: b.valueDate ?? b.periodStart,
    })),
    transactions: transactions.map((t) => ({
      ref: t.ref,
      type: t.type,
      date: t.date,
      value: t.amount,
      currency: t.currency,
      valueDate: t.valueDate ?? t.date,
      description: t.description,
      provider: partyOf(t, 'provider'),
      receiver: partyOf(t, 'receiver'),
    })),
    results: row.results,
    southSouth: {
      cooperationType: (row.cooperationType as IatiActivity['southSouth']['cooperationType']) ?? null,
      modalities: row.modalities,
      themes: row.themes,
    },
  };
}
