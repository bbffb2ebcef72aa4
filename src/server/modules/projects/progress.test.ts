import { describe, expect, it } from 'vitest';
import type { ProjectIndicator } from '../../../shared/projects.js';
import { indicatorProgress } from './progress.js';

const indicator = (over: Partial<ProjectIndicator>): ProjectIndicator => ({
  title: 'Schools served',
  measure: '1',
  ascending: true,
  baseline: { year: 2024, date: null, value: '10' },
  periods: [
    { start: '2025-01-01', end: '2025-12-31', target: '30', actual: '20' },
    { start: '2024-01-01', end: '2024-12-31', target: '20', actual: '15' },
  ],
  ...over,
});

describe('indicator progress', () => {
  it('goes from the baseline towards the latest target with the latest actual value', () => {
    expect(indicatorProgress(indicator({}))).toEqual({
      baseline: '10',
      target: '30',
      actual: '20',
      progress: 50,
    });
  });

  it('counts a fall as progress when lower is better', () => {
    const falling = indicator({
      ascending: false,
      baseline: { year: 2024, date: null, value: '40' },
      periods: [{ start: '2025-01-01', end: '2025-12-31', target: '20', actual: '35' }],
    });
    expect(indicatorProgress(falling).progress).toBe(25);
  });

  it('starts from zero without a baseline, stays within 0–100, and is null without an actual value', () => {
    expect(indicatorProgress(indicator({ baseline: null })).progress).toBe(67);
    expect(
      indicatorProgress(
        indicator({ periods: [{ start: null, end: '2025-12-31', target: '30', actual: '45' }] }),
      ).progress,
    ).toBe(100);
    expect(
      indicatorProgress(
        indicator({ periods: [{ start: null, end: '2025-12-31', target: '30', actual: null }] }),
      ),
    ).toMatchObject({ actual: null, progress: null });
  });
});
