import { randomBytes } from 'node:crypto';

/** The URL-safe Latin part of a title: diacritics folded, lower case, hyphenated, at most 60 characters. */
export function latinSlug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** A slug from a title; titles with too few Latin letters get `{fallback}-` and a short random part. */
export function slugFromTitle(title: string, fallback: string): string {
  const ascii = latinSlug(title);
  return ascii.length >= 3 ? ascii : `${fallback}-${randomBytes(4).toString('hex')}`;
}

/** `base`, or `base-2`, `base-3`, … : the first one `isTaken` says is free. */
export async function firstFreeSlug(
  base: string,
  isTaken: (slug: string) => Promise<boolean>,
): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}
