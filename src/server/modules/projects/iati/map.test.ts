import { describe, expect, it } from 'vitest';
import { readIatiFile } from './read.js';
import { readFixture } from './test-support.js';
import type { IatiActivity } from './types.js';

const EXAMPLE = 'examples/activity-standard-example-annotated.xml';

async function example(): Promise<IatiActivity> {
  const result = await readIatiFile(readFixture(EXAMPLE));
  expect(result.fileIssues).toEqual([]);
  expect(result.refused).toEqual([]);
  expect(result.activities).toHaveLength(1);
  return result.activities[0]!;
}

describe('mapping the official IATI 2.03 example activity', () => {
  it('reads the identifiers, languages and narratives', async () => {
    const activity = await example();
    expect(activity).toMatchObject({
      identifier: 'AA-AAA-123456789-ABC123',
      version: '2.03',
      line: 8,
      language: 'en',
      defaultCurrency: 'USD',
      lastUpdated: '2014-09-10T07:15:37Z',
      status: '2',
    });
    expect(activity.title).toEqual({
      en: 'Activity title',
      fr: "Titre de l'activité",
      es: 'Título de la actividad',
    });
    expect(activity.description.en).toMatch(/^General activity description text\./);
    expect(Object.keys(activity.description)).toEqual(['en', 'fr']);
    expect(activity.reportingOrg).toEqual({
      ref: 'AA-AAA-123456789',
      type: '40',
      name: { en: 'Organisation name', fr: "Nom de l'organisme" },
    });
  });

  it('reads participating organisations with their roles and activity ids', async () => {
    const { participants } = await example();
    expect(participants.map((each) => [each.ref, each.role, each.type, each.activityId])).toEqual([
      ['BB-BBB-123456789', '1', '40', 'BB-BBB-123456789-1234'],
      ['CC-CCC-123456789', '2', '10', 'CC-CCC-123456789-1234'],
      ['AA-AAA-123456789', '3', '21', 'AA-AAA-123456789-1234'],
    ]);
    expect(participants[2]!.name).toEqual({ en: 'Name of Agency A', fr: "Nom de l'agence A" });
    expect(participants.every((each) => each.southSouthRole === null)).toBe(true);
  });

  it('reads dates, countries, regions and sectors with their percentages as written', async () => {
    const activity = await example();
    expect(activity.dates).toEqual({
      plannedStart: '2012-04-15',
      actualStart: '2012-04-28',
      plannedEnd: '2015-12-31',
      actualEnd: null,
    });
    expect(activity.recipientCountries).toEqual([
      { code: 'AF', percentage: '25' },
      { code: 'AG', percentage: '25' },
    ]);
    expect(activity.recipientRegions).toEqual([
      { code: '489', vocabulary: '1', percentage: '25' },
      { code: 'A1', vocabulary: '99', percentage: '25' },
    ]);
    expect(activity.sectors).toEqual([
      { code: '111', vocabulary: '2', percentage: '50' },
      { code: '112', vocabulary: '2', percentage: '50' },
      { code: 'A1', vocabulary: '99', percentage: '100' },
    ]);
    // The example's tags are of vocabularies 1 and 99, not SDGs.
    expect(activity.sdgGoals).toEqual([]);
    expect(activity.sdgTargets).toEqual([]);
  });

  it('reads budgets and transactions with currencies, value dates and the provider activity id', async () => {
    const activity = await example();
    expect(activity.budgets).toEqual([
      {
        type: '1',
        status: '1',
        periodStart: '2014-01-01',
        periodEnd: '2014-12-31',
        value: '3000',
        currency: 'EUR',
        valueDate: '2014-01-01',
      },
    ]);
    expect(activity.transactions).toEqual([
      {
        ref: '1234',
        type: '1',
        date: '2012-01-01',
        value: '1000',
        currency: 'EUR',
        valueDate: '2012-01-01',
        description: 'Transaction description text',
        provider: { ref: 'BB-BBB-123456789', name: 'Agency B', activityId: 'BB-BBB-123456789-1234AA' },
        receiver: { ref: 'AA-AAA-123456789', name: 'Agency A', activityId: 'AA-AAA-123456789-1234' },
      },
    ]);
  });

  it('reads results and indicators with baseline, target and actual', async () => {
    const activity = await example();
    expect(activity.results).toEqual([
      {
        type: '1',
        title: 'Result title',
        description: 'Result description text',
        indicators: [
          {
            title: 'Indicator title',
            description: 'Indicator description text',
            measure: '1',
            ascending: true,
            baseline: { year: 2012, date: '2012-01-01', value: '10' },
            periods: [{ start: '2013-01-01', end: '2013-03-31', target: '10', actual: '11' }],
          },
        ],
      },
    ]);
    expect(activity.southSouth).toEqual({ cooperationType: null, modalities: [], themes: [] });
  });
});

