import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';
import { ANONYMOUS } from '../access/policy.js';
import { importSolutions, readImportFile } from './import.js';

const ADMIN = { userId: 'test', role: 'admin' as const, organisationId: null, workingGroupIds: [] };
const csv = readFileSync(
  join(import.meta.dirname, '../../../../tests/fixtures/solutions-import.csv'),
  'utf8',
);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe(`importing solutions (${engineName})`, () => {
  it('reports every invalid row by number and field, and imports the valid ones', async () => {
    const report = await importSolutions(t.services.lifecycle, ADMIN, readImportFile(csv, 'csv'), {
      publish: true,
    });
    expect(report.created).toBe(2);
    expect(report.invalid).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: 'title' }),
        expect.objectContaining({ row: 3, field: 'countries.0' }),
        expect.objectContaining({ row: 4, field: 'sdgTargets.0' }),
      ]),
    );
    expect(new Set(report.invalid.map((p) => p.row))).toEqual(new Set([3, 4]));
  });

  it('marks themes and SDG targets it inferred', async () => {
    const { body } = await t.json('/api/v1/solutions/mobile-money-for-smallholder-farmers');
    expect(body.status).toBe('published');
    expect(body.inferred).toEqual({ themes: true, sdgTargets: true });
    expect(body.themes.length).toBeGreaterThan(0);
    const found = await t.json(`/api/v1/search?q=${encodeURIComponent('cảnh báo sớm lũ lụt')}&limit=5`);
    const item = found.body.items.find((i: { title: string }) => i.title === 'Hệ thống cảnh báo sớm lũ lụt');
    expect(item.originalLanguage).toBe('vi');
  });

  it('is idempotent: importing again changes nothing, and a changed row is updated', async () => {
    const again = await importSolutions(t.services.lifecycle, ADMIN, readImportFile(csv, 'csv'));
    expect([again.created, again.updated, again.unchanged]).toEqual([0, 0, 2]);
    const changed = readImportFile(
      csv.replace('Farmers receive payments', 'Smallholders receive payments'),
      'csv',
    );
    const third = await importSolutions(t.services.lifecycle, ADMIN, changed);
    expect([third.created, third.updated, third.unchanged]).toEqual([0, 1, 1]);
  });

  it('reads JSON arrays with list fields, and reports unknown references by field', async () => {
    const report = await importSolutions(t.services.lifecycle, ADMIN, [
      {
        title: 'Solar irrigation pumps',
        summary: 'Farmers share solar pumps.',
        language: 'en',
        countries: ['IND'],
        provider: 'unossc',
      },
      { title: 'Unknown provider', summary: 'x', language: 'en', countries: ['IND'], provider: 'nobody' },
    ]);
    expect(report.created).toBe(1);
    expect(report.invalid).toEqual([
      { row: 2, field: 'provider.0', message: 'unknown organisation "nobody"' },
    ]);
  });

  it('validates without writing in a dry run', async () => {
    const before = (await t.services.solutions.list(ADMIN, { lang: 'en', limit: 1 })).total;
    await importSolutions(
      t.services.lifecycle,
      ADMIN,
      [
        {
          title: 'Dry run only',
          summary: 'Nothing is written.',
          language: 'en',
          countries: ['IND'],
          provider: 'unossc',
        },
      ],
      { dryRun: true },
    );
    expect((await t.services.solutions.list(ADMIN, { lang: 'en', limit: 1 })).total).toBe(before);
  });
});

describe(`exporting solutions (${engineName})`, () => {
  it('exports the filtered list as CSV with every matching row', async () => {
    const response = await t.request('/api/v1/solutions/export?format=csv&theme=health');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const text = (await response.text()).replace(/^\uFEFF/, '');
    const lines = text.trim().split('\n');
    expect(lines[0]).toContain('title');
    const total = (await t.services.solutions.list(ANONYMOUS, { lang: 'en', limit: 1, theme: ['health'] }))
      .total;
    expect(readImportFile(text, 'csv')).toHaveLength(total);
  });

  it('exports XLSX that a spreadsheet library reads back', async () => {
    const response = await t.request('/api/v1/solutions/export?format=xlsx&lang=zh');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('solutions')!;
    const total = (await t.services.solutions.list(ANONYMOUS, { lang: 'zh', limit: 1 })).total;
    expect(sheet.rowCount).toBe(total + 1);
    expect(sheet.getRow(1).getCell(3).value).toBe('title');
  });

  it('rejects an unknown format naming it', async () => {
    const { status, body } = await t.json('/api/v1/solutions/export?format=pdf');
    expect(status).toBe(400);
    expect(body.errors[0].field).toBe('query.format');
  });
});

describe(`exporting other lists (${engineName})`, () => {
  it.each([
    ['/api/v1/organisations/export?format=csv&compact=observer', '/api/v1/organisations?compact=observer'],
    ['/api/v1/events/export?format=csv&kind=conference', '/api/v1/events?kind=conference'],
  ])('%s holds every row of the filtered list', async (exportPath, listPath) => {
    const response = await t.request(exportPath);
    expect(response.status).toBe(200);
    const rows = readImportFile((await response.text()).replace(/^\uFEFF/, ''), 'csv');
    expect(rows).toHaveLength((await t.json(listPath)).body.total);
    expect(rows.length).toBeGreaterThan(0);
  });
});
