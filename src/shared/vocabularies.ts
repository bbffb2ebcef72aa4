/** Organisation categories used for filtering and labels. */
export const ORGANISATION_CATEGORIES = [
  'un-entity',
  'government',
  'intergovernmental',
  'ngo',
  'academic',
  'other',
] as const;

/** Kinds of events. */
export const EVENT_KINDS = [
  'conference',
  'high-level-meeting',
  'side-event',
  'expo',
  'forum',
  'meeting',
  'training',
] as const;

/** Matches a UUID, to tell ids from slugs in `/things/{idOrSlug}` routes. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
