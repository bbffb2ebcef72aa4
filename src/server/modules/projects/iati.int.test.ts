import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../../../tests/support/accounts.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';
import { importIatiCommand } from '../../cli/import-iati.js';
import { rowsOf } from '../../db/client.js';
import { SYSTEM } from '../access/policy.js';
import { readIatiFile } from './iati/read.js';
import { addTo, fixturesDir, mapLimit, rawTotals, readFixture, xmlFilesUnder } from './iati/test-support.js';
import { validateIatiXml } from './iati/validate.js';

let t: TestApp;
let member: TestAccount;

const REAL = 'real-un-publishers';
const REAL_FILES = readdirSync(join(fixturesDir, REAL)).filter((name) => name.endsWith('.xml'));
const REAL_203 = REAL_FILES.filter((name) => name.includes('-2.03-'));

const count = async (table: 'projects' | 'project_transactions') =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!
    .n;

/** Transaction totals per currency and type in the database, for the projects imported from `file`. */
async function storedTotals(file: string): Promise<Map<string, bigint>> {
  const rows = rowsOf<{ currency: string; type: string; total: string }>(
    await t.database.db.execute(sql`SELECT t.currency, t.type, sum(t.amount)::text AS total
      FROM project_transactions t JOIN projects p ON p.id = t.project_id
      WHERE p.source->>'file' = ${file} GROUP BY t.currency, t.type`),
  );
  const totals = new Map<string, bigint>();
  for (const row of rows) addTo(totals, `${row.currency} type ${row.type}`, row.total);
  return totals;
}

/** Posts an XML body to the import endpoint. */
async function upload(xml: string, as: TestAccount | null, type = 'application/xml') {
  const response = await t.request('/api/v1/projects/import', {
    method: 'POST',
    headers: { 'content-type': type, ...(as ? { cookie: as.cookie } : {}) },
    body: xml,
  });
  return { status: response.status, body: await response.json() };
}

