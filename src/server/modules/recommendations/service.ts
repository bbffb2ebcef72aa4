import { inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { recommendations } from '../../db/schema/index.js';

/** Technical-assistance recommendations from country assessments. */
export function createRecommendationsService({ db }: { db: Db }) {
  return {
    /** Which of these ids are recommendations that exist, for records that link to them. */
    async existingIds(ids: string[], tx: DbOrTx = db): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await tx
        .select({ id: recommendations.id })
        .from(recommendations)
        .where(inArray(recommendations.id, [...new Set(ids)]));
      return new Set(rows.map((row) => row.id));
    },
  };
}

export type RecommendationsService = ReturnType<typeof createRecommendationsService>;
