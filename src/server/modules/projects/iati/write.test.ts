import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIatiFile } from './read.js';
import { fixturesDir, readFixture } from './test-support.js';
import type { IatiActivity } from './types.js';
import { validateIatiXml } from './validate.js';
import { toIatiXml } from './write.js';

const generatedAt = new Date('2026-01-15T10:00:00.000Z');
const SOURCES = [
  'examples/activity-standard-example-annotated.xml',
  ...readdirSync(join(fixturesDir, 'real-un-publishers'))
    .filter((name) => name.includes('-2.03-'))
    .map((name) => `real-un-publishers/${name}`),
];

/** The mapped fields: everything but the line, which says where an activity was in its own file. */
function fields(activities: IatiActivity[]): Array<Omit<IatiActivity, 'line'>> {
  return activities.map(({ line: _line, ...rest }) => rest);
}

async function roundTrip(activities: IatiActivity[]): Promise<{ xml: string; again: IatiActivity[] }> {
  const xml = toIatiXml(activities, { generatedAt });
  expect(await validateIatiXml(xml, '2.03')).toEqual([]);
  const result = await readIatiFile(xml);
  expect(result.fileIssues).toEqual([]);
  expect(result.refused).toEqual([]);
  return { xml, again: result.activities };
}

describe('writing IATI 2.03 XML', () => {
  it.each(SOURCES)('%s: the output validates and reads back to the same activities', async (source) => {
    const { activities } = await readIatiFile(readFixture(source));
    expect(activities.length).toBeGreaterThan(0);
    const { xml, again } = await roundTrip(activities);
    expect(fields(again)).toEqual(fields(activities));
    expect(xml).not.toContain('xmlns:ssc');
  });

  it('writes and reads back the South-South roles and marker', async () => {
    const [activity] = (await readIatiFile(readFixture(SOURCES[0]!))).activities;
    const southSouth: IatiActivity = {
      ...activity!,
      participants: activity!.participants.map((each, index) => ({
        ...each,
        southSouthRole: (['first-provider', 'second-provider', 'facilitator'] as const)[index] ?? null,
      })),
      southSouth: {
        cooperationType: 'triangular',
        modalities: ['expert-deployment', 'training-course'],
        themes: [
          { id: 'health', percentage: '62.5' },
          { id: 'water', percentage: null },
        ],
      },
    };
    const { xml, again } = await roundTrip([southSouth]);
    expect(xml).toContain('xmlns:ssc="urn:southbridge:iati:south-south:1"');
    expect(xml).toContain('<ssc:south-south cooperation-type="triangular">');
    expect(xml).toContain('ssc:role="first-provider"');
    expect(fields(again)).toEqual(fields([southSouth]));
  });

  it('escapes text and attributes, and marks only the narratives not in the activity language', async () => {
    const [activity] = (await readIatiFile(readFixture(SOURCES[0]!))).activities;
    const tricky: IatiActivity = {
      ...activity!,
      identifier: 'XM-TEST-<1>&"2"',
      language: 'fr',
      title: { fr: 'Eau & assainissement <phase 2>', zh: '水与卫生 "二期"', ar: 'المياه' },
      sdgGoals: ['6'],
      sdgTargets: ['6.1', '6.b'],
      participants: activity!.participants.map((each) => ({ ...each, name: { fr: "L'agence\tA\nB" } })),
    };
    const { xml, again } = await roundTrip([tricky]);
    expect(xml).toContain('<iati-identifier>XM-TEST-&lt;1&gt;&amp;"2"</iati-identifier>');
    expect(xml).toContain('<narrative>Eau &amp; assainissement &lt;phase 2&gt;</narrative>');
    expect(xml).toContain('<narrative xml:lang="zh">水与卫生 "二期"</narrative>');
    expect(fields(again)).toEqual(fields([tricky]));
  });

  it('writes the root with the version and the generation time in whole seconds', () => {
    const xml = toIatiXml([], { generatedAt });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2026-01-15T10:00:00Z">\n</iati-activities>\n',
    );
  });
});
