import { eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  groupActions,
  groupPosts,
  groupPriorities,
  groupThreads,
  priorityRankings,
} from '../../db/schema/index.js';

/** A person's part of the working groups, for their own-data download. */
export async function groupsOwnData(db: DbOrTx, userId: string) {
  const [threads, posts, actions, priorities, rankings] = await Promise.all([
    db.select().from(groupThreads).where(eq(groupThreads.authorId, userId)),
    db.select().from(groupPosts).where(eq(groupPosts.authorId, userId)),
    db
      .select()
      .from(groupActions)
      .where(or(eq(groupActions.ownerId, userId), eq(groupActions.createdBy, userId))),
    db.select().from(groupPriorities).where(eq(groupPriorities.createdBy, userId)),
    db.select().from(priorityRankings).where(eq(priorityRankings.userId, userId)),
  ]);
  return { threads, posts, actions, priorities, rankings };
}
