import { SYSTEM } from './policy.js';

/** The scope fields of a content row, as the search index and `canRead` take them. */
export function recordScope(row: {
  ownerId: string | null;
  ownerOrganisationId: string | null;
  workingGroupId: string | null;
}) {
  return {
    ownerId: row.ownerId,
    organisationId: row.ownerOrganisationId,
    workingGroupId: row.workingGroupId,
  };
}

/**
 * The owner columns of a record a viewer creates: its author (none for work done by the system,
 * such as imports) and the author's organisation.
 */
export function ownerColumns(viewer: { userId: string | null; organisationId: string | null }) {
  return {
    ownerId: viewer.userId === SYSTEM.userId ? null : viewer.userId,
    ownerOrganisationId: viewer.organisationId,
  };
}
