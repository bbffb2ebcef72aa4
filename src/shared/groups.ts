/** Vocabularies of the working groups, shared by the server and the pages (no server code here). */

/** A person's role in a working group. */
export const GROUP_ROLES = ['chair', 'vice_chair', 'member'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** What an action may point to: records of the projects and matching modules. */
export const ACTION_LINK_TYPES = ['need', 'offer', 'match'] as const;
export type ActionLinkType = (typeof ACTION_LINK_TYPES)[number];

export const PRIORITY_STATUSES = ['open', 'closed'] as const;
export type PriorityStatus = (typeof PRIORITY_STATUSES)[number];
