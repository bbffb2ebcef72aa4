import { desc, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../db/client.js';
import { outbox } from '../db/schema/index.js';
import type { Logger } from '../logger.js';

export type Email = { to: string; subject: string; text: string; kind: string };

export type MailerOptions = {
  db: Db;
  /** smtp://user:pass@host:port or smtps://…; without it mail is held in the outbox. */
  smtpUrl?: string;
  from?: string;
  logger?: Logger;
};

/**
 * Sends email. Every message is written to the outbox first; with SMTP configured it is then sent
 * and marked sent (or failed, with the reason), and without SMTP it is held there for admins to
 * read on the outbox page.
 */
export function createMailer({
  db,
  smtpUrl,
  from = 'Southbridge <no-reply@southbridge.local>',
  logger,
}: MailerOptions) {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;

  async function send(email: Email): Promise<{ id: number; status: 'sent' | 'held' | 'failed' }> {
    const [row] = await db
      .insert(outbox)
      .values({ ...email, status: transport ? 'queued' : 'held' })
      .returning({ id: outbox.id });
    const id = row!.id;
    if (!transport) return { id, status: 'held' };
    try {
      await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text });
      await db.update(outbox).set({ status: 'sent', sentAt: new Date() }).where(eq(outbox.id, id));
      return { id, status: 'sent' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger?.warn({ err: error, kind: email.kind }, 'email not sent');
      await db.update(outbox).set({ status: 'failed', error: message }).where(eq(outbox.id, id));
      return { id, status: 'failed' };
    }
  }

  /** The latest messages, newest first, for the admins' outbox page. */
  async function recent(limit: number) {
    const rows = await db.select().from(outbox).orderBy(desc(outbox.id)).limit(limit);
    return rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
    }));
  }

  return { send, recent, configured: !!transport, close: () => transport?.close() };
}

export type Mailer = ReturnType<typeof createMailer>;
