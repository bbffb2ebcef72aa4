import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chartHeight, chartOption } from '../../server/charts/option';
import { type ChartSpec, chartRows } from '../../server/charts/spec';

/** A chart as a page shows it: its spec, the SVG the server drew and the download addresses. */
export type ChartView = {
  spec: ChartSpec;
  svg: string;
  downloads: { csv: string; xlsx: string; svg: string };
};

/**
 * A chart in a `<figure>`: the server's SVG (shown without JavaScript), its data as a table in a
 * `<details>` (the accessible alternative), and CSV, XLSX and SVG downloads. After hydration the
 * same spec is drawn by ECharts in the browser, which adds tooltips; the SVG stays until then.
 */
export function ChartFigure({ chart }: { chart: ChartView }) {
  const { t } = useTranslation();
  const captionId = useId();
  const live = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const { spec } = chart;
  const number = new Intl.NumberFormat(spec.locale ?? 'en');

  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    import('echarts').then((echarts) => {
      if (disposed || !live.current) return;
      const instance = echarts.init(live.current, null, { renderer: 'svg', height: chartHeight(spec) });
      instance.setOption(chartOption(spec, { interactive: true }));
      const resize = () => instance.resize();
      window.addEventListener('resize', resize);
      dispose = () => {
        window.removeEventListener('resize', resize);
        instance.dispose();
      };
      setReady(true);
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, [spec]);

  return (
    <figure className="chart-figure" aria-labelledby={captionId}>
      <figcaption id={captionId}>{spec.title}</figcaption>
      <div
        className="chart-canvas"
        dir="ltr"
        hidden={ready}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG is drawn by our own server from escaped labels.
        dangerouslySetInnerHTML={{ __html: chart.svg }}
      />
      <div
        className="chart-live"
        dir="ltr"
        ref={live}
        hidden={!ready}
        role="img"
        aria-label={spec.title}
        style={{ blockSize: chartHeight(spec) }}
      />
      <details>
        <summary>{t('charts.data')}</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{spec.categoryTitle}</th>
              {spec.series.map((series) => (
                <th scope="col" key={series.name}>
                  {series.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chartRows(spec).map(([category, ...values]) => (
              <tr key={category}>
                <th scope="row">{category}</th>
                {values.map((value, i) => (
                  <td className="number" key={spec.series[i]!.name}>
                    {number.format(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <p className="downloads">
        <span>{t('charts.download')}:</span>
        <a href={chart.downloads.csv} download>
          {t('charts.csv')}
        </a>
        <a href={chart.downloads.xlsx} download>
          {t('charts.xlsx')}
        </a>
        <a href={chart.downloads.svg} download>
          {t('charts.svg')}
        </a>
      </p>
    </figure>
  );
}
