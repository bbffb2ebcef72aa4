import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { isEmptyChart } from '../../server/charts/spec';
import { ChartFigure } from '../components/chart-figure';
import { PageTitle } from '../components/page-title';
import { dashboardLoader } from '../dashboard.server';
import type { Route } from './+types/dashboard';
import '../map.css';

export const loader = (args: Route.LoaderArgs) => dashboardLoader(args);

export default function DashboardPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const dimensionId = useId();
  const { dimension, dimensions, counts, funnel } = loaderData;
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
          <button type="submit">{t('dashboard.show')}</button>
        </Form>
        {dimension === 'year' && <p className="meta">{t('dashboard.yearNote')}</p>}
        {isEmptyChart(counts.spec) ? (
          <p>{t('dashboard.empty')}</p>
        ) : (
          <ChartFigure key={dimension} chart={counts} />
        )}
      </section>
      <section aria-labelledby="dashboard-funnel">
        <h2 id="dashboard-funnel">{t('dashboard.funnelHeading')}</h2>
        {isEmptyChart(funnel.spec) ? <p>{t('dashboard.empty')}</p> : <ChartFigure chart={funnel} />}
      </section>
    </>
  );
}
