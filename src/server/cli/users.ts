import { parseArgs } from 'node:util';
import { eq, or } from 'drizzle-orm';
import { organisations } from '../db/schema/index.js';
import { AppError } from '../errors.js';
import { ACCOUNT_ROLES, type AccountRole, SYSTEM } from '../modules/access/policy.js';
import type { Services } from '../services.js';

export const USERS_USAGE =
  'Usage: npm run cli -- user create --email E --role member|org_admin|secretariat|admin [--org SLUG|UUID] [--lang xx]';

/** `user create`: invites an account and prints its one-time link (the email is sent or held too). */
export async function userCommand(services: Services, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'create') {
    console.error(USERS_USAGE);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      org: { type: 'string' },
      lang: { type: 'string' },
    },
    strict: true,
  });
  const role = values.role as AccountRole | undefined;
  if (!values.email || !role || !ACCOUNT_ROLES.includes(role)) {
    console.error(USERS_USAGE);
    return 2;
  }
  let organisationId: string | null = null;
  if (values.org) {
    const isUuid = /^[0-9a-f-]{36}$/i.test(values.org);
    const [org] = await services.database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        isUuid
          ? or(eq(organisations.id, values.org), eq(organisations.slug, values.org))
          : eq(organisations.slug, values.org),
      );
    if (!org) {
      console.error(`No organisation "${values.org}" (give its slug or id).`);
      return 2;
    }
    organisationId = org.id;
  }
  try {
    const { invitation, url } = await services.invitations.invite(
      { viewer: SYSTEM, requestId: 'cli' },
      { email: values.email, role, organisationId, ...(values.lang ? { language: values.lang } : {}) },
    );
    console.log(
      `Invited ${invitation.email} as ${invitation.role}. The link works once, until ${invitation.expiresAt}:`,
    );
    console.log(url);
    return 0;
  } catch (error) {
    if (!AppError.is(error)) throw error;
    const fields = error.errors.map((e) => `  ${e.field}: ${e.message}`).join('\n');
    console.error(`${error.message}${fields ? `\n${fields}` : ''}`);
    return 2;
  }
}
