import { z } from '@hono/zod-openapi';
import {
  ACTION_LINK_TYPES,
  ACTION_STATUSES,
  GROUP_ROLES,
  PRIORITY_STATUSES,
} from '../../../shared/groups.js';
import { langQuery, languageFields } from '../../http/openapi.js';
import { pageQuery } from '../../http/pagination.js';
import { OrganisationSummarySchema } from '../organisations/schema.js';

export { ACTION_LINK_TYPES, ACTION_STATUSES, GROUP_ROLES, PRIORITY_STATUSES };

/** Longest texts the coordination space keeps. */
export const LIMITS = {
  groupName: 300,
  groupDescription: 5000,
  threadTitle: 200,
  threadBody: 20_000,
  postBody: 10_000,
  actionTitle: 200,
  actionDescription: 5000,
  priorityTitle: 200,
  priorityDescription: 2000,
  notify: 100,
} as const;

/** Visibility of a group itself: `working_group` lists it only to its members (and staff). */
export const GROUP_VISIBILITIES = ['public', 'members', 'working_group'] as const;

/** Plain text: trimmed, at least one character, without NUL and other C0 controls but tab and newline. */
const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), {
      message: 'must not contain control characters',
    });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), {
      message: 'must not contain control characters',
    })
    .transform((value) => value || null)
    .nullable()
    .optional();

/** A calendar date (YYYY-MM-DD) that exists, between 2000 and 2100. */
export const CalendarDate = z.iso
  .date({ message: 'must be a date written YYYY-MM-DD' })
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    },
    { message: 'is not a real calendar date' },
  )
  .refine((value) => value >= '2000-01-01' && value <= '2100-12-31', {
    message: 'must be between 2000-01-01 and 2100-12-31',
  })
  .openapi({ example: '2026-03-31' });

const UserId = z.string().min(1).max(100);

export const GroupParams = z.object({
  id: z
    .string()
    .min(1)
    .max(120)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Group id or slug' }),
});
export const MemberParams = GroupParams.extend({
  userId: UserId.openapi({ param: { name: 'userId', in: 'path' } }),
});
export const ThreadParams = GroupParams.extend({
  threadId: z.uuid().openapi({ param: { name: 'threadId', in: 'path' } }),
});
export const ActionParams = GroupParams.extend({
  actionId: z.uuid().openapi({ param: { name: 'actionId', in: 'path' } }),
});
export const PriorityParams = GroupParams.extend({
  priorityId: z.uuid().openapi({ param: { name: 'priorityId', in: 'path' } }),
});

const PersonRef = z.object({ id: z.string(), name: z.string() }).openapi('PersonRef');

export const GroupSummarySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    number: z.number().int().nullable(),
    pillar: z.number().int().nullable(),
    name: z.string(),
    description: z.string().nullable(),
    theme: z.object({ id: z.string(), label: z.string() }).nullable(),
    visibility: z.string().openapi({ example: 'members' }),
    chairOrganisations: z.array(OrganisationSummarySchema),
    coChairOrganisations: z.array(OrganisationSummarySchema),
    viceChairOrganisations: z.array(OrganisationSummarySchema),
    chairs: z.array(PersonRef).openapi({ description: 'People chairing the group on the platform' }),
    viceChairs: z.array(PersonRef),
    memberCount: z.number().int(),
    myRole: z.enum(GROUP_ROLES).nullable().openapi({ description: 'Your role, or null if not a member' }),
    ...languageFields,
  })
  .openapi('GroupSummary');

export const MemberSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
    role: z.enum(GROUP_ROLES),
    joinedAt: z.string(),
  })
  .openapi('GroupMember');

export const GroupSchema = GroupSummarySchema.extend({
  members: z.array(MemberSchema),
  source: z.unknown().nullable(),
}).openapi('Group');

export const GroupListQuery = z.object({ ...langQuery, ...pageQuery });

const orgList = z
  .array(z.string().min(1).max(120))
  .max(20)
  .optional()
  .openapi({ description: 'Organisation ids or slugs' });

