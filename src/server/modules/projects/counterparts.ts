import { sql } from 'drizzle-orm';
import { textArray } from '../../db/arrays.js';
import type { DbOrTx } from '../../db/client.js';

/** Sets `counterpart_id` on the incoming transactions `which` selects (a condition on `t`). */
function linkWhere(which: ReturnType<typeof sql>) {
  return sql`
    UPDATE project_transactions AS t SET counterpart_id = (
      SELECT o.id FROM project_transactions AS o
      JOIN projects AS op ON op.id = o.project_id
      WHERE op.iati_identifier = t.provider_activity_id
        AND op.id <> t.project_id
        AND o.type = CASE t.type WHEN '1' THEN '3' ELSE '2' END
        AND o.currency = t.currency AND o.amount = t.amount
        AND (o.receiver_activity_id IS NULL OR o.receiver_activity_id = tp.iati_identifier)
      ORDER BY abs(o.date - t.date), o.id
      LIMIT 1)
    FROM projects AS tp
    WHERE tp.id = t.project_id
      AND t.type IN ('1', '11')
      AND t.provider_activity_id IS NOT NULL
      AND ${which}`;
}

/**
 * Links each flow two publishers both report, so totals count it once. The recipient's incoming
 * funds (type 1) or incoming commitment (type 11) names the funder's activity in
 * `provider-activity-id`; its counterpart is the funder's disbursement (3) or commitment (2) to
 * this activity (or to no named activity) with the same currency and amount, the nearest in date.
 * Runs for the given activities in both directions: as the recipient (their own incoming
 * transactions) and as the funder (others' incoming transactions that name them). Each direction
 * is its own statement so that each uses its index.
 */
export async function linkCounterparts(tx: DbOrTx, identifiers: string[]): Promise<void> {
  if (identifiers.length === 0) return;
  const ids = textArray(identifiers);
  await tx.execute(
    linkWhere(sql`t.project_id IN (SELECT id FROM projects WHERE iati_identifier = ANY(${ids}))`),
  );
  await tx.execute(linkWhere(sql`t.provider_activity_id = ANY(${ids})`));
}
