import { describe, expect, it } from 'vitest';
import { firstFreeSlug, latinSlug, slugFromTitle } from './slug';

describe('slugs', () => {
  it('folds a title into a URL-safe Latin slug', () => {
    expect(latinSlug('Bữa ăn học — Việt Nam!')).toBe('bua-an-hoc-viet-nam');
    expect(latinSlug(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });

  it('gives titles without Latin letters a prefixed random slug', () => {
    expect(slugFromTitle('学校供餐', 'solution')).toMatch(/^solution-[0-9a-f]{8}$/);
    expect(slugFromTitle('School feeding', 'solution')).toBe('school-feeding');
  });

  it('numbers a slug until it is free', async () => {
    const taken = new Set(['early-warning', 'early-warning-2']);
    expect(await firstFreeSlug('early-warning', async (slug) => taken.has(slug))).toBe('early-warning-3');
    expect(await firstFreeSlug('seed-banks', async (slug) => taken.has(slug))).toBe('seed-banks');
  });
});
