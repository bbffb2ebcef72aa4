import { describe, expect, it } from 'vitest';
import { readIatiFile } from './read.js';
import { countActivityTags, mapLimit, readFixture, xmlFilesUnder } from './test-support.js';

// IATI's schema tests declare the placeholder version "xx": they are the tests of the 2.03 schema,
// so the placeholder is read as 2.03. (A real file declaring "xx" is refused; see guard.test.ts.)
function as203(xml: string): string {
  return xml.replace(/(<iati-activities\b[^>]*?\bversion=)(["'])xx\2/, '$1$22.03$2');
}

const SUITE = 'schema-tests-2.03';
const PASS_DIRS = [`${SUITE}/activity-tests/should-pass`, `${SUITE}/should-pass/iati-activities`];
const FAIL_DIRS = [`${SUITE}/activity-tests/should-fail`, `${SUITE}/should-fail/iati-activities`];
const CONCURRENCY = 4;

describe('the IATI 2.03 schema test suite', () => {
  it.each(PASS_DIRS)('reads every file of %s with no issue', { timeout: 180_000 }, async (dir) => {
    const files = xmlFilesUnder(dir);
    expect(files.length).toBeGreaterThan(0);
    const broken = await mapLimit(files, CONCURRENCY, async (file) => {
      const xml = as203(readFixture(file));
      const result = await readIatiFile(xml);
      const expected = countActivityTags(xml);
      const problems = [...result.fileIssues, ...result.refused.flatMap((each) => each.issues)];
      if (problems.length > 0) return `${file}: ${problems.map((each) => each.message).join(' | ')}`;
      if (result.activities.length !== expected || result.total !== expected) {
        return `${file}: read ${result.activities.length} of ${expected} activities`;
      }
      return null;
    });
    expect(broken.filter((each) => each !== null)).toEqual([]);
  });

  it.each(FAIL_DIRS)('refuses every file of %s with a located issue', { timeout: 180_000 }, async (dir) => {
    const files = xmlFilesUnder(dir);
    expect(files.length).toBeGreaterThan(0);
    const broken = await mapLimit(files, CONCURRENCY, async (file) => {
      const result = await readIatiFile(as203(readFixture(file)));
      const issues = [...result.fileIssues, ...result.refused.flatMap((each) => each.issues)];
      if (issues.length === 0) return `${file}: accepted`;
      if (issues.some((each) => each.message.trim() === '')) return `${file}: an issue has no message`;
      if (!issues.some((each) => each.line !== null)) return `${file}: no issue has a line`;
      if (result.fileIssues.length > 0 && result.activities.length > 0) {
        return `${file}: took activities from a file with a file issue`;
      }
      return null;
    });
    expect(broken.filter((each) => each !== null)).toEqual([]);
  });

  it('counts the files the suite has: 215 should-pass and 323 should-fail', () => {
    expect(PASS_DIRS.flatMap(xmlFilesUnder)).toHaveLength(215);
    expect(FAIL_DIRS.flatMap(xmlFilesUnder)).toHaveLength(323);
  });
});
