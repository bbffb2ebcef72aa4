import { renderChartSvg } from '../server/charts/render';
import { DASHBOARD_DIMENSIONS, type DashboardDimension, isDashboardDimension } from '../shared/dashboard';
import type { Language } from '../shared/languages';
import type { ChartView } from './components/chart-figure';
import type { WebContext } from './context';
import { formatMoney } from './projects.server';

type PageArgs = { request: Request; params: { lang: string }; context: WebContext };

/**
 * The dashboard page: the dimension from the query string (so the GET form works without
 * JavaScript; an unknown one falls back to SDG goals), and its charts drawn to SVG here from the
 * chart registry, each with its download addresses.
 */
export async function dashboardLoader({ request, params, context }: PageArgs) {
  const lang = params.lang as Language;
  const { services, viewer } = context;
  const search = new URL(request.url).searchParams;
  const asked = search.get('dimension');
  const dimension: DashboardDimension = isDashboardDimension(asked) ? asked : 'sdg';
  const askedCurrency = search.get('currency')?.toUpperCase();
  const chart = async (id: string, chartParams: Record<string, string>): Promise<ChartView> => {
    const spec = await services.charts.get(id)!.build(viewer, chartParams, lang);
    const href = (format: string) =>
      `/api/v1/charts/${id}?${new URLSearchParams({ ...chartParams, lang, format })}`;
    return {
      spec,
      svg: renderChartSvg(spec),
      downloads: { csv: href('csv'), xlsx: href('xlsx'), svg: href('svg') },
    };
  };
  const [money, funding] = await Promise.all([
    services.dashboard.money(viewer, dimension, lang, askedCurrency),
    services.dashboard.funding(viewer, dimension, lang),
  ]);
  const currency = money.currency;
  const [counts, moneyChart, fundingChart, funnel, indicators] = await Promise.all([
    chart('dashboard-counts', { dimension }),
    currency ? chart('dashboard-money', { dimension, currency }) : null,
    funding.rows.length ? chart('dashboard-funding', { dimension }) : null,
    chart('dashboard-funnel', {}),
    services.dashboard.indicators(viewer, lang),
  ]);
  const inFundingCurrency = (amount: string) => formatMoney(lang, amount, funding.currency);
  const hasUnassigned = funding.unassigned.pledged !== '0.00' || funding.unassigned.paid !== '0.00';
  return {
    dimension,
    dimensions: [...DASHBOARD_DIMENSIONS],
    counts,
    money: { currency, currencies: money.currencies.map((c) => c.currency), chart: moneyChart },
    funding: {
      currency: funding.currency,
      rateTable: funding.rateTable,
      chart: fundingChart,
      total: {
        pledged: inFundingCurrency(funding.total.pledged),
        paid: inFundingCurrency(funding.total.paid),
      },
      unassigned: hasUnassigned
        ? {
            pledged: inFundingCurrency(funding.unassigned.pledged),
            paid: inFundingCurrency(funding.unassigned.paid),
          }
        : null,
      unconverted: funding.unconverted.map((m) => formatMoney(lang, m.amount, m.currency)),
    },
    funnel,
    indicators,
  };
}
