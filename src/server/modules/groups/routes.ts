import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import { guard, requireRole, requireSignedIn, writeContext } from '../../http/auth.js';
import type { AppEnv } from '../../http/context.js';
import { jsonBody, langQuery, problemResponse } from '../../http/openapi.js';
import { pageQuery } from '../../http/pagination.js';
import { validationHook } from '../../http/validation.js';
import {
  ActionInput,
  ActionListQuery,
  ActionPage,
  ActionParams,
  ActionPatch,
  ActionSchema,
  GROUP_ROLES,
  GroupInput,
  GroupListQuery,
  GroupParams,
  GroupPatch,
  GroupSchema,
  GroupSummarySchema,
  MemberInput,
  MemberParams,
  MemberPatch,
  MyActionsQuery,
  PostInput,
  PostSchema,
  PrioritiesSchema,
  PriorityInput,
  PriorityParams,
  PriorityPatch,
  PrioritySchema,
  RankingInput,
  ThreadInput,
  ThreadPage,
  ThreadParams,
  ThreadSchema,
} from './schema.js';
import type { GroupsService } from './service.js';

const tags = ['Working groups'];
const security = [{ session: [] }];

const errors = {
  400: problemResponse('Malformed request'),
  401: problemResponse('Not signed in'),
  403: problemResponse('Your role in the group does not allow this'),
  404: problemResponse('No such group (or you are not a member of its space), or no such item in it'),
  409: problemResponse('Conflicts with the current state'),
  422: problemResponse('Invalid fields; `errors` names each one'),
} satisfies RouteConfig['responses'];

const okReply = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
  ...errors,
});
const createdReply = <T extends z.ZodType>(schema: T, description: string) => ({
  201: { description, content: { 'application/json': { schema } } },
  ...errors,
});

const MembershipSchema = z
  .object({
    groupId: z.uuid(),
    userId: z.string(),
    role: z.enum(GROUP_ROLES),
    joinedAt: z.string().optional(),
    removed: z.boolean().optional(),
  })
  .openapi('GroupMembership');

const GroupPage = z
  .object({ items: z.array(GroupSummarySchema), nextCursor: z.string().nullable(), total: z.number().int() })
  .openapi('GroupPage');

const LangOnly = z.object(langQuery);

