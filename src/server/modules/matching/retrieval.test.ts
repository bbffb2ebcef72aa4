import { describe, expect, it } from 'vitest';
import { CONCEPT_ROW_BUDGET, retrievalConceptIds, retrievalTsquery } from './retrieval.js';

describe('retrievalConceptIds', () => {
  it('takes the highest-weight concepts while the records they hold fit the budget', () => {
    const ids = retrievalConceptIds([
      { id: 'common', weight: 1.1, documents: CONCEPT_ROW_BUDGET },
      { id: 'rare', weight: 6, documents: 40 },
      { id: 'middling', weight: 3, documents: 900 },
    ]);
    expect(ids).toEqual(['rare', 'middling']);
  });

  it('always keeps the first concept, however common', () => {
    expect(
      retrievalConceptIds([{ id: 'everywhere', weight: 1, documents: 50 * CONCEPT_ROW_BUDGET }]),
    ).toEqual(['everywhere']);
  });
});

describe('retrievalTsquery', () => {
  it('asks for two words, at least one outside the concept labels', () => {
    const query = retrievalTsquery(
      ['drought', 'insurance', 'farmers'],
      new Set(),
      new Set(['drought', 'farmers']),
    )!;
    expect(query).toContain("'drought' & 'farmers'");
    expect(query).toContain("('drought' | 'farmers') & ('insurance')");
    expect(query).not.toMatch(/'insurance' & 'insurance'/);
  });

  it('leaves out common words, and answers null when nothing selective is left', () => {
    expect(retrievalTsquery(['government', 'training'], new Set(['government', 'training']))).toBeNull();
    const query = retrievalTsquery(['government', 'mangrove', 'restoration'], new Set(['government']))!;
    expect(query).not.toContain('government');
    expect(query).toContain("'mangrove' & 'restoration'");
  });

  it('retrieves by a single word unless it is common', () => {
    expect(retrievalTsquery(['mangrove'])).toBe("'mangrove'");
    expect(retrievalTsquery(['government'], new Set(['government']))).toBeNull();
  });
});