export const GroupInput = z
  .object({
    name: plainText(LIMITS.groupName),
    description: optionalText(LIMITS.groupDescription),
    language: z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as en'),
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'lowercase letters, digits and hyphens')
      .optional(),
    theme: z.string().min(1).max(80).nullable().optional(),
    number: z.number().int().min(1).max(999).nullable().optional(),
    pillar: z.number().int().min(1).max(4).nullable().optional(),
    visibility: z.enum(GROUP_VISIBILITIES).default('members'),
    chairOrganisations: orgList,
    coChairOrganisations: orgList,
    viceChairOrganisations: orgList,
  })
  .strict()
  .openapi('GroupInput');

export const GroupPatch = z
  .object({
    name: plainText(LIMITS.groupName).optional(),
    description: optionalText(LIMITS.groupDescription),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'must be a language code such as en')
      .optional()
      .openapi({
        description:
          'Which language version name and description are for (default: the `lang` of the request)',
      }),
    theme: z.string().min(1).max(80).nullable().optional(),
    number: z.number().int().min(1).max(999).nullable().optional(),
    pillar: z.number().int().min(1).max(4).nullable().optional(),
    visibility: z.enum(GROUP_VISIBILITIES).optional(),
    chairOrganisations: orgList,
    coChairOrganisations: orgList,
    viceChairOrganisations: orgList,
  })
  .strict()
  .openapi('GroupPatch');

export const MemberInput = z
  .object({
    userId: UserId.optional().openapi({
      description: 'Who to add; yourself when neither this nor email is given',
    }),
    email: z.email().max(320).optional(),
    role: z.enum(GROUP_ROLES).default('member'),
  })
  .strict()
  .refine((input) => !(input.userId && input.email), {
    path: ['email'],
    message: 'give userId or email, not both',
  })
  .openapi('GroupMemberInput');

export const MemberPatch = z
  .object({ role: z.enum(GROUP_ROLES) })
  .strict()
  .openapi('GroupMemberPatch');

const notifyList = z
  .array(UserId)
  .max(LIMITS.notify)
  .default([])
  .openapi({ description: 'Members of the group to notify (in addition to @{userId} mentions in the body)' });

export const ThreadInput = z
  .object({
    title: plainText(LIMITS.threadTitle),
    body: plainText(LIMITS.threadBody).openapi({
      description: 'Plain text. Mention a member with @{userId}: they are notified in-app and by email',
    }),
    notify: notifyList,
  })
  .strict()
  .openapi('ThreadInput');

export const PostInput = z
  .object({
    body: plainText(LIMITS.postBody).openapi({ description: 'Plain text; @{userId} mentions a member' }),
    notify: notifyList,
  })
  .strict()
  .openapi('PostInput');

export const ThreadSummarySchema = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    title: z.string(),
    author: PersonRef,
    replyCount: z.number().int(),
    createdAt: z.string(),
    lastActivityAt: z.string(),
  })
  .openapi('ThreadSummary');

export const PostSchema = z
  .object({
    id: z.uuid(),
    threadId: z.uuid(),
    author: PersonRef,
    body: z.string().openapi({ description: 'Plain text exactly as written; render it escaped' }),
    mentions: z.array(PersonRef),
    createdAt: z.string(),
  })
  .openapi('Post');

export const ThreadSchema = ThreadSummarySchema.extend({
  body: z.string().openapi({ description: 'Plain text exactly as written; render it escaped' }),
  mentions: z.array(PersonRef),
  updatedAt: z.string(),
  posts: z.array(PostSchema),
}).openapi('Thread');

export const ThreadPage = z
  .object({ items: z.array(ThreadSummarySchema), nextCursor: z.string().nullable(), total: z.number().int() })
  .openapi('ThreadPage');

const linkFields = {
  linkType: z.enum(ACTION_LINK_TYPES).nullable().optional().openapi({
    description:
      'What the action is about: a need, an offer or a match (give linkId with it). The id is stored as given; the projects and matching modules check it exists',
  }),
  linkId: z.uuid().nullable().optional(),
};

/** linkType and linkId come together, or not at all. */
function linkPair(input: { linkType?: string | null; linkId?: string | null }, ctx: z.RefinementCtx) {
  const hasType = input.linkType !== undefined && input.linkType !== null;
  const hasId = input.linkId !== undefined && input.linkId !== null;
  if (hasType && !hasId)
    ctx.addIssue({ code: 'custom', path: ['linkId'], message: 'is required with linkType' });
  if (hasId && !hasType)
    ctx.addIssue({ code: 'custom', path: ['linkType'], message: 'is required with linkId' });
}

