import { describe, expect, it } from 'vitest';
import { FUNDING_RULE } from '../server/modules/funding/explorer';
import {
  explorerExportQuery,
  explorerFilters,
  formatPercent,
  fundedPercent,
  rowHref,
} from './funding.server';
import { messages } from './i18n';

const request = (query: string) => new Request(`http://localhost/en/appeals/x?${query}`);

describe('appeal explorer filters from the URL', () => {
  it('reads them with the API schema, splitting lists and defaulting to grouping by project', () => {
    const { filters, errors } = explorerFilters(
      request('country=KEN,NER&partner=Agency%20B&q=+border+'),
      'en',
    );
    expect(errors).toEqual([]);
    expect(filters).toMatchObject({
      lang: 'en',
      groupBy: 'project',
      country: ['KEN', 'NER'],
      partner: ['Agency B'],
      q: 'border',
    });
  });

  it('reports bad values by field and drops them instead of failing the page', () => {
    const { filters, errors } = explorerFilters(request('country=Kenya&groupBy=donor&theme=x'), 'fr');
    expect(errors.map((e) => e.field).sort()).toEqual(['query.country', 'query.groupBy']);
    expect(filters).toMatchObject({ lang: 'fr', groupBy: 'project', theme: ['x'] });
    expect(filters.country).toBeUndefined();
  });

  it('ignores empty fields, as a GET form sends them', () => {
    const { filters, errors } = explorerFilters(request('q=&country=&groupBy=theme&rates='), 'en');
    expect(errors).toEqual([]);
    expect(filters).toMatchObject({ groupBy: 'theme' });
    expect(filters.rates).toBeUndefined();
  });
});

describe('the explorer export link', () => {
  it('carries the filters the page applied, in the page language, without empty or unknown fields', () => {
    const search = new URLSearchParams('q=&country=KEN&groupBy=theme&rates=un-2024&cursor=abc&format=pdf');
    const query = new URLSearchParams(explorerExportQuery(search, 'ar', []));
    expect(Object.fromEntries(query)).toEqual({
      country: 'KEN',
      groupBy: 'theme',
      rates: 'un-2024',
      lang: 'ar',
    });
  });

  it('leaves out the filters the page refused, so the file matches the page', () => {
    const search = new URLSearchParams('country=Kenya&partner=Agency%20B&rates=nope');
    const query = explorerExportQuery(search, 'en', [
      { field: 'query.country', message: 'bad' },
      { field: 'query.rates', message: 'unknown' },
    ]);
    expect(query).toBe('partner=Agency+B&lang=en');
  });
});

describe('percentage funded', () => {
  it('is pledged over requirement on exact cents, rounded down', () => {
    expect(fundedPercent('560000.00', '1000000.00')).toBe(56);
    expect(fundedPercent('999999.99', '1000000.00')).toBe(99);
    expect(fundedPercent('0.00', '250000.50')).toBe(0);
    expect(fundedPercent('1500', '1000')).toBe(150);
  });

  it('is absent when nothing is required (and for funds, which require nothing)', () => {
    expect(fundedPercent('10.00', '0.00')).toBeNull();
    expect(fundedPercent('10.00', null)).toBeNull();
  });

  it('is written in the reader’s language', () => {
    expect(formatPercent('en', 56)).toBe('56%');
    expect(formatPercent('fr', 56)).toMatch(/^56\s%$/);
  });
});

describe('explorer row links', () => {
  it('link projects and countries, and nothing else', () => {
    expect(rowHref('en', 'project', 'border-security')).toBe('/en/projects/border-security');
    expect(rowHref('ar', 'country', 'KEN')).toBe('/ar/countries/KEN');
    expect(rowHref('en', 'theme', 'counter-terrorism')).toBeNull();
    expect(rowHref('en', 'country', '')).toBeNull();
  });
});

it('the English counting rule on the page is the rule the API states', () => {
  expect(messages.en.funding.ruleText).toBe(FUNDING_RULE);
});
