import type { Column } from '../../http/export.js';
import type { SolutionSummary } from './schema.js';

const join = (values: string[]) => values.join('; ');

/** The columns of a solutions export, in the language the list was asked for. */
export const SOLUTION_COLUMNS: Column<SolutionSummary>[] = [
  { header: 'id', value: (s) => s.id },
  { header: 'slug', value: (s) => s.slug },
  { header: 'title', value: (s) => s.title },
  { header: 'summary', value: (s) => s.summary },
  { header: 'language', value: (s) => s.language },
  { header: 'original_language', value: (s) => s.originalLanguage },
  { header: 'translation', value: (s) => s.translation },
  { header: 'countries', value: (s) => join(s.countries.map((c) => c.iso3)) },
  { header: 'country_names', value: (s) => join(s.countries.map((c) => c.name)) },
  { header: 'providers', value: (s) => join(s.providers.map((p) => p.name)) },
  { header: 'themes', value: (s) => join(s.themes.map((t) => t.id)) },
  { header: 'sdg_targets', value: (s) => join(s.sdgTargets) },
  { header: 'modalities', value: (s) => join(s.modalities.map((m) => m.id)) },
  { header: 'cooperation_type', value: (s) => s.cooperationType },
  { header: 'status', value: (s) => s.status },
  { header: 'published_at', value: (s) => s.publishedAt },
];
