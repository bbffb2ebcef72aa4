import { type GuardOptions, guardIatiInput } from './guard.js';
import { type ActivitySpan, countNewlines, type FileLayout, scanLayout } from './layout.js';
import { mapActivity } from './map.js';
import { extensionPrefixes } from './south-south.js';
import { attr, child, children, parseXml, text } from './tree.js';
import type { IatiIssue, IatiReadResult } from './types.js';
import { type IatiVersion, validateIatiXml, type XsdError } from './validate.js';

export type ReadOptions = GuardOptions;
export type ChunkOptions = ReadOptions & {
  /** Activities per chunk (default 1000): bounds the parse tree and each xmllint run. */
  chunkSize?: number;
};

type Prepared = { text: string; layout: FileLayout } | { result: IatiReadResult };

function refusedFile(fileIssues: IatiIssue[], version: string | null = null, total = 0): IatiReadResult {
  return { version, activities: [], refused: [], fileIssues, total };
}

/** Guard and layout: everything decided before xmllint or the parser see the text. */
function prepare(input: string | Uint8Array, options: ReadOptions): Prepared {
  const guarded = guardIatiInput(input, options);
  if (!guarded.ok) return { result: refusedFile(guarded.issues) };
  const layout = scanLayout(guarded.text);
  if ('issues' in layout) return { result: refusedFile(layout.issues) };
  return { text: guarded.text, layout };
}

/** The spans whose lines contain `line` (several only when activities share a line). */
function spansAt(spans: ActivitySpan[], line: number): number[] {
  let low = 0;
  let high = spans.length - 1;
  let last = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.line <= line) {
      last = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  const found: number[] = [];
  for (let i = last; i >= 0 && spans[i]!.endLine >= line; i--) found.push(i);
  return found;
}

function toIssue(error: XsdError, version: string): IatiIssue {
  const prefix =
    error.kind === 'parser'
      ? 'the file is not well-formed XML: '
      : error.kind === 'schema'
        ? `not valid against the IATI ${version === '2.03' ? '2.03' : '2.02'} schema: `
        : '';
  return { line: error.line, field: error.field, message: prefix + error.message };
}

type Part = { xml: string; spans: ActivitySpan[]; toLine: (line: number) => number };

/** XSD errors against the declared version, and against 2.03 when a 2.01/2.02 file had some. */
type Validation = { errors: XsdError[]; later?: XsdError[] };

/**
 * Validates against the declared version. Publishers of 2.01/2.02 files often use attributes that
 * 2.03 added (`default-aid-type/@vocabulary`, `budget-item/@vocabulary`); an activity invalid
 * against its declared version but valid against 2.03 is read, one invalid against both is refused.
 */
async function validatePart(xml: string, version: IatiVersion): Promise<Validation> {
  const errors = await validateIatiXml(xml, version);
  if (version === '2.03' || !errors.some((error) => error.kind === 'schema')) return { errors };
  return { errors, later: await validateIatiXml(xml, '2.03') };
}

/**
 * Parses and maps one piece of XML (the whole file, or a chunk re-wrapped in the root element)
 * given its XSD errors: `spans` are its activities, `toLine` turns the piece's lines into the file's.
 */
