import type { Visibility } from '../db/schema/content.js';

export const SEARCH_TYPES = [
  'solution',
  'organisation',
  'event',
  'resource',
  'need',
  'offer',
  'project',
  'recommendation',
] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** The page of each type under /{lang}/, for result links (`resource` lives in the library). */
export const SEARCH_TYPE_PATHS: Record<SearchType, string> = {
  solution: 'solutions',
  organisation: 'organisations',
  event: 'events',
  resource: 'library',
  need: 'needs',
  offer: 'offers',
  project: 'projects',
  recommendation: 'recommendations',
};

/** What a module hands the search index for one record: its texts per language and its facets. */
export type SearchableDocument = {
  type: SearchType;
  id: string;
  slug: string;
  originalLanguage: string;
  texts: Record<string, { title: string; body: string }>;
  themes: string[];
  sdgTargets: string[];
  countries: string[];
  visibility: Visibility;
  isPublished: boolean;
  /** Who may read it beyond its visibility level (see access/policy.ts). */
  ownerId?: string | null;
  organisationId?: string | null;
  workingGroupId?: string | null;
};