/** A minimal valid 2.03 activity file. */
function activityFile(activities: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2026-12-01T00:00:00Z">
${activities.join('\n')}
</iati-activities>`;
}

function activity(id: string, reporting: string, transaction: string): string {
  return `<iati-activity default-currency="USD" xml:lang="en">
  <iati-identifier>${id}</iati-identifier>
  <reporting-org ref="${reporting}" type="10"><narrative>${reporting}</narrative></reporting-org>
  <title><narrative>Activity ${id}</narrative></title>
  <description><narrative>Test activity ${id}.</narrative></description>
  <participating-org role="1" ref="${reporting}" type="10"><narrative>${reporting}</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2026-01-01"/>
  <recipient-country code="KE"/>
  ${transaction}
</iati-activity>`;
}

beforeAll(async () => {
  t = await createTestApp();
  const [org] = (await t.services.organisations.list(SYSTEM, { limit: 1 } as never)).items;
  member = await createAccount(t, 'member', { organisationId: org!.id });
});
afterAll(() => t.close());

/** Empties the projects table, with the demo funding that points at projects. */
async function clearProjects() {
  await t.database.db.execute(sql`DELETE FROM fund_allocations`);
  await t.database.db.execute(sql`DELETE FROM contributions WHERE project_id IS NOT NULL`);
  await t.database.db.execute(sql`DELETE FROM projects`);
}

describe(`IATI import and export (${engineName})`, () => {
  it('imports every activity file of the IATI schema suite that should pass', {
    timeout: 600_000,
  }, async () => {
    const files = [
      ...xmlFilesUnder('schema-tests-2.03/activity-tests/should-pass'),
      ...xmlFilesUnder('schema-tests-2.03/should-pass/iati-activities'),
    ];
    expect(files).toHaveLength(215);
    const failures: string[] = [];
    // The suite's files declare version "xx": the schema checks structure, not the version.
    const reads = await mapLimit(files, 2, async (file) =>
      readIatiFile(readFixture(file).replace(/(<iati-activities[^>]*\bversion=")xx(")/, '$12.03$2')),
    );
    for (const [index, file] of files.entries()) {
      const read = reads[index]!;
      const stored = await t.services.iatiImport.importActivities({ viewer: SYSTEM }, file, read.activities);
      if (read.fileIssues.length || read.refused.length || stored.refused.length)
        failures.push(`${file}: ${JSON.stringify([read.fileIssues, read.refused, stored.refused])}`);
      else if (stored.created + stored.updated !== read.total)
        failures.push(`${file}: ${stored.created + stored.updated} of ${read.total} stored`);
    }
    expect(failures.join('\n')).toBe('');
    await clearProjects();
  });

  it('imports the real UN files over HTTP with counts and totals that match the files, idempotently', async () => {
    await clearProjects();
    expect((await upload(readFixture(`${REAL}/${REAL_203[0]}`), member)).status).toBe(403);
    expect((await upload(readFixture(`${REAL}/${REAL_203[0]}`), null)).status).toBe(401);
    const staff = await t.staff();
    let created = 0;
    let refused = 0;
    for (const name of REAL_FILES) {
      const xml = readFixture(`${REAL}/${name}`);
      const form = new FormData();
      form.set('file', new File([xml], name, { type: 'text/xml' }));
      const response = await t.request('/api/v1/projects/import', {
        method: 'POST',
        headers: { cookie: staff.cookie },
        body: form,
      });
      const report = await response.json();
      if (name === 'unicef-iati-2.02-sample.xml') {
        // Every activity of this file lacks a required @code: nothing is taken, each is named.
        expect(response.status).toBe(200);
        expect(report.created).toBe(0);
        expect(report.refused).toHaveLength(5);
        expect(report.refused[0].issues[0]).toMatchObject({ field: 'recipient-country/@code' });
      } else expect(response.status, JSON.stringify(report)).toBe(200);
      expect(report.file).toBe(name);
      expect(report.created + report.refused.length).toBe(report.total);
      created += report.created;
      refused += report.refused.length;
      if (name.includes('-2.03-')) {
        expect(report.refused).toEqual([]);
        expect(await storedTotals(name)).toEqual(rawTotals(xml).totals);
      }
    }
    expect(created + refused).toBe(65);
    expect(refused).toBe(7);
    expect(await count('projects')).toBe(created);
    const transactions = await count('project_transactions');

    // Importing the same files again replaces each project: nothing is added or counted twice.
    const again = await upload(readFixture(`${REAL}/${REAL_203[0]}`), staff);
    expect(again.body.created).toBe(0);
    expect(again.body.updated).toBe(again.body.total);
    expect(await count('projects')).toBe(created);
    expect(await count('project_transactions')).toBe(transactions);
  });

  it('exports valid IATI 2.03 that reads back to the same activities and totals', async () => {
    const all = await t.request('/api/v1/projects/iati.xml');
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toContain('application/xml');
    const xml = await all.text();
    const errors = await validateIatiXml(xml, '2.03');
    expect(errors.map((e) => `${e.line}: ${e.message} | ${xml.split('\n')[(e.line ?? 1) - 1]}`)).toEqual([]);
    const reread = await readIatiFile(xml);
    expect(reread.refused).toEqual([]);
    expect(reread.activities).toHaveLength(await count('projects'));
    for (const name of REAL_203) {
      const source = await readIatiFile(readFixture(`${REAL}/${name}`));
      const ids = new Set(source.activities.map((a) => a.identifier));
      const back = reread.activities.filter((a) => ids.has(a.identifier));
      expect(back).toHaveLength(ids.size);
      const sum = (activities: typeof back) => {
        const totals = new Map<string, bigint>();
        for (const a of activities)
          for (const tr of a.transactions) addTo(totals, `${tr.currency} ${tr.type}`, tr.value);
        return totals;
      };
      expect(sum(back)).toEqual(sum(source.activities));
    }
    const one = reread.activities[0]!;
    const filtered = await t.request(
      `/api/v1/projects/iati.xml?identifier=${encodeURIComponent(one.identifier)}`,
    );
    const single = await readIatiFile(await filtered.text());
    expect(single.activities.map((a) => a.identifier)).toEqual([one.identifier]);
    const byCountry = await readIatiFile(
      await (await t.request('/api/v1/projects/iati.xml?country=MDG')).text(),
    );
    expect(byCountry.activities.length).toBeGreaterThan(0);
    expect(byCountry.activities.every((a) => a.recipientCountries.some((c) => c.code === 'MG'))).toBe(true);
  });

  it('keeps South-South roles and the marker through a round trip in the namespaced extension', async () => {
    const created = await t.send('POST', '/api/v1/projects', {
      language: 'fr',
      identifier: 'XM-SOUTHBRIDGE-TEST-SSC-1',
      title: 'Coopération triangulaire en irrigation',
      description: 'Formation de techniciens en irrigation goutte-à-goutte.',
      participants: [
        { name: 'Ministère de l’Agriculture du Sénégal', role: '4', southSouthRole: 'recipient' },
        { name: 'Agence brésilienne de coopération', role: '1', southSouthRole: 'first-provider' },
        { name: 'Agence japonaise', role: '1', southSouthRole: 'second-provider' },
      ],
      countries: [{ iso3: 'SEN', percentage: null }],
      themes: [{ id: 'agriculture-food-security', percentage: null }],
      modalities: ['training-course'],
      cooperationType: 'triangular',
      status: '2',
      dates: { plannedStart: '2026-01-01', plannedEnd: '2027-06-30' },
      transactions: [{ type: '3', date: '2026-03-01', amount: '1500.50', currency: 'USD' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const xml = await (
      await t.request('/api/v1/projects/iati.xml?identifier=XM-SOUTHBRIDGE-TEST-SSC-1')
    ).text();
    expect(xml).toContain('urn:southbridge:iati:south-south:1');
    const errors = await validateIatiXml(xml, '2.03');
    expect(errors.map((e) => `${e.line}: ${e.message} | ${xml.split('\n')[(e.line ?? 1) - 1]}`)).toEqual([]);
    const [back] = (await readIatiFile(xml)).activities;
    expect(back!.participants.map((p) => p.southSouthRole)).toEqual([
      'recipient',
      'first-provider',
      'second-provider',
    ]);
    expect(back!.southSouth).toEqual({
      cooperationType: 'triangular',
      modalities: ['training-course'],
      themes: [{ id: 'agriculture-food-security', percentage: null }],
    });
    expect(back!.recipientCountries).toEqual([{ code: 'SN', percentage: null }]);
    expect(back!.transactions[0]).toMatchObject({ value: '1500.50', currency: 'USD', type: '3' });
  });

  it('never counts twice a flow that the funder and the recipient both report', async () => {
    const staff = await t.staff();
    // The recipient's file comes first: the link is made when the funder's arrives.
    const recipient = activity(
      'XM-TEST-RECIPIENT-1',
      'XM-TEST-RECIPIENT',
      `<transaction><transaction-type code="1"/><transaction-date iso-date="2026-02-03"/><value value-date="2026-02-03">250000</value>
       <provider-org provider-activity-id="XM-TEST-FUNDER-1" ref="XM-TEST-FUNDER"><narrative>Funder</narrative></provider-org></transaction>`,
    );
    const funder = activity(
      'XM-TEST-FUNDER-1',
      'XM-TEST-FUNDER',
      `<transaction><transaction-type code="3"/><transaction-date iso-date="2026-02-01"/><value value-date="2026-02-01">250000</value>
       <receiver-org receiver-activity-id="XM-TEST-RECIPIENT-1" ref="XM-TEST-RECIPIENT"><narrative>Recipient</narrative></receiver-org></transaction>`,
    );
    expect((await upload(activityFile([recipient]), staff)).body.created).toBe(1);
    expect((await upload(activityFile([funder]), staff)).body.created).toBe(1);
    const received = await t.json('/api/v1/projects/XM-TEST-RECIPIENT-1');
    expect(received.body.transactions[0]).toMatchObject({ amount: '250000', countedElsewhere: true });
    const given = await t.json('/api/v1/projects/XM-TEST-FUNDER-1');
    expect(given.body.transactions[0]).toMatchObject({ amount: '250000', countedElsewhere: false });
    // Re-importing the recipient keeps the link; the flow still counts once across both projects.
    await upload(activityFile([recipient]), staff);
    const [row] = rowsOf<{ counted: string }>(
      await t.database.db.execute(sql`SELECT sum(t.amount)::text AS counted FROM project_transactions t
        JOIN projects p ON p.id = t.project_id
        WHERE p.iati_identifier LIKE 'XM-TEST-%' AND t.counterpart_id IS NULL`),
    );
    expect(row!.counted).toBe('250000');
  });

  it('refuses an identifier another organisation reports, and duplicates in one file', async () => {
    const staff = await t.staff();
    const report = await upload(
      activityFile([
        activity('XM-TEST-FUNDER-1', 'XM-OTHER-PUBLISHER', ''),
        activity('XM-TEST-NEW-1', 'XM-OTHER-PUBLISHER', ''),
        activity('XM-TEST-NEW-1', 'XM-OTHER-PUBLISHER', ''),
      ]),
      staff,
    );
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ total: 3, created: 1, updated: 0 });
    expect(
      report.body.refused.map((r: { issues: Array<{ message: string }> }) => r.issues[0]!.message),
    ).toEqual([
      expect.stringContaining('already reported by XM-TEST-FUNDER'),
      expect.stringContaining('appears twice'),
    ]);
    expect((await t.json('/api/v1/projects/XM-TEST-FUNDER-1')).body.reportingOrg.ref).toBe('XM-TEST-FUNDER');
  });

  it('refuses XML attacks, other content and oversized files with a clear error, writing nothing', async () => {
    const staff = await t.staff();
    const before = await count('projects');
    const xxe = await upload(
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${activityFile([]).replace(/^<\?xml[^>]*>/, '')}`,
      staff,
    );
    expect(xxe.status).toBe(422);
    expect(xxe.body.errors[0]).toMatchObject({ field: 'body.file' });
    expect(xxe.body.errors[0].message).toMatch(/DOCTYPE/);
    const laughs = await upload(
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><iati-activities version="2.03">&lol2;</iati-activities>`,
      staff,
    );
    expect(laughs.status).toBe(422);
    const notXml = await upload('id,title\n1,Not XML', staff);
    expect(notXml.status).toBe(422);
    expect((await upload('{}', staff, 'application/json')).status).toBe(415);
    const huge = await t.request('/api/v1/projects/import', {
      method: 'POST',
      headers: {
        'content-type': 'application/xml',
        cookie: staff.cookie,
        'content-length': String(60 * 1024 * 1024),
      },
      body: 'x',
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).errors[0].field).toBe('body.file');
    expect(await count('projects')).toBe(before);
  });

  it('imports from the command line and reports refused activities', async () => {
    const files = ['fao-iati-2.02-sample.xml', 'unicef-iati-2.02-sample.xml'].map((name) =>
      join(fixturesDir, REAL, name),
    );
    const logged: string[] = [];
    const log = console.log;
    console.log = (line: string) => logged.push(line);
    try {
      expect(await importIatiCommand(t.services, files)).toBe(1);
    } finally {
      console.log = log;
    }
    expect(logged.join('\n')).toMatch(
      /fao-iati-2\.02-sample\.xml \(IATI 2\.02\): 5 activities, 0 created, 5 updated, 0 refused/,
    );
    expect(logged.join('\n')).toMatch(/unicef-iati-2\.02-sample\.xml .* 5 refused/);
    expect(logged.join('\n')).toMatch(/line \d+, recipient-country\/@code/);
  });
});
