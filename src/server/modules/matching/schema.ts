import { z } from '@hono/zod-openapi';
import { MATCH_STATUSES } from '../../db/schema/index.js';
import { csvParam, langQuery } from '../../http/openapi.js';
import { REASON_KINDS } from './types.js';

/** Longest text the preview scores; a full concept note fits, a pasted report does not. */
export const PREVIEW_TEXT_MAX = 5000;

const trimmed = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`);

export const PreviewInput = z
  .object({
    text: trimmed(3, PREVIEW_TEXT_MAX).openapi({ description: 'The challenge, in any language' }),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'must be a language code such as vi')
      .optional()
      .openapi({ description: 'The language of the text; detected when missing' }),
    country: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO3 country code such as VNM')
      .optional()
      .openapi({ description: 'The country with the challenge' }),
    themes: z.array(z.string().max(60)).max(10).optional(),
    sdgTargets: z.array(z.string().max(6)).max(20).optional(),
    modalities: z.array(z.string().max(60)).max(10).optional(),
    types: z
      .array(z.enum(['solution', 'offer']))
      .min(1, 'name at least one type')
      .max(2)
      .default(['solution', 'offer']),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .openapi('MatchPreviewInput');
export type PreviewInputData = z.infer<typeof PreviewInput>;

export const ReasonSchema = z
  .object({
    kind: z.enum(REASON_KINDS),
    label: z.string().openapi({ description: "In the reader's language" }),
    weight: z.number().openapi({ description: 'What it added to the score (negative for a penalty)' }),
  })
  .openapi('MatchReason');

export const RankedItemSchema = z
  .object({
    type: z.enum(['solution', 'offer', 'need']),
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    language: z.string().openapi({ description: 'The language of the title shown' }),
    score: z.number(),
    reasons: z.array(ReasonSchema),
  })
  .openapi('RankedItem');

export const PreviewResult = z
  .object({
    language: z.string().openapi({ description: 'The language the text was read in' }),
    detected: z.boolean().openapi({ description: 'Whether that language was detected rather than given' }),
    items: z.array(RankedItemSchema),
  })
  .openapi('MatchPreview');

const PartySchema = z.object({
  type: z.enum(['need', 'solution', 'offer']),
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  language: z.string(),
  status: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
});

export const MATCH_ACTIONS = ['interest', 'accept', 'decline', 'agree', 'project', 'message'] as const;
export type MatchAction = (typeof MATCH_ACTIONS)[number];

export const MatchSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(MATCH_STATUSES),
    score: z.number(),
    reasons: z.array(ReasonSchema),
    need: PartySchema,
    candidate: PartySchema,
    interestSide: z.enum(['need', 'candidate']).nullable(),
    declineReason: z.string().nullable(),
    agreement: z.object({ summary: z.string(), agreedAt: z.string(), agreedBy: z.string() }).nullable(),
    projectId: z.string().nullable().openapi({ description: 'The project this agreed match became' }),
    yourSide: z
      .enum(['need', 'candidate'])
      .nullable()
      .openapi({ description: 'The side you act for; null when you only read' }),
    actions: z.array(z.enum(MATCH_ACTIONS)).openapi({ description: 'What you may do now' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Match');
export type MatchView = z.infer<typeof MatchSchema>;

export const MatchEventSchema = z.object({
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  side: z.string().nullable(),
  actor: z.string().nullable().openapi({ description: 'Name of who acted' }),
  note: z.string().nullable(),
  at: z.string(),
});

export const MatchDetailSchema = MatchSchema.extend({ events: z.array(MatchEventSchema) }).openapi(
  'MatchDetail',
);

export const MatchListSchema = z.object({ items: z.array(MatchSchema) }).openapi('MatchList');

export const MessageSchema = z
  .object({
    id: z.number(),
    side: z.enum(['need', 'candidate']),
    author: z.string().nullable(),
    mine: z.boolean(),
    body: z.string(),
    createdAt: z.string(),
  })
  .openapi('MatchMessage');

export const MatchListQuery = z.object({
  ...langQuery,
  status: csvParam('Statuses, comma-separated', z.enum(MATCH_STATUSES)),
});

export const MatchParams = z.object({
  id: z.uuid('must be a match id').openapi({ param: { name: 'id', in: 'path' } }),
});

export const DeclineInput = z
  .object({ reason: trimmed(3, 2000).openapi({ description: 'Why it does not fit, for the other side' }) })
  .openapi('MatchDecline');
export const AgreeInput = z
  .object({
    summary: trimmed(10, 4000).openapi({ description: 'What the two sides agreed to do together' }),
  })
  .openapi('MatchAgreement');
export const MessageInput = z.object({ body: trimmed(1, 5000) }).openapi('MatchMessageInput');
export const InterestInput = z
  .object({ note: trimmed(1, 2000).optional().openapi({ description: 'A first word to the other side' }) })
  .openapi('MatchInterest');
