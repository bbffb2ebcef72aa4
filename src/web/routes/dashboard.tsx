import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { isEmptyChart } from '../../server/charts/spec';
import { LANGUAGE_TAGS, type Language } from '../../shared/languages';
import { ChartFigure } from '../components/chart-figure';
import { formatDate } from '../components/format';
import { PageTitle } from '../components/page-title';
import { dashboardLoader } from '../dashboard.server';
import type { Route } from './+types/dashboard';
import '../map.css';

export const loader = (args: Route.LoaderArgs) => dashboardLoader(args);

export default function DashboardPage({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const dimensionId = useId();
  const currencyId = useId();
  const { dimension, dimensions, counts, money, funding, funnel, indicators } = loaderData;
  const number = new Intl.NumberFormat(LANGUAGE_TAGS[params.lang as Language]);
  const value = (text: string | null) =>
    text === null ? t('dashboard.indicators.notAvailable') : number.format(Number(text));
  return (
    <>
      <PageTitle title={t('dashboard.title')} />
      <h1>{t('dashboard.title')}</h1>
      <p className="lead">{t('dashboard.intro')}</p>
      <section aria-labelledby="dashboard-counts">
        <h2 id="dashboard-counts">{t('dashboard.countsHeading')}</h2>
        <Form method="get" className="map-form">
          <div className="field">
            <label htmlFor={dimensionId}>{t('dashboard.dimensionLabel')}</label>
            <select id={dimensionId} name="dimension" defaultValue={dimension}>
              {dimensions.map((id) => (
                <option key={id} value={id}>
                  {t(`dashboard.dimension.${id}`)}
                </option>
              ))}
            </select>
          </div>
          {money.currencies.length > 1 && (
            <div className="field">
              <label htmlFor={currencyId}>{t('dashboard.money.currencyLabel')}</label>
              <select id={currencyId} name="currency" defaultValue={money.currency ?? undefined}>
                {money.currencies.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="submit">{t('dashboard.show')}</button>
        </Form>
        {dimension === 'year' && <p className="meta">{t('dashboard.yearNote')}</p>}
        {isEmptyChart(counts.spec) ? (
          <p>{t('dashboard.empty')}</p>
        ) : (
          <ChartFigure key={dimension} chart={counts} />
        )}
      </section>
      <section aria-labelledby="dashboard-money">
        <h2 id="dashboard-money">{t('dashboard.money.heading')}</h2>
        {money.chart && !isEmptyChart(money.chart.spec) ? (
          <>
            <p className="meta">{t('dashboard.money.currencyNote', { currency: money.currency })}</p>
            <p className="meta">{t('dashboard.money.splitNote')}</p>
            <ChartFigure key={`${dimension}-${money.currency}`} chart={money.chart} />
          </>
        ) : (
          <p>{t('dashboard.money.none')}</p>
        )}
      </section>
      <section aria-labelledby="dashboard-funding">
        <h2 id="dashboard-funding">{t('dashboard.funding.heading')}</h2>
        {funding.chart && !isEmptyChart(funding.chart.spec) ? (
          <>
            <p className="meta">
              {funding.rateTable
                ? t('dashboard.funding.rates', {
                    currency: funding.currency,
                    table: funding.rateTable.name,
                    date: formatDate(params.lang as Language, funding.rateTable.effectiveOn),
                  })
                : t('dashboard.funding.noRates', { currency: funding.currency })}
            </p>
            <p className="meta">{t('dashboard.funding.splitNote')}</p>
            <p className="meta">
              {t('dashboard.funding.total', { pledged: funding.total.pledged, paid: funding.total.paid })}
              {funding.unassigned && (
                <>
                  {' '}
                  {t('dashboard.funding.unassigned', {
                    pledged: funding.unassigned.pledged,
                    paid: funding.unassigned.paid,
                  })}
                </>
              )}
            </p>
            {funding.unconverted.length > 0 && (
              <p className="meta">
                {t('dashboard.funding.unconverted', { amounts: funding.unconverted.join(', ') })}
              </p>
            )}
            <ChartFigure key={`${dimension}-funding`} chart={funding.chart} />
          </>
        ) : (
          <p>{t('dashboard.funding.none')}</p>
        )}
      </section>
      <section aria-labelledby="dashboard-indicators">
        <h2 id="dashboard-indicators">{t('dashboard.indicators.heading')}</h2>
        {indicators.length === 0 ? (
          <p>{t('dashboard.indicators.none')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table indicator-table">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.indicators.project')}</th>
                  <th scope="col">{t('dashboard.indicators.indicator')}</th>
                  <th scope="col">{t('dashboard.indicators.baseline')}</th>
                  <th scope="col">{t('dashboard.indicators.target')}</th>
                  <th scope="col">{t('dashboard.indicators.actual')}</th>
                  <th scope="col">{t('dashboard.indicators.progress')}</th>
                </tr>
              </thead>
              <tbody>
                {indicators.map((row) => (
                  <tr key={row.key}>
                    <td>
                      <a href={`/${params.lang}/projects/${row.projectId}`} dir="auto">
                        {row.project}
                      </a>
                    </td>
                    <th scope="row">
                      <bdi>{row.indicator}</bdi>
                      {!row.ascending && (
                        <span className="meta"> ({t('dashboard.indicators.lowerIsBetter')})</span>
                      )}
                    </th>
                    <td className="number">{value(row.baseline)}</td>
                    <td className="number">{value(row.target)}</td>
                    <td className="number">{value(row.actual)}</td>
                    <td>
                      {row.progress === null ? (
                        t('dashboard.indicators.notAvailable')
                      ) : (
                        <>
                          <progress
                            max={100}
                            value={row.progress}
                            aria-label={t('dashboard.indicators.progressLabel', { indicator: row.indicator })}
                          />{' '}
                          {new Intl.NumberFormat(LANGUAGE_TAGS[params.lang as Language], {
                            style: 'percent',
                          }).format(row.progress / 100)}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="dashboard-funnel">
        <h2 id="dashboard-funnel">{t('dashboard.funnelHeading')}</h2>
        {isEmptyChart(funnel.spec) ? <p>{t('dashboard.empty')}</p> : <ChartFigure chart={funnel} />}
      </section>
    </>
  );
}
