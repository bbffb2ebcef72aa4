import { XMLParser } from 'fast-xml-parser';

/**
 * An element as fast-xml-parser gives it here: attributes under `@name` (strings), text under
 * `#text`, and every child element as an array, whether it repeats or not.
 */
export type XmlElement = { [key: string]: unknown };

/** Parts of an activity the mapping never reads: kept as raw text instead of parsed, which is faster. */
const UNREAD = [
  'other-identifier',
  'contact-info',
  'location',
  'country-budget-items',
  'humanitarian-scope',
  'policy-marker',
  'planned-disbursement',
  'capital-spend',
  'document-link',
  'related-activity',
  'legacy-data',
  'conditions',
  'crs-add',
  'fss',
];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  alwaysCreateTextNode: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  stopNodes: UNREAD.map((name) => `iati-activities.iati-activity.${name}`),
});

/**
 * Parses XML the guard and xmllint have already accepted. Values stay strings (never numbers), so
 * amounts, codes with leading zeros and percentages keep exactly what was written.
 */
export function parseXml(xml: string): XmlElement {
  return parser.parse(xml) as XmlElement;
}

/** The child elements of one name, in document order. */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  const value = element?.[name];
  return Array.isArray(value) ? (value as XmlElement[]) : [];
}

/** The first child element of a name. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return children(element, name)[0];
}

/** An attribute's value, trimmed; null when absent or empty. */
export function attr(element: XmlElement | undefined, name: string): string | null {
  const value = element?.[`@${name}`];
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** An element's text, trimmed ('' when it has none). */
export function text(element: XmlElement | undefined): string {
  const value = element?.['#text'];
  return typeof value === 'string' ? value.trim() : '';
}
