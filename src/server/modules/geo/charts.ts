import { isLanguage, LANGUAGE_TAGS, type Language } from '../../../shared/languages.js';
import { getI18n } from '../../../web/i18n.js';
import type { ChartDefinition, ChartParams } from '../../charts/registry.js';
import { AppError } from '../../errors.js';
import type { NeedsOffersService } from '../needs-offers/service.js';
import type { ReferenceService } from '../reference/service.js';
import type { SolutionsService } from '../solutions/service.js';

type Deps = {
  reference: Pick<ReferenceService, 'getCountry'>;
  solutions: Pick<SolutionsService, 'listAll'>;
  needsOffers: Pick<NeedsOffersService, 'list'>;
};

/** The `country` parameter checked against the reference data: 422 when missing, 404 when unknown. */
async function countryOf(reference: Deps['reference'], params: ChartParams, lang: string) {
  const code = params.country?.toUpperCase();
  if (!code)
    throw new AppError('validation_failed', 'This chart needs a country', [
      { field: 'query.country', message: 'required: an ISO3 code' },
    ]);
  const country = await reference.getCountry(code, lang).catch(() => null);
  if (!country || country.iso3 !== code) throw AppError.notFound('Country', code);
  return country;
}

/** Counts per label, largest first (ties by label in the reader's language). */
function tally(labels: string[], lang: string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], lang));
}

const translator = (lang: string) => getI18n(isLanguage(lang) ? lang : 'en').t;

/** The charts of the country page: solutions by theme, and open needs and offers by modality. */
export function countryCharts({ reference, solutions, needsOffers }: Deps): ChartDefinition[] {
  return [
    {
      id: 'country-solutions-by-theme',
      params: ['country'],
      async build(viewer, params, lang) {
        const country = await countryOf(reference, params, lang);
        const t = translator(lang);
        const items = await solutions.listAll(viewer, { lang: lang as Language, country: [country.iso3] });
        const rows = tally(
          items.flatMap((s) => s.themes.map((theme) => theme.label)),
          lang,
        );
        return {
          id: 'country-solutions-by-theme',
          title: t('charts.solutionsByTheme', { country: country.name }),
          kind: 'bar',
          categoryTitle: t('charts.theme'),
          categories: rows.map(([label]) => label),
          series: [{ name: t('charts.solutions'), values: rows.map(([, n]) => n) }],
          unit: t('charts.solutions'),
          locale: isLanguage(lang) ? LANGUAGE_TAGS[lang] : 'en',
        };
      },
    },
    {
      id: 'country-postings-by-modality',
      params: ['country'],
      async build(viewer, params, lang) {
        const country = await countryOf(reference, params, lang);
        const t = translator(lang);
        const read = (kind: 'need' | 'offer') =>
          needsOffers.list(kind, viewer, {
            lang: lang as Language,
            limit: 500,
            status: 'open',
            country: [country.iso3],
            theme: undefined,
            modality: undefined,
          });
        const [needs, offers] = await Promise.all([read('need'), read('offer')]);
        const modalities = (items: typeof needs.items) =>
          items.flatMap((p) => p.modalities.map((m) => m.label));
        const needCounts = new Map(tally(modalities(needs.items), lang));
        const offerCounts = new Map(tally(modalities(offers.items), lang));
        const categories = tally([...modalities(needs.items), ...modalities(offers.items)], lang).map(
          ([label]) => label,
        );
        return {
          id: 'country-postings-by-modality',
          title: t('charts.postingsByModality', { country: country.name }),
          kind: 'stacked-bar',
          categoryTitle: t('charts.modality'),
          categories,
          series: [
            { name: t('charts.needs'), values: categories.map((c) => needCounts.get(c) ?? 0) },
            { name: t('charts.offers'), values: categories.map((c) => offerCounts.get(c) ?? 0) },
          ],
          locale: isLanguage(lang) ? LANGUAGE_TAGS[lang] : 'en',
        };
      },
    },
  ];
}
