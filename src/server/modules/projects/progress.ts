import type { ProjectIndicator } from '../../../shared/projects.js';

export type IndicatorProgress = {
  baseline: string | null;
  /** The target of the latest period that has one. */
  target: string | null;
  /** The actual value of the latest period that has one. */
  actual: string | null;
  /** How far the actual value has gone from the baseline towards the target, in percent (0–100). */
  progress: number | null;
};

const latest = (indicator: ProjectIndicator, field: 'target' | 'actual'): string | null => {
  const periods = indicator.periods
    .filter((p) => p[field] !== null && p[field] !== '')
    .sort((a, b) => (a.end ?? a.start ?? '').localeCompare(b.end ?? b.start ?? ''));
  return periods.at(-1)?.[field] ?? null;
};

/**
 * An indicator's baseline, latest target and latest actual value, and its progress: the share of
 * the way from the baseline (zero when none is given) to the target the actual value has covered.
 * When lower is better (`ascending: false`) a fall counts as progress. Null without a target or
 * an actual value, or when the target equals the baseline.
 */
export function indicatorProgress(indicator: ProjectIndicator): IndicatorProgress {
  const baseline = indicator.baseline?.value ?? null;
  const target = latest(indicator, 'target');
  const actual = latest(indicator, 'actual');
  let progress: number | null = null;
  if (target !== null && actual !== null) {
    const b = baseline === null ? 0 : Number(baseline);
    const [t, a] = [Number(target), Number(actual)];
    const span = indicator.ascending ? t - b : b - t;
    const done = indicator.ascending ? a - b : b - a;
    if (span > 0 && Number.isFinite(done))
      progress = Math.max(0, Math.min(100, Math.round((done / span) * 100)));
    else if (span <= 0 && Number.isFinite(done)) progress = done >= span ? 100 : 0;
  }
  return { baseline, target, actual, progress };
}
