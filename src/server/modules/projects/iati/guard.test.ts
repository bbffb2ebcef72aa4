import { describe, expect, it } from 'vitest';
import { guardIatiInput } from './guard.js';
import { readIatiFile } from './read.js';
import { readFixture } from './test-support.js';
import type { IatiReadResult } from './types.js';

const EXAMPLE = readFixture('examples/activity-standard-example-annotated.xml');

/** The file is refused as a whole: one clear file issue, no activity taken. */
function expectRefusedFile(result: IatiReadResult, message: RegExp): void {
  expect(result.activities).toEqual([]);
  expect(result.refused).toEqual([]);
  expect(result.fileIssues.length).toBeGreaterThan(0);
  expect(result.fileIssues.map((each) => each.message).join('\n')).toMatch(message);
}

describe('refusing unsafe or unusable input', () => {
  it('refuses a DOCTYPE with an external entity (XXE) before parsing', async () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE iati-activities [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<iati-activities version="2.03"><iati-activity><iati-identifier>&xxe;</iati-identifier></iati-activity></iati-activities>`;
    const result = await readIatiFile(xml);
    expectRefusedFile(result, /declares a DOCTYPE.*external entity/);
    expect(result.fileIssues[0]).toMatchObject({ line: 2, field: 'DOCTYPE' });
    expect(JSON.stringify(result)).not.toContain('root:');
  });

  it('refuses a billion-laughs file', async () => {
    const entities = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('\n');
    const xml = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol0 "lol">
${entities}]>
<iati-activities version="2.03"><iati-activity><iati-identifier>&lol9;</iati-identifier></iati-activity></iati-activities>`;
    expectRefusedFile(await readIatiFile(xml), /entity-expansion attack/);
  });

  it('refuses an ENTITY declaration even without a DOCTYPE', async () => {
    const result = await readIatiFile('<iati-activities version="2.03"><!ENTITY a "b"></iati-activities>');
    expectRefusedFile(result, /declares an ENTITY/);
  });

  it('refuses a file over the size limit', async () => {
    const result = await readIatiFile(EXAMPLE, { maxBytes: 10_000 });
    expectRefusedFile(result, /over the limit of 10000 bytes/);
    expect(guardIatiInput(EXAMPLE, { maxBytes: 100_000 }).ok).toBe(true);
  });

  it('refuses files that are not XML text', async () => {
    const pdf = new Uint8Array([
      0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0xe2, 0xe3, 0xcf, 0xd3, 0x00,
    ]);
    expectRefusedFile(await readIatiFile(pdf), /not valid UTF-8/);
    expectRefusedFile(await readIatiFile('%PDF-1.4\n\u0000\u0001 binary'), /control character U\+0000/);
    expectRefusedFile(await readIatiFile('identifier,title\nXM-1,Water\n'), /not XML/);
    expectRefusedFile(await readIatiFile(new Uint8Array([0xff, 0xfe, 0x3c, 0x00])), /UTF-16/);
    expectRefusedFile(
      await readIatiFile('<?xml version="1.0" encoding="ISO-8859-1"?>\n<iati-activities version="2.03"/>'),
      /encoding "ISO-8859-1"/,
    );
  });

  it('reads UTF-8 bytes, with or without a byte-order mark', async () => {
    const bytes = new TextEncoder().encode(`\uFEFF${EXAMPLE}`);
    const result = await readIatiFile(bytes);
    expect(result.fileIssues).toEqual([]);
    expect(result.activities[0]!.title.fr).toBe("Titre de l'activité");
  });

  it('refuses malformed XML as a whole, with the line libxml2 gives', async () => {
    const xml = EXAMPLE.replace('<activity-status code="2" />', '<activity-status code="2">');
    const result = await readIatiFile(xml);
    expectRefusedFile(result, /not well-formed XML/);
    expect(result.fileIssues.every((each) => typeof each.line === 'number')).toBe(true);
    expect(result.total).toBe(1);
  });

  it('refuses a file whose root is not iati-activities', async () => {
    expectRefusedFile(
      await readIatiFile('<?xml version="1.0"?>\n<iati-organisations version="2.03"></iati-organisations>'),
      /root element is <iati-organisations>.*organisation file/,
    );
    expectRefusedFile(await readIatiFile('<html><body>Not IATI</body></html>'), /not an IATI activity file/);
  });

  it('refuses a file with no version, or a version it does not read', async () => {
    const withVersion = (version: string) => EXAMPLE.replace('version="2.03"', version);
    expectRefusedFile(await readIatiFile(withVersion('')), /declares no IATI version/);
    expectRefusedFile(
      await readIatiFile(withVersion('version="xx"')),
      /version "xx", which this reader does not take/,
    );
    expectRefusedFile(await readIatiFile(withVersion('version="1.05"')), /IATI 1\.x is retired/);
  });
});
