import { and, eq, inArray, isNull } from 'drizzle-orm';
import { DEFAULT_LANGUAGE } from '../../../shared/languages.js';
import { getI18n } from '../../../web/i18n.js';
import type { Db } from '../../db/client.js';
import { matches } from '../../db/schema/index.js';
import type { Email } from '../../mail/mailer.js';
import type { Accounts } from '../accounts/service.js';
import type { NotificationsService } from '../notifications/service.js';
import type { MatchPartiesService, MatchRow } from './parties.js';
import type { MatchingService } from './service.js';

type Deps = {
  db: Db;
  baseUrl: string;
  parties: MatchPartiesService;
  service: Pick<MatchingService, 'refreshAll'>;
  accounts: Pick<Accounts, 'people'>;
  notifications: Pick<NotificationsService, 'deliver'>;
};

/** At most this many matches are listed in one person's digest; the rest are on the site. */
const DIGEST_MAX_LINES = 20;

/**
 * The weekly digest: refreshes every open need's and offer's suggestions, then emails each focal
 * point the suggestions they have not been told about, once. A side the secretariat stands in
 * for gets no digest: the secretariat follows matches on the site.
 */
export function createMatchDigest({ db, baseUrl, parties, service, accounts, notifications }: Deps) {
  return {
    async send(now: Date = new Date()): Promise<{ matches: number; emails: number }> {
      await db.transaction((tx) => service.refreshAll(tx));
      const { claimed, byPerson } = await db.transaction(async (tx) => {
        const fresh = await tx
          .select()
          .from(matches)
          .where(and(isNull(matches.digestedAt), eq(matches.status, 'suggested')))
          .for('update', { skipLocked: true });
        const byPerson = new Map<string, Array<{ match: MatchRow; line: string }>>();
        for (const match of fresh) {
          const p = await parties.of(tx, match).catch(() => null);
          if (!p) continue;
          const need = p.need.texts[p.need.language]!.title;
          const candidate = p.candidate.row.texts[p.candidate.row.language]!.title;
          const line = `• ${need} ↔ ${candidate}\n  ${baseUrl}/${DEFAULT_LANGUAGE}/matches/${match.id}`;
          for (const side of ['need', 'candidate'] as const) {
            if (p.standIn[side]) continue;
            for (const person of p.people[side])
              byPerson.set(person, [...(byPerson.get(person) ?? []), { match, line }]);
          }
        }
        if (fresh.length)
          await tx
            .update(matches)
            .set({ digestedAt: now })
            .where(
              inArray(
                matches.id,
                fresh.map((m) => m.id),
              ),
            );
        return { claimed: fresh.length, byPerson };
      });
      const people = await accounts.people([...byPerson.keys()]);
      const t = getI18n(DEFAULT_LANGUAGE).t;
      const emails: Email[] = [];
      for (const [id, items] of byPerson) {
        const person = people.get(id);
        if (!person || person.disabled) continue;
        const lines = items.slice(0, DIGEST_MAX_LINES).map((item) => item.line);
        emails.push({
          to: person.email,
          kind: 'match.digest',
          subject: t('mail.matchDigest.subject', { count: items.length }),
          text: [
            t('mail.matchDigest.intro', { count: items.length }),
            lines.join('\n'),
            t('mail.matchDigest.footer', { url: `${baseUrl}/${DEFAULT_LANGUAGE}/matches` }),
          ].join('\n\n'),
        });
      }
      await notifications.deliver(emails);
      return { matches: claimed, emails: emails.length };
    },
  };
}

export type MatchDigest = ReturnType<typeof createMatchDigest>;
