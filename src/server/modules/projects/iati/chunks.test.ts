import { describe, expect, it } from 'vitest';
import { readIatiChunks, readIatiFile } from './read.js';
import { repeatActivity } from './synthetic.js';
import { readFixture } from './test-support.js';
import type { IatiReadResult } from './types.js';

const EXAMPLE = readFixture('examples/activity-standard-example-annotated.xml');
const BROKEN = 11;
const XML = repeatActivity(EXAMPLE, 25, (activity, index) =>
  index === BROKEN ? activity.replace('<activity-status code="2" />', '') : activity,
);

async function collect(chunks: AsyncIterable<IatiReadResult>): Promise<IatiReadResult[]> {
  const results: IatiReadResult[] = [];
  for await (const chunk of chunks) results.push(chunk);
  return results;
}

describe('reading a large file in chunks', () => {
  it('gives the same activities, refusals and lines as reading the whole file', async () => {
    const whole = await readIatiFile(XML);
    expect(whole.total).toBe(25);
    expect(whole.activities).toHaveLength(24);
    expect(whole.refused).toHaveLength(1);

    const chunks = await collect(readIatiChunks(XML, { chunkSize: 10 }));
    expect(chunks.map((each) => each.total)).toEqual([10, 10, 5]);
    expect(chunks.flatMap((each) => each.fileIssues)).toEqual([]);
    expect(chunks.flatMap((each) => each.activities)).toEqual(whole.activities);
    expect(chunks.flatMap((each) => each.refused)).toEqual(whole.refused);
  });

  it('keeps the line numbers of the original file in issues', async () => {
    const chunks = await collect(readIatiChunks(XML, { chunkSize: 4 }));
    const [refused] = chunks.flatMap((each) => each.refused);
    expect(refused!.identifier).toBe('AA-AAA-123456789-ABC123-000012');
    const lines = XML.split('\n');
    expect(lines[refused!.line - 1]).toContain('<iati-activity ');
    const issue = refused!.issues[0]!;
    expect(issue.field).toBe('activity-date');
    expect(lines[issue.line! - 1]).toContain('<activity-date');
    expect(issue.line).toBeGreaterThan(refused!.line);
  });

  it('yields one refused result for a file refused before validation', async () => {
    const chunks = await collect(readIatiChunks(`<!DOCTYPE x>${XML}`, { chunkSize: 4 }));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.fileIssues[0]!.field).toBe('DOCTYPE');
  });
});
