import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { attempts } from '../../db/schema/index.js';

/**
 * Account lockout: after MAX_FAILURES failed attempts on one key (an email address, or an
 * invitation token) within WINDOW_MINUTES and no success since, further attempts are refused
 * until the window has passed. Counts live in PostgreSQL, so every app process shares them.
 */
export const LOCKOUT = {
  /** Five tries covers honest typos; more in a quarter of an hour is guessing. */
  maxFailures: 5,
  windowMinutes: 15,
} as const;

export type LockoutScope = 'sign-in' | 'invitation' | 'invite';

export function createLockout(db: DbOrTx) {
  const since = () => new Date(Date.now() - LOCKOUT.windowMinutes * 60_000);

  /** Minutes until the key may try again, or 0 when it is not locked. */
  async function lockedFor(scope: LockoutScope, key: string): Promise<number> {
    const recent = await db
      .select({ succeeded: attempts.succeeded, at: attempts.at })
      .from(attempts)
      .where(and(eq(attempts.scope, scope), eq(attempts.key, key.toLowerCase()), gt(attempts.at, since())))
      .orderBy(desc(attempts.at))
      .limit(LOCKOUT.maxFailures);
    const failures = recent.findIndex((attempt) => attempt.succeeded);
    const count = failures === -1 ? recent.length : failures;
    if (count < LOCKOUT.maxFailures) return 0;
    const oldest = recent[LOCKOUT.maxFailures - 1]!.at.getTime();
    return Math.max(1, Math.ceil((oldest + LOCKOUT.windowMinutes * 60_000 - Date.now()) / 60_000));
  }

  /** How many attempts a key made in the last `minutes`, for plain rate caps. */
  async function countSince(scope: LockoutScope, key: string, minutes: number): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(attempts)
      .where(
        and(
          eq(attempts.scope, scope),
          eq(attempts.key, key.toLowerCase()),
          gt(attempts.at, new Date(Date.now() - minutes * 60_000)),
        ),
      );
    return row?.n ?? 0;
  }

  async function record(scope: LockoutScope, key: string, succeeded: boolean): Promise<void> {
    await db.insert(attempts).values({ scope, key: key.toLowerCase(), succeeded });
  }

  /** Drops records older than a day; run from the maintenance job. */
  async function prune(): Promise<void> {
    await db.delete(attempts).where(sql`${attempts.at} < now() - interval '1 day'`);
  }

  return { lockedFor, countSince, record, prune };
}

export type Lockout = ReturnType<typeof createLockout>;
