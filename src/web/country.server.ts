import { data } from 'react-router';
import { renderChartSvg } from '../server/charts/render';
import { isEmptyChart } from '../server/charts/spec';
import { AppError } from '../server/errors';
import type { Language } from '../shared/languages';
import type { ChartView } from './components/chart-figure';
import type { WebContext } from './context';
import { formatMoney } from './projects.server';

type PageArgs = { params: { lang: string; iso3: string }; context: WebContext };

/** The charts the country page shows, by registry id; each is also downloadable. */
const COUNTRY_CHARTS = ['country-solutions-by-theme', 'country-postings-by-modality'];

/**
 * The country page: the profile (every section through its owning module, with the viewer's
 * permissions) and the country's charts, drawn to SVG here so they show without JavaScript.
 */
export async function countryLoader({ params, context }: PageArgs) {
  const lang = params.lang as Language;
  const { services, viewer } = context;
  try {
    const profile = await services.countryProfiles.profile(viewer, params.iso3, lang);
    const iso3 = profile.country.iso3;
    const charts: ChartView[] = [];
    for (const id of COUNTRY_CHARTS) {
      const definition = services.charts.get(id);
      if (!definition) continue;
      const spec = await definition.build(viewer, { country: iso3 }, lang);
      if (isEmptyChart(spec)) continue;
      const href = (format: string) =>
        `/api/v1/charts/${id}?${new URLSearchParams({ country: iso3, lang, format })}`;
      charts.push({
        spec,
        svg: renderChartSvg(spec),
        downloads: { csv: href('csv'), xlsx: href('xlsx'), svg: href('svg') },
      });
    }
    // Sections about money come with their amounts formatted from the exact decimals.
    const sections = profile.sections.map(({ money, items, ...section }) => ({
      ...section,
      items: items.map(({ money: part, ...item }) => ({
        ...item,
        money: part
          ? {
              pledged: formatMoney(lang, part.pledged, money?.currency ?? null),
              paid: formatMoney(lang, part.paid, money?.currency ?? null),
            }
          : null,
      })),
      money: money
        ? {
            currency: money.currency,
            rateTable: money.rateTable,
            pledged: formatMoney(lang, money.pledged, money.currency),
            paid: formatMoney(lang, money.paid, money.currency),
            appeals: money.appeals.map((appeal) => ({
              name: appeal.name,
              href: `/${lang}/appeals/${appeal.slug}?${new URLSearchParams({ country: iso3 })}`,
            })),
          }
        : null,
    }));
    return { ...profile, sections, charts };
  } catch (error) {
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    throw error;
  }
}
