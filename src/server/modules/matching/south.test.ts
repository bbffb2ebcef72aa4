import { describe, expect, it } from 'vitest';
import { CountryFile, readDataFile } from '../../seed/files.js';
import { countryFacts, isSouthern } from './south.js';

const countries = new Map(readDataFile('refdata/countries.json', CountryFile).map((c) => [c.iso3, c]));
const south = (iso3: string) => isSouthern(countries.get(iso3)!);

describe('isSouthern', () => {
  it('puts Europe, Northern America, Australia, New Zealand, Japan, Israel and Korea in the North', () => {
    for (const iso3 of ['DEU', 'FRA', 'RUS', 'USA', 'CAN', 'AUS', 'NZL', 'JPN', 'ISR', 'KOR']) {
      expect(south(iso3), iso3).toBe(false);
    }
  });

  it('puts the rest of the world in the South', () => {
    for (const iso3 of ['BRA', 'MEX', 'CHN', 'IND', 'ZAF', 'KEN', 'FJI', 'TUR', 'SGP', 'PRK', 'EGY']) {
      expect(south(iso3), iso3).toBe(true);
    }
  });

  it('works from M49 codes, so new reference rows need no code change', () => {
    expect(isSouthern({ iso3: 'XXA', region: '150', subRegion: '999' })).toBe(false);
    expect(isSouthern({ iso3: 'XXB', region: '009', subRegion: '053' })).toBe(false);
    expect(isSouthern({ iso3: 'XXC', region: '009', subRegion: '054' })).toBe(true);
  });

  it('builds the scorer’s country facts from a reference row', () => {
    expect(countryFacts(countries.get('HTI')!)).toMatchObject({
      iso3: 'HTI',
      ldc: true,
      sids: true,
      south: true,
    });
  });
});
