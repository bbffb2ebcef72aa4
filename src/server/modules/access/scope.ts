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
