import type { Viewer } from '../modules/access/policy.js';
import type { ChartSpec } from './spec.js';

/** The query parameters of a chart request (other than `format` and `lang`). */
export type ChartParams = Record<string, string | undefined>;

/**
 * A chart any page can show and anyone can download: `build` recomputes the spec for the viewer
 * (so downloads apply the same permissions as the page) from the request's parameters, in the
 * reader's language. `params` names the parameters it reads, for file names and links.
 */
export type ChartDefinition = {
  id: string;
  params: string[];
  build(viewer: Viewer, params: ChartParams, lang: string): Promise<ChartSpec>;
};

/** The charts of the platform by id; dashboards add theirs in services.ts. */
export function createChartRegistry(definitions: ChartDefinition[] = []) {
  const charts = new Map<string, ChartDefinition>();
  const registry = {
    register(definition: ChartDefinition) {
      if (charts.has(definition.id)) throw new Error(`chart "${definition.id}" is registered twice`);
      charts.set(definition.id, definition);
      return registry;
    },
    get(id: string): ChartDefinition | undefined {
      return charts.get(id);
    },
    ids(): string[] {
      return [...charts.keys()];
    },
    /** A file name for a chart and its parameters: `country-solutions-by-theme-KEN`. */
    fileName(id: string, params: ChartParams): string {
      const parts = (charts.get(id)?.params ?? []).map((name) => params[name]).filter(Boolean);
      return [id, ...parts].join('-').replace(/[^a-zA-Z0-9_-]/g, '_');
    },
  };
  for (const definition of definitions) registry.register(definition);
  return registry;
}

export type ChartRegistry = ReturnType<typeof createChartRegistry>;
