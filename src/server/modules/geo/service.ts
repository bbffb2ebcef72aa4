import { sumDecimals } from '../../../shared/decimal.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../access/policy.js';
import type { ReferenceService } from '../reference/service.js';
import type { Flow, MapMoney, MapSource } from './sources.js';
import { type WorldShapes, worldShapes } from './world.js';

/** One country's value on the map; for a metric of money, also the exact amount. */
export type MapValue = { iso3: string; m49: string; name: string; value: number; amount?: string };

/** For a metric of money: its currency, the rate table, the exact total and what was left out. */
export type MapMoneyInfo = Omit<MapMoney, 'amounts'> & { total: string };

/** What the map shows for one metric: a value per country and the provider → recipient flows. */
export type MapData = {
  metric: string;
  metrics: string[];
  values: MapValue[];
  flows: Flow[];
  money: MapMoneyInfo | null;
};

type Deps = { reference: Pick<ReferenceService, 'countryCodes' | 'countryNames'>; sources: MapSource[] };

/**
 * The world map: the projected outlines (once per process) and, for a viewer, the values of the
 * metric chosen, read from the module that owns the records through its registered source.
 */
export function createGeoService({ reference, sources }: Deps) {
  const byId = new Map(sources.map((source) => [source.id, source]));

  async function iso3ByM49(): Promise<Map<string, string>> {
    return new Map((await reference.countryCodes()).map((c) => [c.m49, c.iso3]));
  }

  return {
    /** Ids of the registered metrics, in registration order; the first is the default. */
    metrics(): string[] {
      return [...byId.keys()];
    },

    /** The outlines and centroids, projected once for the process. */
    async world(): Promise<WorldShapes> {
      return worldShapes(await iso3ByM49());
    },

    /**
     * Values per country for `metric` (422 naming `query.metric` when unknown) and its flows,
     * largest first; names are in `lang`.
     */
    async mapData(viewer: Viewer, metric: string, lang: string): Promise<MapData> {
      const source = byId.get(metric);
      if (!source)
        throw new AppError('validation_failed', `Unknown metric "${metric}"`, [
          { field: 'query.metric', message: `must be one of: ${[...byId.keys()].join(', ')}` },
        ]);
      const [money, flows, codes] = await Promise.all([
        source.money ? source.money(viewer) : Promise.resolve(null),
        source.flows ? source.flows(viewer) : Promise.resolve([]),
        reference.countryCodes(),
      ]);
      // A money metric's values are its exact amounts, as numbers only to colour and sort by.
      const counts = money
        ? new Map([...money.amounts].map(([iso3, amount]) => [iso3, Number(amount)]))
        : await source.countsByCountry(viewer);
      const m49Of = new Map(codes.map((c) => [c.iso3, c.m49]));
      const names = await reference.countryNames([...counts.keys()], lang);
      const values: MapValue[] = [...counts]
        .filter(([iso3, value]) => value > 0 && m49Of.has(iso3))
        .map(([iso3, value]) => ({
          iso3,
          m49: m49Of.get(iso3)!,
          name: names.get(iso3) ?? iso3,
          value,
          ...(money ? { amount: money.amounts.get(iso3)! } : {}),
        }))
        .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, lang));
      return {
        metric,
        metrics: [...byId.keys()],
        values,
        flows: flows.filter((f) => m49Of.has(f.from) && m49Of.has(f.to)),
        money: money
          ? {
              currency: money.currency,
              rateTable: money.rateTable,
              unconverted: money.unconverted,
              total: sumDecimals(
                values.map((v) => v.amount!),
                2,
              ),
            }
          : null,
      };
    },
  };
}

export type GeoService = ReturnType<typeof createGeoService>;
