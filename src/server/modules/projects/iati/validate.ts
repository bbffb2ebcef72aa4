import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryPages, validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { dataFilesDir } from '../../../paths.js';

/** The IATI versions this layer reads; 2.01 and 2.02 files are checked against the 2.02 schema. */
export const IATI_VERSIONS = ['2.01', '2.02', '2.03'] as const;
export type IatiVersion = (typeof IATI_VERSIONS)[number];

/**
 * One message from libxml2. `parser` errors mean the XML is not well-formed (the whole file is then
 * unusable); `schema` errors are XSD violations at a line; `internal` means xmllint itself failed.
 */
export type XsdError = {
  kind: 'parser' | 'schema' | 'internal';
  line: number | null;
  /** The element or attribute named, as `element` or `element/@attribute`; `file` when none is. */
  field: string;
  message: string;
};

const FILE_NAME = 'activities.xml';
const SCHEMA_FILES = ['iati-activities-schema.xsd', 'iati-common.xsd', 'xml.xsd'] as const;
const schemaCache = new Map<string, { schema: XMLFileInfo; preload: XMLFileInfo[] }>();

function schemaDirectory(version: IatiVersion): string {
  return version === '2.03' ? 'schema-2.03' : 'schema-2.02';
}

/** Reads the schema files of a version once; xmllint gets them as in-memory files on every run. */
function loadSchema(version: IatiVersion): { schema: XMLFileInfo; preload: XMLFileInfo[] } {
  const directory = schemaDirectory(version);
  let cached = schemaCache.get(directory);
  if (!cached) {
    const [main, ...rest] = SCHEMA_FILES.map((fileName) => ({
      fileName,
      contents: readFileSync(join(dataFilesDir, 'refdata/iati', directory, fileName), 'utf8'),
    }));
    cached = { schema: main!, preload: rest };
    schemaCache.set(directory, cached);
  }
  return cached;
}

/**
 * Enough WebAssembly memory for libxml2 to hold the document tree: about ten times the text, plus
 * room for the schemas. Bounded by the caller's chunking, not here.
 */
function memoryFor(xml: string): number {
  const bytes = 64 * 1024 * 1024 + xml.length * 12;
  return Math.min(memoryPages.max, Math.max(memoryPages.defaultMaxMemoryPages, Math.ceil(bytes / 65536)));
}

const MESSAGE = /^[^:\n]*:(\d+): (?:element ([^:\s]+): )?([\w ]*?(error|warning)) : (.*)$/;
const ELEMENT = /Element '([^']+)'(?:, attribute '([^']+)')?/;
const MISSING_ATTRIBUTE = /The attribute '([^']+)' is required but missing/;

/** The element or attribute a libxml2 message names: `Element 'x', attribute 'y'` gives `x/@y`. */
function fieldOf(message: string, elementPrefix: string | undefined): string {
  const named = ELEMENT.exec(message);
  const missing = MISSING_ATTRIBUTE.exec(message)?.[1];
  if (named) return named[2] || missing ? `${named[1]}/@${named[2] ?? missing}` : named[1]!;
  return elementPrefix ?? 'file';
}

/**
 * Reads libxml2's error output: each message is `file:line: [element x: ]kind error : text`,
 * followed for parser errors by two context lines (the source line and a caret), which are skipped.
 */
export function parseXmllintOutput(output: string): XsdError[] {
  const errors: XsdError[] = [];
  for (const rawLine of output.split('\n')) {
    const match = MESSAGE.exec(rawLine);
    if (match?.[4] !== 'error') continue;
    const [, line, elementPrefix, kind, , message] = match;
    const text = message!.trim();
    errors.push({
      kind: kind!.startsWith('Schemas') ? 'schema' : 'parser',
      line: Number(line),
      field: fieldOf(text, elementPrefix),
      message: text,
    });
  }
  return errors;
}

/**
 * Validates IATI activity XML against the XSD of its version with libxml2 (compiled to WebAssembly),
 * returning every error with its line and the element or attribute it names. Resolves to an empty
 * list for a valid file. Each call starts a fresh xmllint worker, so a large file is best validated
 * in chunks (see `readIatiChunks`).
 */
export async function validateIatiXml(xml: string, version: IatiVersion): Promise<XsdError[]> {
  const { schema, preload } = loadSchema(version);
  try {
    const result = await validateXML({
      xml: { fileName: FILE_NAME, contents: xml },
      schema,
      preload,
      maxMemoryPages: memoryFor(xml),
    });
    if (result.valid) return [];
    const errors = parseXmllintOutput(result.rawOutput);
    return errors.length > 0
      ? errors
      : [{ kind: 'internal', line: null, field: 'file', message: result.rawOutput.trim() || 'invalid' }];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const parsed = parseXmllintOutput(message);
    if (parsed.length > 0) return parsed;
    return [{ kind: 'internal', line: null, field: 'file', message: `xmllint failed: ${message.trim()}` }];
  }
}
