import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { matchEvents, matchMessages } from '../../db/schema/index.js';

/** The messages a person wrote on matches and the steps they took. */
export async function matchingOwnData(db: DbOrTx, userId: string) {
  return {
    messages: await db
      .select({
        matchId: matchMessages.matchId,
        side: matchMessages.side,
        body: matchMessages.body,
        createdAt: matchMessages.createdAt,
      })
      .from(matchMessages)
      .where(eq(matchMessages.authorId, userId)),
    steps: await db
      .select({
        matchId: matchEvents.matchId,
        fromStatus: matchEvents.fromStatus,
        toStatus: matchEvents.toStatus,
        note: matchEvents.note,
        createdAt: matchEvents.createdAt,
      })
      .from(matchEvents)
      .where(eq(matchEvents.actorId, userId)),
  };
}
