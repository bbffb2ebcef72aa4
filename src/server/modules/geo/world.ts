import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { dataFilesDir } from '../../paths.js';

/** The fixed SVG coordinate space the world is fitted into. */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

/** One drawn country: its outline as an SVG path and the point flows start and end at. */
export type CountryShape = { iso3: string; m49: string; path: string; centroid: [number, number] };

/** The projected world: shapes by ISO3, and the outlines that match no M49 country or area. */
export type WorldShapes = {
  width: number;
  height: number;
  countries: CountryShape[];
  byIso3: Map<string, CountryShape>;
  /** Outlines with no M49 code in the reference data (Taiwan, Kosovo, N. Cyprus, Somaliland). */
  unmapped: Array<{ id: string | null; name: string }>;
  /** How long projecting took, in milliseconds (reported by the benchmark and tests). */
  millis: number;
};

type CountryProperties = { name: string };

const WORLD_FILE = 'refdata/world/countries-110m.json';

/** The outlines of data/refdata/world/countries-110m.json as GeoJSON features. */
export function loadWorldFeatures(): Array<Feature<Geometry, CountryProperties>> {
  const topology = JSON.parse(readFileSync(join(dataFilesDir, WORLD_FILE), 'utf8')) as Topology<{
    countries: GeometryCollection<CountryProperties>;
  }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<
    Geometry,
    CountryProperties
  >;
  return collection.features;
}

/**
 * Projects every outline (Equal Earth, which keeps areas true so no region looks larger than it
 * is) into SVG path strings and centroids, joined to the reference data by M49 code. Pure: the
 * caller passes the M49 → ISO3 table from the reference service.
 */
export function projectWorld(iso3ByM49: Map<string, string>): WorldShapes {
  const started = performance.now();
  const features = loadWorldFeatures();
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    { type: 'FeatureCollection', features } as FeatureCollection,
  );
  const path = geoPath(projection).digits(1);
  const countries: CountryShape[] = [];
  const unmapped: WorldShapes['unmapped'] = [];
  for (const item of features) {
    const m49 = item.id === undefined ? null : String(item.id).padStart(3, '0');
    const iso3 = m49 ? iso3ByM49.get(m49) : undefined;
    const d = path(item);
    if (!m49 || !iso3 || !d) {
      unmapped.push({ id: m49, name: item.properties.name });
      continue;
    }
    const [x, y] = path.centroid(item);
    countries.push({ iso3, m49, path: d, centroid: [round(x), round(y)] });
  }
  placeCentroidsOnMainland(countries, features, path, iso3ByM49);
  return {
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    countries,
    byIso3: new Map(countries.map((c) => [c.iso3, c])),
    unmapped,
    millis: performance.now() - started,
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * The centroid of a country spread over far-apart islands or territories (France with French
 * Guiana, the United States with Alaska) can fall in the sea; flows then start from the centroid
 * of its largest polygon instead.
 */
function placeCentroidsOnMainland(
  countries: CountryShape[],
  features: Array<Feature<Geometry, CountryProperties>>,
  path: ReturnType<typeof geoPath>,
  iso3ByM49: Map<string, string>,
) {
  const byIso3 = new Map(countries.map((c) => [c.iso3, c]));
  for (const item of features) {
    if (item.geometry.type !== 'MultiPolygon' || item.id === undefined) continue;
    const shape = byIso3.get(iso3ByM49.get(String(item.id).padStart(3, '0')) ?? '');
    if (!shape) continue;
    let best: { area: number; centroid: [number, number] } | undefined;
    for (const coordinates of item.geometry.coordinates) {
      const part = { type: 'Polygon' as const, coordinates };
      const area = path.area(part);
      if (!best || area > best.area) best = { area, centroid: path.centroid(part) };
    }
    if (best) shape.centroid = [round(best.centroid[0]), round(best.centroid[1])];
  }
}

let cached: { key: string; shapes: WorldShapes } | undefined;

/**
 * The projected world for this process: outlines never change while it runs, so they are
 * projected once (a few tens of milliseconds) and every page reuses them.
 */
export function worldShapes(iso3ByM49: Map<string, string>): WorldShapes {
  const key = String(iso3ByM49.size);
  if (!cached || cached.key !== key) cached = { key, shapes: projectWorld(iso3ByM49) };
  return cached.shapes;
}