export const ActionInput = z
  .object({
    title: plainText(LIMITS.actionTitle),
    description: optionalText(LIMITS.actionDescription),
    ownerId: UserId.openapi({ description: 'A member of the group' }),
    dueOn: CalendarDate,
    status: z.enum(ACTION_STATUSES).default('open'),
    ...linkFields,
  })
  .strict()
  .superRefine(linkPair)
  .openapi('ActionInput');

export const ActionPatch = z
  .object({
    title: plainText(LIMITS.actionTitle).optional(),
    description: optionalText(LIMITS.actionDescription),
    ownerId: UserId.optional(),
    dueOn: CalendarDate.optional(),
    status: z.enum(ACTION_STATUSES).optional(),
    ...linkFields,
  })
  .strict()
  .superRefine((input, ctx) => {
    // Setting or clearing the link needs both fields in the same request.
    if (input.linkType !== undefined || input.linkId !== undefined) {
      if (input.linkType === undefined || input.linkId === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [input.linkType === undefined ? 'linkType' : 'linkId'],
          message: 'linkType and linkId change together',
        });
        return;
      }
      linkPair(input, ctx);
    }
  })
  .openapi('ActionPatch');

export const ActionListQuery = z.object({
  ...pageQuery,
  status: z.enum(ACTION_STATUSES).optional(),
  ownerId: UserId.optional(),
});

export const MyActionsQuery = z.object({
  ...langQuery,
  ...pageQuery,
  status: z.enum(ACTION_STATUSES).optional(),
});

export const ActionSchema = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    group: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }).optional(),
    title: z.string(),
    description: z.string().nullable(),
    owner: PersonRef,
    dueOn: z.string(),
    status: z.enum(ACTION_STATUSES),
    link: z.object({ type: z.enum(ACTION_LINK_TYPES), id: z.string() }).nullable(),
    overdue: z.boolean(),
    remindedAt: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Action');

export const ActionPage = z
  .object({ items: z.array(ActionSchema), nextCursor: z.string().nullable(), total: z.number().int() })
  .openapi('ActionPage');

export const PriorityInput = z
  .object({
    title: plainText(LIMITS.priorityTitle),
    description: optionalText(LIMITS.priorityDescription),
  })
  .strict()
  .openapi('PriorityInput');

export const PriorityPatch = z
  .object({
    title: plainText(LIMITS.priorityTitle).optional(),
    description: optionalText(LIMITS.priorityDescription),
    status: z.enum(PRIORITY_STATUSES).optional(),
  })
  .strict()
  .openapi('PriorityPatch');

export const RankingInput = z
  .object({
    priorityIds: z.array(z.uuid()).max(200).openapi({
      description:
        'Your ranking, best first: open priorities of the group, each at most once (an empty list withdraws your ranking)',
    }),
  })
  .strict()
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.priorityIds.forEach((id, index) => {
      if (seen.has(id))
        ctx.addIssue({ code: 'custom', path: ['priorityIds', index], message: 'is listed twice' });
      seen.add(id);
    });
  })
  .openapi('RankingInput');

export const PrioritySchema = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    status: z.enum(PRIORITY_STATUSES),
    createdBy: PersonRef,
    createdAt: z.string(),
  })
  .openapi('Priority');

export const RankedPrioritySchema = PrioritySchema.extend({
  position: z.number().int(),
  points: z.number().int(),
  voters: z.number().int().openapi({ description: 'Members whose ranking includes this priority' }),
  tied: z.boolean(),
}).openapi('RankedPriority');

export const PrioritiesSchema = z
  .object({
    method: z.literal('borda').openapi({
      description:
        'Borda count: with n open priorities, place p on a member’s ranking earns n − p + 1 points; unranked earns 0. Ties: more voters first, then the earlier proposal',
    }),
    ranking: z.array(RankedPrioritySchema).openapi({ description: 'Open priorities in the combined order' }),
    ballots: z.number().int().openapi({ description: 'Members who have ranked at least one open priority' }),
    myRanking: z.array(z.uuid()).openapi({ description: 'Your ranking, best first' }),
    closed: z.array(PrioritySchema),
  })
  .openapi('Priorities');
