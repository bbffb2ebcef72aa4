/**
 * What « South » means on this platform. There is no official list of the Global South; the
 * platform follows the developed-economies grouping UNCTAD publishes (UNCTADstat), itself built on
 * the UN M49 regions: developed are Europe, Northern America, Australia and New Zealand, Japan,
 * Israel and the Republic of Korea. Every other country or territory is South.
 *
 * The rule works on M49 codes (numeric strings, as in data/refdata/countries.json), so a country
 * added to the reference data is classified without editing this file. By this rule every M49
 * European country (the Russian Federation included) and the territories M49 puts in Northern
 * America (Bermuda, Greenland, Saint Pierre and Miquelon) are North.
 */
import type { CountryFacts } from './types.js';

/** M49 regions whose every country is North: Europe. */
const NORTHERN_REGIONS = new Set(['150']);
/** M49 sub-regions whose every country is North: Northern America, Australia and New Zealand. */
const NORTHERN_SUBREGIONS = new Set(['021', '053']);
/** Developed economies outside those regions (ISO 3166 alpha-3). */
const NORTHERN_COUNTRIES = new Set(['JPN', 'ISR', 'KOR']);

export function isSouthern(country: {
  iso3: string;
  region: string | null;
  subRegion: string | null;
}): boolean {
  if (NORTHERN_COUNTRIES.has(country.iso3)) return false;
  if (country.region && NORTHERN_REGIONS.has(country.region)) return false;
  if (country.subRegion && NORTHERN_SUBREGIONS.has(country.subRegion)) return false;
  return true;
}

/** The facts the scorer uses, from a reference-data country row. */
export function countryFacts(row: {
  iso3: string;
  region: string | null;
  subRegion: string | null;
  intermediateRegion: string | null;
  ldc: boolean;
  lldc: boolean;
  sids: boolean;
}): CountryFacts {
  return {
    iso3: row.iso3,
    region: row.region,
    subRegion: row.subRegion,
    intermediateRegion: row.intermediateRegion,
    ldc: row.ldc,
    lldc: row.lldc,
    sids: row.sids,
    south: isSouthern(row),
  };
}