function finishPart(part: Part, layout: FileLayout, { errors, later }: Validation): IatiReadResult {
  const { xml, spans, toLine } = part;
  const fileIssues: IatiIssue[] = [];
  const activityIssues = new Map<number, IatiIssue[]>();
  // Activities of a 2.01/2.02 file that are valid against 2.03 use attributes added later: kept.
  const invalidLater = new Set(
    (later ?? []).flatMap((error) =>
      error.kind === 'schema' && error.line !== null ? spansAt(spans, toLine(error.line)) : [],
    ),
  );
  for (const error of errors) {
    const issue = toIssue(
      { ...error, line: error.line === null ? null : toLine(error.line) },
      layout.version,
    );
    const owners = error.kind === 'schema' && issue.line !== null ? spansAt(spans, issue.line) : [];
    if (owners.length === 0) fileIssues.push(issue);
    for (const owner of owners)
      if (!later || invalidLater.has(owner))
        activityIssues.set(owner, [...(activityIssues.get(owner) ?? []), issue]);
  }
  if (fileIssues.length > 0) return refusedFile(fileIssues, layout.version, spans.length);

  const root = child(parseXml(xml), 'iati-activities');
  const elements = children(root, 'iati-activity');
  if (elements.length !== spans.length) {
    return refusedFile(
      [
        {
          line: layout.rootLine,
          field: 'iati-activity',
          message: `found ${spans.length} <iati-activity> tags in the text but ${elements.length} activities in the XML tree; the file is refused rather than risk giving activities the wrong lines`,
        },
      ],
      layout.version,
      spans.length,
    );
  }
  const result: IatiReadResult = {
    version: layout.version,
    activities: [],
    refused: [],
    fileIssues: [],
    total: spans.length,
  };
  const fileLanguage = attr(root, 'xml:lang')?.toLowerCase() ?? null;
  const prefixes = extensionPrefixes(root);
  elements.forEach((element, index) => {
    const line = spans[index]!.line;
    const identifier = text(child(element, 'iati-identifier')) || null;
    const xsdIssues = activityIssues.get(index);
    if (xsdIssues) {
      result.refused.push({ identifier, line, issues: xsdIssues });
      return;
    }
    const mapped = mapActivity(element, {
      version: layout.version,
      line,
      fileLanguage,
      extensionPrefixes: prefixes,
    });
    if (mapped.issues.length > 0) result.refused.push({ identifier, line, issues: mapped.issues });
    else result.activities.push(mapped.activity);
  });
  return result;
}

/**
 * Reads an IATI activity file (2.01, 2.02 or 2.03): guard → declared version → XSD validation →
 * parse → mapping. An activity with any problem is refused whole, with all its issues; a problem
 * outside every activity (not XML, an attack, the wrong root, a bad root attribute) refuses the
 * file, and then no activity is taken.
 */
export async function readIatiFile(
  input: string | Uint8Array,
  options: ReadOptions = {},
): Promise<IatiReadResult> {
  const prepared = prepare(input, options);
  if ('result' in prepared) return prepared.result;
  const part = { xml: prepared.text, spans: prepared.layout.activities, toLine: (line: number) => line };
  return finishPart(part, prepared.layout, await validatePart(part.xml, prepared.layout.version));
}

/**
 * Reads a large file `chunkSize` activities at a time, so neither the parse tree nor xmllint ever
 * holds the whole file. Each chunk is re-wrapped in the original root start tag (attributes and
 * namespace declarations included) and its issues keep the file's line numbers. A file refused
 * before validation yields one result. A file issue found in a chunk (such as stray content between
 * activities) refuses only that chunk, so a caller importing in one transaction should check every
 * chunk's `fileIssues` before committing.
 */
export async function* readIatiChunks(
  input: string | Uint8Array,
  options: ChunkOptions = {},
): AsyncGenerator<IatiReadResult> {
  const prepared = prepare(input, options);
  if ('result' in prepared) {
    yield prepared.result;
    return;
  }
  const { text: source, layout } = prepared;
  const size = Math.max(1, Math.floor(options.chunkSize ?? 1000));
  const spans = layout.activities;
  const rootTagLines = countNewlines(layout.rootTag, 0, layout.rootTag.length);
  const firstBodyLine = rootTagLines + 2;
  const partAt = (i: number): Part => {
    if (spans.length <= size) return { xml: source, spans, toLine: (line) => line };
    const last = i + size >= spans.length;
    const from = i === 0 ? layout.rootEnd : spans[i]!.start;
    const fromLine = i === 0 ? layout.rootLine + rootTagLines : spans[i]!.line;
    const to = last ? source.length : spans[i + size]!.start;
    return {
      xml: `${layout.rootTag}\n${source.slice(from, to)}${last ? '' : '\n</iati-activities>'}`,
      spans: spans.slice(i, i + size),
      toLine: (line) => (line < firstBodyLine ? layout.rootLine + line - 1 : line - firstBodyLine + fromLine),
    };
  };
  // xmllint runs in a worker thread: the next chunk is validated while this one is parsed and mapped.
  let part = partAt(0);
  let validation = validatePart(part.xml, layout.version);
  for (let i = 0; ; i += size) {
    const errors = await validation;
    const next = i + size < spans.length ? partAt(i + size) : null;
    if (next) validation = validatePart(next.xml, layout.version);
    yield finishPart(part, layout, errors);
    if (!next) return;
    part = next;
  }
}
