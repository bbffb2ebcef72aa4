import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIatiFile } from './read.js';
import { addTo, countActivityTags, fixturesDir, rawTotals, readFixture } from './test-support.js';
import type { IatiActivity } from './types.js';

const DIR = 'real-un-publishers';
const FILES = readdirSync(join(fixturesDir, DIR)).filter((name) => name.endsWith('.xml'));
const FILES_203 = FILES.filter((name) => name.includes('-2.03-'));
const MANIFEST = JSON.parse(readFixture(`${DIR}/MANIFEST.json`)) as Record<string, Array<{ id: string }>>;

/** Totals per currency and transaction type from the reader's activities. */
function readerTotals(activities: IatiActivity[]): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  for (const activity of activities) {
    for (const each of activity.transactions) addTo(totals, `${each.currency} type ${each.type}`, each.value);
  }
  return totals;
}

/**
 * The 2.02 files: how many activities are read (invalid against 2.02 only for attributes 2.03
 * added, such as `default-aid-type/@vocabulary`), and why each refused one is invalid against
 * both schemas: the first field its issues name, in file order.
 */
const READ_202: Record<string, number> = {
  'fao-iati-2.02-sample.xml': 5,
  'unicef-iati-2.02-sample.xml': 0,
  'unwomen-iati-2.02-sample.xml': 3,
};
const REFUSED_202: Record<string, string[]> = {
  'fao-iati-2.02-sample.xml': [],
  'unicef-iati-2.02-sample.xml': [
    'recipient-country/@code',
    'recipient-country/@code',
    'location-id/@code',
    'location-id/@code',
    'location-id/@code',
  ],
  'unwomen-iati-2.02-sample.xml': ['budget-item/@vocabulary', 'budget-item/@vocabulary'],
};

describe('real IATI files of UN publishers', () => {
  it('has the twelve files and the 65 activities the manifest lists', () => {
    expect(FILES).toHaveLength(12);
    expect(Object.values(MANIFEST).flat()).toHaveLength(65);
    expect(
      FILES.map((name) => countActivityTags(readFixture(`${DIR}/${name}`))).reduce((a, b) => a + b),
    ).toBe(65);
  });

  it.each(FILES)('%s: every activity is read or refused, in file order', async (name) => {
    const xml = readFixture(`${DIR}/${name}`);
    const result = await readIatiFile(xml);
    expect(result.fileIssues).toEqual([]);
    expect(result.total).toBe(countActivityTags(xml));
    expect(result.activities.length + result.refused.length).toBe(countActivityTags(xml));
    const identifiers = [...result.activities, ...result.refused]
      .sort((a, b) => a.line - b.line)
      .map((each) => each.identifier);
    const listed = MANIFEST[name]!.map((each) => each.id.replaceAll('&amp;', '&'));
    expect(identifiers).toEqual(listed);
  });

  it.each(FILES_203)('%s: transaction totals per currency and type match the raw XML', async (name) => {
    const xml = readFixture(`${DIR}/${name}`);
    const result = await readIatiFile(xml);
    expect(result.refused).toEqual([]);
    const raw = rawTotals(xml);
    expect(raw.count).toBeGreaterThan(0);
    expect(result.activities.flatMap((each) => each.transactions)).toHaveLength(raw.count);
    expect(readerTotals(result.activities)).toEqual(raw.totals);
  });

  it.each(Object.keys(REFUSED_202))(
    '%s: reads activities valid against 2.02 or 2.03, refuses those invalid against both',
    async (name) => {
      const result = await readIatiFile(readFixture(`${DIR}/${name}`));
      expect(result.version).toBe('2.02');
      expect(result.activities).toHaveLength(READ_202[name]!);
      expect(result.activities.every((each) => each.version === '2.02')).toBe(true);
      const firstFields = result.refused.map((each) => each.issues[0]!.field);
      expect(firstFields).toEqual(REFUSED_202[name]);
      for (const refused of result.refused) {
        for (const issue of refused.issues) {
          const element = issue.field.split('/')[0]!;
          expect(issue.message).toContain(`'${element}'`);
          expect(issue.line).toBeGreaterThanOrEqual(refused.line);
        }
      }
    },
  );
});
