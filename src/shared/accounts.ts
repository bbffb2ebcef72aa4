/** Roles an account can hold; `visitor` is only ever the anonymous caller. */
export const ACCOUNT_ROLES = ['member', 'org_admin', 'secretariat', 'admin'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** Minimum password length: long passphrases beat composition rules (NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 12;