/** A minimal valid 2.03 file around the given activity body (after the identifier). */
function file(attributes: string, body: string, root = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03"${root}>
 <iati-activity${attributes}>
  <iati-identifier>XM-TEST-1</iati-identifier>
  <reporting-org ref="XM-TEST" type="10"><narrative>Ministry</narrative></reporting-org>
  ${body}
 </iati-activity>
</iati-activities>
`;
}

const REQUIRED_AFTER_TITLE = `<description><narrative>Text</narrative></description>
  <participating-org role="1" ref="XM-TEST"/>
  <activity-status code="2"/>
  <activity-date type="2" iso-date="2020-01-01"/>`;

describe('mapping rules', () => {
  it('takes narrative languages from the narrative, else the activity, else the file, else "en"', async () => {
    const title = `<title><narrative>Default</narrative><narrative xml:lang="FR">Défaut</narrative></title>`;
    const read = async (xml: string) => (await readIatiFile(xml)).activities[0]!;
    expect(
      (await read(file(' xml:lang="es"', title + REQUIRED_AFTER_TITLE, ' xml:lang="pt"'))).title,
    ).toEqual({
      es: 'Default',
      fr: 'Défaut',
    });
    const fromFile = await read(file('', title + REQUIRED_AFTER_TITLE, ' xml:lang="pt"'));
    expect(fromFile.title).toEqual({ pt: 'Default', fr: 'Défaut' });
    expect(fromFile.language).toBe('pt');
    const none = await read(file('', title + REQUIRED_AFTER_TITLE));
    expect(none.title).toEqual({ en: 'Default', fr: 'Défaut' });
    expect(none.language).toBeNull();
  });

  it('uses the identifier when the title is empty, and keeps decimals exactly as written', async () => {
    const body = `<title><narrative/></title>${REQUIRED_AFTER_TITLE}
  <recipient-country code="KE" percentage=" 33.330 "/>
  <sector code="7" vocabulary="7"/><sector code="4.1" vocabulary="8"/><tag code="4" vocabulary="2"/><tag code="4.a" vocabulary="3"/>
  <transaction><transaction-type code="3"/><transaction-date iso-date="2020-02-01"/><value value-date="2020-02-01"> 0012345678901234567890.120 </value></transaction>`;
    const result = await readIatiFile(file(' default-currency="XOF"', body));
    expect(result.fileIssues).toEqual([]);
    const activity = result.activities[0]!;
    expect(activity.title).toEqual({ en: 'XM-TEST-1' });
    expect(activity.recipientCountries).toEqual([{ code: 'KE', percentage: '33.330' }]);
    expect(activity.transactions[0]).toMatchObject({ value: '0012345678901234567890.120', currency: 'XOF' });
    // Tags come first, then sectors of the SDG vocabularies.
    expect(activity.sdgGoals).toEqual(['4', '7']);
    expect(activity.sdgTargets).toEqual(['4.a', '4.1']);
  });

  it('reads the South-South extension under any prefix bound to its namespace', async () => {
    const body = `<title><narrative>T</narrative></title><description><narrative>Text</narrative></description>
  <participating-org role="1" ref="XM-A" x:role="first-provider"/>
  <participating-org role="4" ref="XM-B" x:role="recipient"/>
  <activity-status code="2"/>
  <activity-date type="2" iso-date="2020-01-01"/>
  <x:south-south cooperation-type="triangular"><x:modality code="training-course"/><x:theme code="health" percentage="60.5"/></x:south-south>`;
    const result = await readIatiFile(file('', body, ' xmlns:x="urn:southbridge:iati:south-south:1"'));
    const activity = result.activities[0]!;
    expect(activity.participants.map((each) => each.southSouthRole)).toEqual(['first-provider', 'recipient']);
    expect(activity.southSouth).toEqual({
      cooperationType: 'triangular',
      modalities: ['training-course'],
      themes: [{ id: 'health', percentage: '60.5' }],
    });
  });

  it('refuses an activity whose South-South values are not in the extension', async () => {
    const body = `<title><narrative>T</narrative></title><description><narrative>Text</narrative></description>
  <participating-org role="1" ref="XM-A" ssc:role="donor"/>
  <activity-status code="2"/>
  <activity-date type="2" iso-date="2020-01-01"/>
  <ssc:south-south cooperation-type="multilateral"/>`;
    const result = await readIatiFile(file('', body, ' xmlns:ssc="urn:southbridge:iati:south-south:1"'));
    expect(result.activities).toEqual([]);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0]!.issues.map((each) => each.field)).toEqual([
      'participating-org/@ssc:role',
      'ssc:south-south/@cooperation-type',
    ]);
  });

  it('reads a 2.01 file against the 2.02 schema, with the same mapping', async () => {
    const xml = file('', `<title><narrative>Old</narrative></title>${REQUIRED_AFTER_TITLE}`).replace(
      'version="2.03"',
      'version="2.01"',
    );
    const result = await readIatiFile(xml);
    expect(result.fileIssues).toEqual([]);
    expect(result.version).toBe('2.01');
    expect(result.activities[0]).toMatchObject({ version: '2.01', dates: { actualStart: '2020-01-01' } });
  });
});
