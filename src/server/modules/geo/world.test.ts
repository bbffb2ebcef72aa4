import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFilesDir } from '../../paths.js';
import { loadWorldFeatures, MAP_HEIGHT, MAP_WIDTH, projectWorld, worldShapes } from './world.js';

/** The M49 → ISO3 table of the reference data, as the reference service gives it. */
const codes: Array<{ m49: string; iso3: string }> = JSON.parse(
  readFileSync(join(dataFilesDir, 'refdata/countries.json'), 'utf8'),
);
const iso3ByM49 = new Map(codes.map((c) => [c.m49, c.iso3]));

describe('the projected world map', () => {
  const world = projectWorld(iso3ByM49);

  it('joins every outline to an ISO3 code or lists it as unmapped', () => {
    expect(world.countries.length + world.unmapped.length).toBe(loadWorldFeatures().length);
    expect(world.unmapped.map((u) => u.name).sort()).toEqual(['Kosovo', 'N. Cyprus', 'Somaliland', 'Taiwan']);
    expect(world.byIso3.get('VNM')?.m49).toBe('704');
    expect(world.byIso3.get('KEN')?.m49).toBe('404');
    expect(new Set(world.countries.map((c) => c.iso3)).size).toBe(world.countries.length);
  });

  it('draws each country as an SVG path inside the view box, with its centroid on the map', () => {
    for (const country of world.countries) {
      expect(country.path, country.iso3).toMatch(/^M[-\d.,]+/);
      const [x, y] = country.centroid;
      expect(x, country.iso3).toBeGreaterThanOrEqual(0);
      expect(x, country.iso3).toBeLessThanOrEqual(MAP_WIDTH);
      expect(y, country.iso3).toBeGreaterThanOrEqual(0);
      expect(y, country.iso3).toBeLessThanOrEqual(MAP_HEIGHT);
    }
    // France's flows start in Europe, not between Europe and French Guiana.
    const [franceX] = world.byIso3.get('FRA')!.centroid;
    expect(franceX).toBeGreaterThan(MAP_WIDTH * 0.45);
  });

  it('projects once per process and is fast', () => {
    const first = worldShapes(iso3ByM49);
    const started = performance.now();
    const again = worldShapes(iso3ByM49);
    expect(again).toBe(first);
    expect(performance.now() - started).toBeLessThan(5);
    expect(first.millis).toBeLessThan(2000);
  });
});
