import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { LANGUAGES } from '../../../shared/languages.js';
import { guard, requireRole, requireSignedIn, writeContext } from '../../http/auth.js';
import type { AppEnv } from '../../http/context.js';
import { errorResponses, ok } from '../../http/openapi.js';
import { validationHook } from '../../http/validation.js';
import { ACCOUNT_ROLES, type Viewer } from '../access/policy.js';
import { MIN_PASSWORD_LENGTH } from './auth.js';
import type { Invitations } from './invitations.js';
import type { Accounts } from './service.js';

const tags = ['Accounts'];
const security = [{ session: [] }];

const UserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(ACCOUNT_ROLES),
    organisationId: z.string().nullable(),
    twoFactorEnabled: z.boolean(),
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('User');

const MeSchema = z
  .object({
    user: UserSchema,
    effectiveRole: z
      .string()
      .openapi({ description: 'The role in force (staff act as members until they enrol 2FA)' }),
    needsTwoFactor: z.boolean(),
    workingGroupIds: z.array(z.string()),
  })
  .openapi('Me');

const InvitationSchema = z
  .object({
    id: z.string(),
    email: z.string().nullable(),
    role: z.enum(ACCOUNT_ROLES),
    organisationId: z.string().nullable(),
    invitedBy: z.string().nullable(),
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
    expiresAt: z.string(),
    createdAt: z.string(),
  })
  .openapi('Invitation');

export const InvitationInputSchema = z
  .object({
    email: z.email().max(320),
    role: z.enum(ACCOUNT_ROLES).default('member'),
    organisationId: z.uuid().nullable().optional(),
    language: z.enum(LANGUAGES).optional().openapi({ description: 'Language of the invitation email' }),
  })
  .strict()
  .openapi('InvitationInput');

export const AcceptInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    password: z.string().min(MIN_PASSWORD_LENGTH).max(256),
    email: z
      .email()
      .max(320)
      .optional()
      .openapi({ description: 'Only for the first-admin link, which has no email' }),
  })
  .strict()
  .openapi('AcceptInvitation');

const UserPatchSchema = z
  .object({
    role: z.enum(ACCOUNT_ROLES).optional(),
    organisationId: z.uuid().nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .openapi('UserPatch');

const TokenParams = z.object({ token: z.string().min(20).max(100) });
const IdParams = z.object({ id: z.string().min(1).max(100) });

export function accountRoutes(
  accounts: Accounts,
  invitations: Invitations,
  ownData: (viewer: Viewer) => Promise<Record<string, unknown>>,
) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'The signed-in account, its role in force and its working groups',
      responses: ok(MeSchema, 'The account'),
    }),
    async (c) => {
      const viewer = requireSignedIn(c);
      const user = c.get('user')!;
      return c.json(
        {
          user,
          effectiveRole: viewer.role,
          needsTwoFactor: !!viewer.needsTwoFactor,
          workingGroupIds: viewer.workingGroupIds,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/export',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Download everything the platform holds about you, as JSON',
      responses: ok(z.record(z.string(), z.unknown()), 'Your data'),
    }),
    async (c) => {
      const data = await ownData(requireSignedIn(c));
      c.header('content-disposition', 'attachment; filename="southbridge-my-data.json"');
      return c.json(data, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/users',
      middleware: [guard('org_admin')] as const,
      tags,
      security,
      summary: 'Accounts you manage (all for staff, your organisation’s for an org admin)',
      request: {
        query: z.object({
          q: z.string().max(200).optional(),
          role: z.enum(ACCOUNT_ROLES).optional(),
          organisationId: z.uuid().optional(),
        }),
      },
      responses: ok(z.object({ items: z.array(UserSchema) }), 'Accounts'),
    }),
    async (c) => {
      const viewer = requireRole(c, 'org_admin');
      return c.json({ items: await accounts.list(viewer, c.req.valid('query')) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/users/{id}',
      middleware: [guard('org_admin')] as const,
      tags,
      security,
      summary: 'Change an account’s role or organisation, or disable it (signs it out everywhere)',
      request: {
        params: IdParams,
        body: { content: { 'application/json': { schema: UserPatchSchema } }, required: true },
      },
      responses: ok(UserSchema, 'The account after the change'),
    }),
    async (c) => {
      requireRole(c, 'org_admin');
      const user = await accounts.update(writeContext(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json(user, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/invitations',
      middleware: [guard('org_admin')] as const,
      tags,
      security,
      summary: 'Invitations sent for your organisation (all for staff)',
      responses: ok(z.object({ items: z.array(InvitationSchema) }), 'Invitations'),
    }),
    async (c) => {
      requireRole(c, 'org_admin');
      return c.json({ items: await invitations.list(writeContext(c)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/invitations',
      middleware: [guard('org_admin')] as const,
      tags,
      security,
      summary: 'Invite a focal point by email; the link expires after 7 days',
      request: {
        body: { content: { 'application/json': { schema: InvitationInputSchema } }, required: true },
      },
      responses: {
        201: {
          description: 'Invitation sent',
          content: { 'application/json': { schema: InvitationSchema } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      requireRole(c, 'org_admin');
      const { invitation } = await invitations.invite(writeContext(c), c.req.valid('json'));
      return c.json(invitation, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/invitations/{id}',
      middleware: [guard('org_admin')] as const,
      tags,
      security,
      summary: 'Withdraw an unused invitation',
      request: { params: z.object({ id: z.uuid() }) },
      responses: ok(InvitationSchema, 'The withdrawn invitation'),
    }),
    async (c) => {
      requireRole(c, 'org_admin');
      return c.json(await invitations.revoke(writeContext(c), c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/invitations/by-token/{token}',
      tags,
      summary: 'What an invitation link is for (404 unknown, 410 used, withdrawn or expired)',
      request: { params: TokenParams },
      responses: ok(InvitationSchema, 'The invitation'),
    }),
    async (c) => c.json(await invitations.inspect(c.req.valid('param').token), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/invitations/by-token/{token}/accept',
      tags,
      summary: 'Accept an invitation: creates the account with the chosen password',
      request: {
        params: TokenParams,
        body: { content: { 'application/json': { schema: AcceptInputSchema } }, required: true },
      },
      responses: {
        201: {
          description: 'Account created; sign in with the email and password',
          content: { 'application/json': { schema: z.object({ userId: z.string(), email: z.string() }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const created = await invitations.accept(
        c.req.valid('param').token,
        c.req.valid('json'),
        writeContext(c),
      );
      return c.json(created, 201);
    },
  );

  return app;
}
