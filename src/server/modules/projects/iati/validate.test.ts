import { describe, expect, it } from 'vitest';
import { parseXmllintOutput } from './validate.js';

describe('reading libxml2 messages', () => {
  it('reads schema errors in the current and the older format, with line and field', () => {
    const output = [
      "activities.xml:16: Schemas validity error : Element 'description', attribute 'foo': The attribute 'foo' is not allowed.",
      "activities.xml:62: Schemas validity error : Element 'recipient-country': The attribute 'code' is required but missing.",
      "file.xml:12: element title: Schemas validity error : Element 'title': Missing child element(s). Expected is ( narrative ).",
      'activities.xml fails to validate',
    ].join('\n');
    expect(parseXmllintOutput(output)).toEqual([
      {
        kind: 'schema',
        line: 16,
        field: 'description/@foo',
        message: "Element 'description', attribute 'foo': The attribute 'foo' is not allowed.",
      },
      {
        kind: 'schema',
        line: 62,
        field: 'recipient-country/@code',
        message: "Element 'recipient-country': The attribute 'code' is required but missing.",
      },
      {
        kind: 'schema',
        line: 12,
        field: 'title',
        message: "Element 'title': Missing child element(s). Expected is ( narrative ).",
      },
    ]);
  });

  it('reads parser errors and skips their context lines', () => {
    const output =
      'activities.xml:4: parser error : Opening and ending tag mismatch: foo line 4 and bar\n<foo></bar>\n           ^\n';
    expect(parseXmllintOutput(output)).toEqual([
      {
        kind: 'parser',
        line: 4,
        field: 'file',
        message: 'Opening and ending tag mismatch: foo line 4 and bar',
      },
    ]);
  });
});