export function groupRoutes(groups: GroupsService) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  // Groups and membership

  app.openapi(
    createRoute({
      method: 'get',
      path: '/groups',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Working groups: theme, chairs and member count (signed-in members)',
      request: { query: GroupListQuery },
      responses: okReply(GroupPage, 'Groups'),
    }),
    async (c) => c.json(await groups.list(requireSignedIn(c), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/groups',
      middleware: [guard('secretariat')] as const,
      tags,
      security,
      summary: 'Create a working group (secretariat)',
      request: { query: LangOnly, body: jsonBody(GroupInput) },
      responses: createdReply(GroupSchema, 'The new group'),
    }),
    async (c) => {
      requireRole(c, 'secretariat');
      return c.json(
        await groups.create(writeContext(c), c.req.valid('json'), c.req.valid('query').lang),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/groups/{id}',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'A working group with its members and their roles',
      request: { params: GroupParams, query: LangOnly },
      responses: okReply(GroupSchema, 'The group'),
    }),
    async (c) =>
      c.json(await groups.get(requireSignedIn(c), c.req.valid('param').id, c.req.valid('query').lang), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/groups/{id}',
      middleware: [guard('secretariat')] as const,
      tags,
      security,
      summary: 'Edit a working group (secretariat)',
      request: { params: GroupParams, query: LangOnly, body: jsonBody(GroupPatch) },
      responses: okReply(GroupSchema, 'The group after the change'),
    }),
    async (c) => {
      requireRole(c, 'secretariat');
      return c.json(
        await groups.update(
          writeContext(c),
          c.req.valid('param').id,
          c.req.valid('json'),
          c.req.valid('query').lang,
        ),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/groups/{id}/members',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary:
        'Join a group (no body, or your own userId), or add someone: chairs add members, the secretariat adds anyone with any role',
      request: { params: GroupParams, body: jsonBody(MemberInput, false) },
      responses: createdReply(MembershipSchema, 'The membership'),
    }),
    async (c) => {
      requireSignedIn(c);
      const body = (c.req.valid('json') as z.infer<typeof MemberInput> | undefined) ?? {
        role: 'member' as const,
      };
      return c.json(await groups.addMember(writeContext(c), c.req.valid('param').id, body), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/groups/{id}/members/{userId}',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Change a member’s role (the group’s chairs and the secretariat)',
      request: { params: MemberParams, body: jsonBody(MemberPatch) },
      responses: okReply(MembershipSchema, 'The membership after the change'),
    }),
    async (c) => {
      requireSignedIn(c);
      const { id, userId } = c.req.valid('param');
      return c.json(await groups.changeRole(writeContext(c), id, userId, c.req.valid('json').role), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/groups/{id}/members/{userId}',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Leave a group (your own userId), or remove a member (chairs, the secretariat)',
      request: { params: MemberParams },
      responses: okReply(MembershipSchema, 'The membership that ended'),
    }),
    async (c) => {
      requireSignedIn(c);
      const { id, userId } = c.req.valid('param');
      return c.json(await groups.removeMember(writeContext(c), id, userId), 200);
    },
  );

  // Threads

  app.openapi(
    createRoute({
      method: 'get',
      path: '/groups/{id}/threads',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Discussion threads, latest activity first (members of the group and the secretariat)',
      request: { params: GroupParams, query: z.object(pageQuery) },
      responses: okReply(ThreadPage, 'Threads'),
    }),
    async (c) =>
      c.json(
        await groups.listThreads(requireSignedIn(c), c.req.valid('param').id, c.req.valid('query')),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/groups/{id}/threads',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Start a thread; @{userId} in the body and the notify list notify members',
      request: { params: GroupParams, body: jsonBody(ThreadInput) },
      responses: createdReply(ThreadSchema, 'The new thread'),
    }),
    async (c) => {
      requireSignedIn(c);
      return c.json(
        await groups.createThread(writeContext(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/groups/{id}/threads/{threadId}',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'A thread with its replies, oldest first',
      request: { params: ThreadParams },
      responses: okReply(ThreadSchema, 'The thread'),
    }),
    async (c) => {
      const { id, threadId } = c.req.valid('param');
      return c.json(await groups.getThread(requireSignedIn(c), id, threadId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/groups/{id}/threads/{threadId}/posts',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Reply in a thread; earlier participants are notified, mentioned members too (with email)',
      request: { params: ThreadParams, body: jsonBody(PostInput) },
      responses: createdReply(PostSchema, 'The reply'),
    }),
    async (c) => {
      requireSignedIn(c);
      const { id, threadId } = c.req.valid('param');
      return c.json(await groups.reply(writeContext(c), id, threadId, c.req.valid('json')), 201);
    },
  );

  // Actions

  app.openapi(
    createRoute({
      method: 'get',
      path: '/groups/{id}/actions',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'The group’s action tracker, soonest due first; filter by status and owner',
      request: { params: GroupParams, query: ActionListQuery },
      responses: okReply(ActionPage, 'Actions'),
    }),
    async (c) =>
      c.json(
        await groups.listActions(requireSignedIn(c), c.req.valid('param').id, c.req.valid('query')),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/groups/{id}/actions',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Add an action; the owner must be a member of the group',
      request: { params: GroupParams, body: jsonBody(ActionInput) },
      responses: createdReply(ActionSchema, 'The new action'),
    }),
    async (c) => {
      requireSignedIn(c);
      return c.json(
        await groups.createAction(writeContext(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/groups/{id}/actions/{actionId}',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'One action',
      request: { params: ActionParams },
      responses: okReply(ActionSchema, 'The action'),
    }),
    async (c) => {
      const { id, actionId } = c.req.valid('param');
      return c.json(await groups.getAction(requireSignedIn(c), id, actionId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/groups/{id}/actions/{actionId}',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Edit an action (its owner or creator, the group’s chairs, the secretariat)',
      request: { params: ActionParams, body: jsonBody(ActionPatch) },
      responses: okReply(ActionSchema, 'The action after the change'),
    }),
    async (c) => {
      requireSignedIn(c);
      const { id, actionId } = c.req.valid('param');
      return c.json(await groups.updateAction(writeContext(c), id, actionId, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/actions',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'My actions: the actions you own in your working groups, soonest due first',
      request: { query: MyActionsQuery },
      responses: okReply(ActionPage, 'Your actions'),
    }),
    async (c) => c.json(await groups.myActions(requireSignedIn(c), c.req.valid('query')), 200),
  );

  // Priorities

  app.openapi(
    createRoute({
      method: 'get',
      path: '/groups/{id}/priorities',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'The group’s priorities in their combined ranking (Borda count), and your own ranking',
      request: { params: GroupParams },
      responses: okReply(PrioritiesSchema, 'Priorities'),
    }),
    async (c) => c.json(await groups.listPriorities(requireSignedIn(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/groups/{id}/priorities',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Propose a priority',
      request: { params: GroupParams, body: jsonBody(PriorityInput) },
      responses: createdReply(PrioritySchema, 'The new priority'),
    }),
    async (c) => {
      requireSignedIn(c);
      return c.json(
        await groups.createPriority(writeContext(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/groups/{id}/priorities/ranking',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Set your ranking of the open priorities, best first (members of the group)',
      request: { params: GroupParams, body: jsonBody(RankingInput) },
      responses: okReply(PrioritiesSchema, 'The combined ranking after your change'),
    }),
    async (c) => {
      requireSignedIn(c);
      return c.json(
        await groups.setRanking(writeContext(c), c.req.valid('param').id, c.req.valid('json').priorityIds),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/groups/{id}/priorities/{priorityId}',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Edit or close a priority (its proposer, the group’s chairs, the secretariat)',
      request: { params: PriorityParams, body: jsonBody(PriorityPatch) },
      responses: okReply(PrioritySchema, 'The priority after the change'),
    }),
    async (c) => {
      requireSignedIn(c);
      const { id, priorityId } = c.req.valid('param');
      return c.json(await groups.updatePriority(writeContext(c), id, priorityId, c.req.valid('json')), 200);
    },
  );

  return app;
}
