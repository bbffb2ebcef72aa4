import type { IatiIssue } from './types.js';
import { IATI_VERSIONS, type IatiVersion } from './validate.js';

/** Where an `<iati-activity>` element is in the text: offsets and 1-based lines of its start and end. */
export type ActivitySpan = { start: number; end: number; line: number; endLine: number };

/** The parts of a file found by scanning its text, before any XML parsing. */
export type FileLayout = {
  version: IatiVersion;
  /** The root start tag as written, with its attributes and namespace declarations. */
  rootTag: string;
  rootLine: number;
  /** Offset just after the root start tag. */
  rootEnd: number;
  activities: ActivitySpan[];
};

const PROLOG = /(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/y;
const START_TAG = /<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ACTIVITY_TAGS =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<iati-activity(?=[\s/>])|<\/iati-activity\s*>/g;

/** The number of newlines in text[from, to). */
export function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? (match[1] ?? match[2] ?? '') : null;
}

function fileIssue(line: number, field: string, message: string): { issues: IatiIssue[] } {
  return { issues: [{ line, field, message }] };
}

/** The start and end of each `<iati-activity>`, skipping comments and CDATA, counting lines as it goes. */
function activitySpans(text: string, from: number, firstLine: number): ActivitySpan[] {
  const spans: ActivitySpan[] = [];
  let open: { start: number; line: number } | null = null;
  let line = firstLine;
  let position = from;
  ACTIVITY_TAGS.lastIndex = from;
  for (let match = ACTIVITY_TAGS.exec(text); match; match = ACTIVITY_TAGS.exec(text)) {
    const tag = match[0];
    if (tag.startsWith('<!')) continue;
    line += countNewlines(text, position, match.index);
    position = match.index;
    if (tag.startsWith('</')) {
      if (open) spans.push({ ...open, end: match.index + tag.length, endLine: line });
      open = null;
    } else {
      if (open) spans.push({ ...open, end: match.index, endLine: line });
      open = { start: match.index, line };
      const close = text.indexOf('>', match.index);
      if (close !== -1 && text[close - 1] === '/') {
        spans.push({ ...open, end: close + 1, endLine: line + countNewlines(text, match.index, close) });
        open = null;
      }
    }
  }
  if (open)
    spans.push({ ...open, end: text.length, endLine: line + countNewlines(text, position, text.length) });
  return spans;
}

/**
 * Finds the root element, the IATI version it declares and where each activity is, by scanning the
 * text (no parse tree), so that a large file can be cut into chunks and every issue keeps its line.
 * Refuses a file whose root is not `iati-activities` or whose version is missing or not read here.
 */
export function scanLayout(text: string): FileLayout | { issues: IatiIssue[] } {
  PROLOG.lastIndex = 0;
  PROLOG.exec(text);
  const rootStart = PROLOG.lastIndex;
  const rootLine = 1 + countNewlines(text, 0, rootStart);
  START_TAG.lastIndex = rootStart;
  const root = START_TAG.exec(text);
  if (!root) {
    return fileIssue(rootLine, 'file', 'the file does not start with a well-formed XML element');
  }
  const [rootTag, name, attributes = ''] = root;
  if (name !== 'iati-activities') {
    const hint =
      name === 'iati-organisations' ? ' (this is an IATI organisation file, not an activity file)' : '';
    return fileIssue(
      rootLine,
      name!,
      `the root element is <${name}>, not <iati-activities>: this is not an IATI activity file${hint}`,
    );
  }
  const version = attribute(attributes, 'version')?.trim() ?? null;
  if (version === null || version === '') {
    return fileIssue(
      rootLine,
      'iati-activities/@version',
      `the file declares no IATI version (iati-activities/@version is required); this reader takes ${IATI_VERSIONS.join(', ')}`,
    );
  }
  if (!(IATI_VERSIONS as readonly string[]).includes(version)) {
    const older = /^1\./.test(version) ? '; IATI 1.x is retired, so convert the file to 2.03' : '';
    return fileIssue(
      rootLine,
      'iati-activities/@version',
      `the file declares IATI version "${version}", which this reader does not take (it reads ${IATI_VERSIONS.join(', ')})${older}`,
    );
  }
  const rootEnd = rootStart + rootTag.length;
  return {
    version: version as IatiVersion,
    rootTag,
    rootLine,
    rootEnd,
    activities:
      root[3] === '/'
        ? []
        : activitySpans(text, rootEnd, rootLine + countNewlines(rootTag, 0, rootTag.length)),
  };
}
