import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { needs, offers } from '../../db/schema/index.js';

/** The needs and offers a person posted. */
export async function needsOffersOwnData(db: DbOrTx, userId: string) {
  return {
    needs: await db.select().from(needs).where(eq(needs.ownerId, userId)),
    offers: await db.select().from(offers).where(eq(offers.ownerId, userId)),
  };
}
