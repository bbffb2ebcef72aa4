import { describe, expect, it } from 'vitest';
import { RecommendationInput, RecommendationPatch } from '../server/modules/recommendations/schema';
import {
  type RecommendationFormValues,
  recommendationErrors,
  recommendationFormValues,
  recommendationInputOf,
  recommendationPatchOf,
} from './recommendations.server';

const values: RecommendationFormValues = {
  language: 'fr',
  title: 'Gestion des frontières',
  text: 'Former la police des frontières à la détection des faux documents.',
  country: 'NER',
  mainTheme: 'wg-border-law-enforcement',
  themes: ['counter-terrorism', 'wg-border-law-enforcement'],
  sdgTargets: '16.a، 16.1',
  sourceAssessment: 'Visite d’évaluation de la DECT, 2024',
  issuedOn: '2024-06-01',
  priority: 'high',
  status: 'open',
  visibility: 'members',
  organisation: '',
  workingGroupId: '',
};

describe('the recommendation form', () => {
  it('reads the browser’s fields, main theme first', () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(values))
      if (Array.isArray(value)) for (const item of value) form.append(name, item);
      else form.append(name, ` ${value} `);
    expect(recommendationFormValues(form)).toEqual(values);
  });

  it('gives the API its input: the main theme first and once, targets split in any script', () => {
    const input = RecommendationInput.parse(recommendationInputOf(values));
    expect(input.themes).toEqual(['wg-border-law-enforcement', 'counter-terrorism']);
    expect(input.sdgTargets).toEqual(['16.a', '16.1']);
    expect(input.organisation).toBeUndefined();
  });

  it('patches only what changed, never the language or the status', () => {
    expect(recommendationPatchOf(values, { ...values })).toEqual({});
    const patch = recommendationPatchOf(values, {
      ...values,
      language: 'en',
      status: 'closed',
      priority: 'low',
      mainTheme: 'wg-criminal-justice-cft',
    });
    expect(patch).toEqual({
      priority: 'low',
      themes: ['wg-criminal-justice-cft', 'counter-terrorism', 'wg-border-law-enforcement'],
    });
    expect(RecommendationPatch.safeParse(patch).success).toBe(true);
  });

  it('puts each error beside its input: the first theme beside the main theme', () => {
    expect(
      recommendationErrors([
        { field: 'body.themes.0', message: 'unknown theme' },
        { field: 'body.themes.2', message: 'unknown theme "x"' },
        { field: 'body.issuedOn', message: 'must be a date' },
        { field: 'body', message: 'change at least one field' },
      ]),
    ).toEqual({
      mainTheme: 'unknown theme',
      themes: 'unknown theme "x"',
      issuedOn: 'must be a date',
      form: 'change at least one field',
    });
  });
});
