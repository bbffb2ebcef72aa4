import { isLanguage, LANGUAGE_TAGS } from '../../../shared/languages.js';
import { getI18n } from '../../../web/i18n.js';
import type { ChartDefinition } from '../../charts/registry.js';
import { type DashboardService, dimensionOf, RECORD_TYPES } from './service.js';

const translator = (lang: string) => getI18n(isLanguage(lang) ? lang : 'en').t;
const localeOf = (lang: string) => (isLanguage(lang) ? LANGUAGE_TAGS[lang] : 'en');

/**
 * The dashboard's charts: the four record types by one dimension (`?dimension=`, a grouped bar
 * chart, or a line over the years), project money, project funding (`?rates=`, the latest rate
 * table by default) and the match funnel.
 */
export function dashboardCharts(dashboard: DashboardService): ChartDefinition[] {
  return [
    {
      id: 'dashboard-counts',
      params: ['dimension'],
      async build(viewer, params, lang) {
        const dimension = dimensionOf(params.dimension);
        const t = translator(lang);
        const rows = await dashboard.counts(viewer, dimension, lang);
        return {
          id: 'dashboard-counts',
          title: t(`dashboard.chartTitle.${dimension}`),
          kind: dimension === 'year' ? 'line' : 'bar',
          categoryTitle: t(`dashboard.dimension.${dimension}`),
          categories: rows.map((row) => row.label),
          series: RECORD_TYPES.map((type) => ({
            name: t(`dashboard.type.${type}`),
            values: rows.map((row) => row[type]),
          })),
          locale: localeOf(lang),
        };
      },
    },
    {
      id: 'dashboard-money',
      params: ['dimension', 'currency'],
      async build(viewer, params, lang) {
        const dimension = dimensionOf(params.dimension);
        const t = translator(lang);
        const money = await dashboard.money(viewer, dimension, lang, params.currency?.toUpperCase());
        return {
          id: 'dashboard-money',
          title: t(`dashboard.money.title.${dimension}`, { currency: money.currency ?? '' }),
          kind: dimension === 'year' ? 'line' : 'bar',
          categoryTitle: t(`dashboard.dimension.${dimension}`),
          categories: money.rows.map((row) => row.label),
          series: [
            { name: t('dashboard.money.budget'), values: money.rows.map((row) => Number(row.budget)) },
            {
              name: t('dashboard.money.disbursement'),
              values: money.rows.map((row) => Number(row.disbursement)),
            },
          ],
          unit: money.currency ?? undefined,
          locale: localeOf(lang),
        };
      },
    },
    {
      id: 'dashboard-funding',
      params: ['dimension', 'rates'],
      async build(viewer, params, lang) {
        const dimension = dimensionOf(params.dimension);
        const t = translator(lang);
        const funding = await dashboard.funding(viewer, dimension, lang, params.rates);
        return {
          id: 'dashboard-funding',
          title: t(`dashboard.funding.title.${dimension}`, { currency: funding.currency }),
          kind: dimension === 'year' ? 'line' : 'bar',
          categoryTitle: t(`dashboard.dimension.${dimension}`),
          categories: funding.rows.map((row) => row.label),
          // Numbers only to draw the bars; the dashboard API gives the exact decimals.
          series: [
            { name: t('dashboard.funding.pledged'), values: funding.rows.map((row) => Number(row.pledged)) },
            { name: t('dashboard.funding.paid'), values: funding.rows.map((row) => Number(row.paid)) },
          ],
          unit: funding.currency,
          locale: localeOf(lang),
        };
      },
    },
    {
      id: 'dashboard-funnel',
      params: [],
      async build(viewer, _params, lang) {
        const t = translator(lang);
        const funnel = await dashboard.funnel(viewer);
        const stages = ['suggested', 'interest', 'agreed', 'project'] as const;
        return {
          id: 'dashboard-funnel',
          title: t('dashboard.funnelTitle'),
          kind: 'bar',
          categoryTitle: t('dashboard.stage'),
          categories: stages.map((stage) => t(`dashboard.funnel.${stage}`)),
          series: [{ name: t('dashboard.matchesCount'), values: stages.map((stage) => funnel[stage]) }],
          unit: t('dashboard.matchesCount'),
          locale: localeOf(lang),
        };
      },
    },
  ];
}
