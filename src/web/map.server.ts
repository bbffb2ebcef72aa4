import { LANGUAGE_TAGS, type Language } from '../shared/languages';
import type { WebContext } from './context';
import { arcPath, bucketsFor, colourOf } from './map-buckets';
import { formatMoney } from './projects.server';

type PageArgs = { request: Request; params: { lang: string }; context: WebContext };

/** How the table is sorted: by value (largest first) or by country name. */
export type MapSort = 'value' | 'name';

/**
 * The map page: the metric and options from the query string (so the GET form works without
 * JavaScript), the values for the viewer, the classes and colours, the arcs of the flows and the
 * table rows, sorted on the server.
 */
export async function mapLoader({ request, params, context }: PageArgs) {
  const lang = params.lang as Language;
  const { services, viewer } = context;
  const search = new URL(request.url).searchParams;
  const metrics = services.geo.metrics();
  const asked = search.get('metric');
  const metric = asked && metrics.includes(asked) ? asked : metrics[0]!;
  // A submitted form without the box ticked turns flows off; a first visit shows them.
  const showFlows = search.has('metric') ? search.get('flows') === 'on' : true;
  const sort: MapSort = search.get('sort') === 'name' ? 'name' : 'value';
  const [data, world] = await Promise.all([services.geo.mapData(viewer, metric, lang), services.geo.world()]);
  const names = await services.reference.countryNames(
    data.flows.flatMap((f) => [f.from, f.to]),
    lang,
  );
  const valueByIso3 = new Map(data.values.map((v) => [v.iso3, v]));
  const buckets = bucketsFor(data.values.map((v) => v.value));
  const shapes = world.countries.map((shape) => {
    const value = valueByIso3.get(shape.iso3);
    return {
      iso3: shape.iso3,
      path: shape.path,
      fill: colourOf(buckets, value?.value),
      name: value?.name ?? null,
      value: value?.value ?? 0,
    };
  });
  const flows = showFlows
    ? data.flows.flatMap((flow) => {
        const from = world.byIso3.get(flow.from);
        const to = world.byIso3.get(flow.to);
        if (!from || !to) return [];
        return [
          {
            ...flow,
            fromName: names.get(flow.from) ?? flow.from,
            toName: names.get(flow.to) ?? flow.to,
            path: arcPath(from.centroid, to.centroid),
          },
        ];
      })
    : [];
  // Money is shown from its exact amount, in its currency; counts as plain numbers.
  const money = data.money;
  const count = new Intl.NumberFormat(LANGUAGE_TAGS[lang]);
  const rows = data.values
    .map((v) => ({
      iso3: v.iso3,
      name: v.name,
      value: v.value,
      display: money && v.amount ? formatMoney(lang, v.amount, money.currency) : count.format(v.value),
      drawn: world.byIso3.has(v.iso3),
    }))
    .sort((a, b) =>
      sort === 'name'
        ? a.name.localeCompare(b.name, lang)
        : b.value - a.value || a.name.localeCompare(b.name, lang),
    );
  return {
    metric,
    metrics,
    showFlows,
    sort,
    width: world.width,
    height: world.height,
    shapes,
    buckets,
    flows,
    /** Every flow, also those without two outlines to draw between, for the flows table. */
    flowRows: data.flows.map((f) => ({
      ...f,
      fromName: names.get(f.from) ?? f.from,
      toName: names.get(f.to) ?? f.to,
    })),
    rows,
    money: money
      ? {
          currency: money.currency,
          rateTable: money.rateTable,
          total: formatMoney(lang, money.total, money.currency),
          unconverted: money.unconverted.map((m) => formatMoney(lang, m.amount, m.currency)),
        }
      : null,
  };
}
