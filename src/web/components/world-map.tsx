import { type PointerEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bucket } from '../map-buckets';
import { NO_DATA_FILL } from '../map-buckets';

export type MapShape = { iso3: string; path: string; fill: string; name: string | null; value: number };
export type MapFlow = {
  from: string;
  to: string;
  value: number;
  fromName: string;
  toName: string;
  path: string;
};

/**
 * The accessible name of a country on the map: "Viet Nam: 12 solutions", in the page language;
 * for a metric of money, with its currency.
 */
export function useCountryLabel(metric: string, currency?: string) {
  const { t, i18n } = useTranslation();
  const key = `map.countryValue.${metric}`;
  const known = i18n.exists(key);
  return (name: string, count: number) =>
    known ? t(key, { name, count, currency }) : t('map.countryValueOther', { name, count });
}

/** A metric's name ("Solutions"), or its id when no module has named it yet. */
export function useMetricLabel() {
  const { t, i18n } = useTranslation();
  return (metric: string) => (i18n.exists(`map.metric.${metric}`) ? t(`map.metric.${metric}`) : metric);
}

type Props = {
  lang: string;
  metric: string;
  width: number;
  height: number;
  shapes: MapShape[];
  flows: MapFlow[];
  labelledBy: string;
  /** For a metric of money: the currency of the values. */
  currency?: string;
};

/**
 * The choropleth as inline SVG, drawn on the server: every country with records is a link to its
 * page (so Tab moves through them and Enter opens one) named with its value; the others are
 * decoration. Flows are curved arrows from provider to recipient. After hydration, hovering or
 * focusing a country highlights it and shows its value in a tooltip.
 */
export function WorldMap({ lang, metric, width, height, shapes, flows, labelledBy, currency }: Props) {
  const { t } = useTranslation();
  const label = useCountryLabel(metric, currency);
  const frame = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<{ iso3: string; text: string; x: number; y: number } | null>(null);

  const show = (target: Element | null, clientX?: number, clientY?: number) => {
    const link = target?.closest('[data-iso3]');
    const box = frame.current?.getBoundingClientRect();
    if (!link || !box) return setActive(null);
    const rect = link.getBoundingClientRect();
    const x = (clientX ?? rect.left + rect.width / 2) - box.left;
    const y = (clientY ?? rect.top + rect.height / 2) - box.top;
    setActive({ iso3: link.getAttribute('data-iso3')!, text: link.getAttribute('aria-label') ?? '', x, y });
  };
  const onPointer = (event: PointerEvent<SVGSVGElement>) =>
    show(event.target as Element, event.clientX, event.clientY);

  return (
    <div className="world-map" ref={frame} dir="ltr">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG holding links is a group, not a form fieldset. */}
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-labelledby={labelledBy}
        onPointerMove={onPointer}
        onPointerLeave={() => setActive(null)}
        onFocus={(event) => show(event.target as Element)}
        onBlur={() => setActive(null)}
      >
        <defs>
          <pattern
            id="map-no-data"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill={NO_DATA_FILL} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#cfd4da" strokeWidth="1.5" />
          </pattern>
          <marker
            id="map-arrow"
            viewBox="0 0 10 10"
            refX="8"
            refY="5"
            markerWidth="5"
            markerHeight="5"
            orient="auto-start-reverse"
          >
            <path d="M0,0L10,5L0,10z" fill="#a63603" />
          </marker>
        </defs>
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: outlines without records are decoration, never focusable. */}
        <g className="map-land" aria-hidden="true">
          {shapes
            .filter((shape) => !shape.name)
            .map((shape) => (
              <path key={shape.iso3} d={shape.path} fill="url(#map-no-data)" />
            ))}
        </g>
        <g className="map-data">
          {shapes
            .filter((shape) => shape.name)
            .map((shape) => {
              const text = label(shape.name!, shape.value);
              return (
                <a
                  key={shape.iso3}
                  href={`/${lang}/countries/${shape.iso3}`}
                  aria-label={text}
                  data-iso3={shape.iso3}
                  className={active?.iso3 === shape.iso3 ? 'is-active' : undefined}
                >
                  <title>{text}</title>
                  <path d={shape.path} fill={shape.fill} />
                </a>
              );
            })}
        </g>
        {flows.length > 0 && (
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: the arcs are decoration; the flows table gives them in words.
          <g className="map-flows" aria-hidden="true">
            {flows.map((flow) => (
              <path
                key={`${flow.from}>${flow.to}`}
                d={flow.path}
                strokeWidth={Math.min(6, 1.2 + Math.log2(flow.value))}
                markerEnd="url(#map-arrow)"
              >
                <title>
                  {t('map.flowTitle', { from: flow.fromName, to: flow.toName, count: flow.value })}
                </title>
              </path>
            ))}
          </g>
        )}
      </svg>
      {active && (
        <div className="map-tooltip" aria-hidden="true" style={{ left: active.x, top: active.y }}>
          {active.text}
        </div>
      )}
    </div>
  );
}

/** The legend: one swatch per class with its range, numbers in the page language. */
export function MapLegend({ buckets, locale }: { buckets: Bucket[]; locale: string }) {
  const { t } = useTranslation();
  const format = new Intl.NumberFormat(locale);
  const range = (b: Bucket) =>
    b.min === b.max ? format.format(b.min) : `${format.format(b.min)}–${format.format(b.max)}`;
  return (
    <div className="map-legend">
      <h2 className="map-legend-title" id="map-legend-title">
        {t('map.legend')}
      </h2>
      <ul aria-labelledby="map-legend-title">
        {buckets.map((b) => (
          <li key={b.min}>
            <span className="swatch" style={{ background: b.colour }} aria-hidden="true" />
            <bdi>{range(b)}</bdi>
          </li>
        ))}
        <li>
          <span className="swatch no-data" aria-hidden="true" />
          {t('map.noData')}
        </li>
      </ul>
    </div>
  );
}
