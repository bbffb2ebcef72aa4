import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { LANGUAGE_TAGS, type Language } from '../../shared/languages';
import { formatDate } from '../components/format';
import { PageTitle } from '../components/page-title';
import { MapLegend, useMetricLabel, WorldMap } from '../components/world-map';
import { type MapSort, mapLoader } from '../map.server';
import type { Route } from './+types/map';
import '../map.css';

export const loader = (args: Route.LoaderArgs) => mapLoader(args);

export default function MapPage({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = params.lang as Language;
  const locale = LANGUAGE_TAGS[lang];
  const metricLabel = useMetricLabel();
  const flowsId = useId();
  const metricId = useId();
  const { metric, metrics, showFlows, sort, rows, flowRows, money } = loaderData;
  const number = new Intl.NumberFormat(locale);
  const query = (next: MapSort) =>
    `?${new URLSearchParams({ metric, ...(showFlows ? { flows: 'on' } : {}), sort: next })}#map-table`;
  const header = (column: MapSort, text: string) => (
    <th
      scope="col"
      aria-sort={sort === column ? (column === 'name' ? 'ascending' : 'descending') : undefined}
    >
      <a href={query(column)}>{text}</a>
    </th>
  );
  return (
    <>
      <PageTitle title={t('map.title')} />
      <h1>{t('map.title')}</h1>
      <p className="lead">{t('map.intro')}</p>
      <Form method="get" className="map-form">
        <div className="field">
          <label htmlFor={metricId}>{t('map.metricLabel')}</label>
          <select id={metricId} name="metric" defaultValue={metric}>
            {metrics.map((id) => (
              <option key={id} value={id}>
                {metricLabel(id)}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input id={flowsId} type="checkbox" name="flows" value="on" defaultChecked={showFlows} />
          <label htmlFor={flowsId}>{t('map.showFlows')}</label>
        </div>
        <button type="submit">{t('map.apply')}</button>
      </Form>
      <figure className="map-figure">
        <WorldMap
          lang={lang}
          metric={metric}
          width={loaderData.width}
          height={loaderData.height}
          shapes={loaderData.shapes}
          flows={loaderData.flows}
          labelledBy="map-caption"
          currency={money?.currency}
        />
        <figcaption id="map-caption">
          {t('map.caption', { metric: metricLabel(metric) })}
          {showFlows && loaderData.flows.length > 0 && <> {t('map.captionFlows')}</>}
        </figcaption>
      </figure>
      {rows.length === 0 ? (
        <p>{t('map.noValues')}</p>
      ) : (
        <MapLegend buckets={loaderData.buckets} locale={locale} />
      )}
      {money && (
        <div className="map-money-note">
          <p className="meta">
            {money.rateTable
              ? t('map.money.rates', {
                  currency: money.currency,
                  table: money.rateTable.name,
                  date: formatDate(lang, money.rateTable.effectiveOn),
                })
              : t('map.money.noRates', { currency: money.currency })}{' '}
            {t('map.money.rule')}
          </p>
          <p className="meta">{t('map.money.total', { total: money.total })}</p>
          {money.unconverted.length > 0 && (
            <p className="meta">{t('map.money.unconverted', { amounts: money.unconverted.join(', ') })}</p>
          )}
        </div>
      )}
      <section aria-labelledby="map-table" className="map-tables">
        <h2 id="map-table">{t('map.tableTitle')}</h2>
        <p className="meta">{t('map.sortHint')}</p>
        <table className="data-table map-table">
          <caption>{t('map.caption', { metric: metricLabel(metric) })}</caption>
          <thead>
            <tr>
              {header('name', t('map.tableCountry'))}
              {header('value', metricLabel(metric))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.iso3} data-iso3={row.iso3}>
                <th scope="row">
                  <a href={`/${lang}/countries/${row.iso3}`}>{row.name}</a>
                  {!row.drawn && <span className="meta"> ({t('map.notDrawn')})</span>}
                </th>
                <td className="number">
                  <bdi>{row.display}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {showFlows && (
          <>
            <h2 id="map-flows">{t('map.flowsTitle')}</h2>
            {flowRows.length === 0 ? (
              <p>{t('map.noFlows')}</p>
            ) : (
              <table className="data-table">
                <caption>{t('map.captionFlows')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('map.flowFrom')}</th>
                    <th scope="col">{t('map.flowTo')}</th>
                    <th scope="col">{metricLabel(metric)}</th>
                  </tr>
                </thead>
                <tbody>
                  {flowRows.map((flow) => (
                    <tr key={`${flow.from}>${flow.to}`}>
                      <td>
                        <a href={`/${lang}/countries/${flow.from}`}>{flow.fromName}</a>
                      </td>
                      <td>
                        <a href={`/${lang}/countries/${flow.to}`}>{flow.toName}</a>
                      </td>
                      <td className="number">{number.format(flow.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </section>
    </>
  );
}
