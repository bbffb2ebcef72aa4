import { SOUTH_SOUTH_ROLES, type SouthSouthRole } from '../../../db/schema/projects.js';
import { attr, children, type XmlElement } from './tree.js';
import type { IatiActivity, IatiIssue } from './types.js';

/**
 * The platform's IATI extension (docs/iati.md): an `ssc:role` attribute on participating-org and an
 * `ssc:south-south` element at the end of iati-activity, where the IATI schema accepts elements and
 * attributes of any other namespace.
 */
export const SSC_NAMESPACE = 'urn:southbridge:iati:south-south:1';
export const SSC_PREFIX = 'ssc';
export const COOPERATION_TYPES = ['bilateral', 'regional', 'triangular'] as const;

type SouthSouth = IatiActivity['southSouth'];

/**
 * The prefixes bound to the extension's namespace on any of the given elements (usually the root
 * and the activity), so a file that chose another prefix than `ssc` is read the same way.
 */
export function extensionPrefixes(...elements: Array<XmlElement | undefined>): string[] {
  const prefixes = new Set<string>();
  for (const element of elements) {
    for (const [key, value] of Object.entries(element ?? {})) {
      if (key.startsWith('@xmlns:') && typeof value === 'string' && value.trim() === SSC_NAMESPACE) {
        prefixes.add(key.slice('@xmlns:'.length));
      }
    }
  }
  return [...prefixes];
}

/** The `ssc:role` of a participating organisation; an unknown value is an issue, not a guess. */
export function readRole(
  org: XmlElement,
  prefixes: string[],
  line: number,
  issues: IatiIssue[],
): SouthSouthRole | null {
  for (const prefix of [...prefixes, ...extensionPrefixes(org)]) {
    const value = attr(org, `${prefix}:role`);
    if (value === null) continue;
    if ((SOUTH_SOUTH_ROLES as readonly string[]).includes(value)) return value as SouthSouthRole;
    issues.push({
      line,
      field: `participating-org/@${prefix}:role`,
      message: `the South-South role "${value}" is not one of ${SOUTH_SOUTH_ROLES.join(', ')}`,
    });
  }
  return null;
}

/** The elements of the extension under the activity, whatever prefix (or default namespace) they use. */
function markerElements(activity: XmlElement, prefixes: string[]): XmlElement[] {
  const found = prefixes.flatMap((prefix) => children(activity, `${prefix}:south-south`));
  for (const element of children(activity, 'south-south')) {
    if (attr(element, 'xmlns') === SSC_NAMESPACE) found.push(element);
  }
  return found;
}

function childrenOf(element: XmlElement, name: string, prefixes: string[]): XmlElement[] {
  const local = attr(element, 'xmlns') === SSC_NAMESPACE ? children(element, name) : [];
  return [...prefixes.flatMap((prefix) => children(element, `${prefix}:${name}`)), ...local];
}

/** Reads the South-South marker, modalities and themes of an activity (all empty when absent). */
export function readSouthSouth(
  activity: XmlElement,
  prefixes: string[],
  line: number,
  issues: IatiIssue[],
): SouthSouth {
  const result: SouthSouth = { cooperationType: null, modalities: [], themes: [] };
  const markers = markerElements(activity, prefixes);
  if (markers.length > 1) {
    issues.push({
      line,
      field: 'ssc:south-south',
      message: 'the activity has more than one ssc:south-south',
    });
  }
  const marker = markers[0];
  if (!marker) return result;
  const scoped = [...prefixes, ...extensionPrefixes(marker)];
  const type = attr(marker, 'cooperation-type');
  if (type !== null) {
    if ((COOPERATION_TYPES as readonly string[]).includes(type)) {
      result.cooperationType = type as SouthSouth['cooperationType'];
    } else {
      issues.push({
        line,
        field: 'ssc:south-south/@cooperation-type',
        message: `the cooperation type "${type}" is not one of ${COOPERATION_TYPES.join(', ')}`,
      });
    }
  }
  for (const modality of childrenOf(marker, 'modality', scoped)) {
    const code = attr(modality, 'code');
    if (code === null) {
      issues.push({ line, field: 'ssc:modality/@code', message: 'an ssc:modality has no code' });
    } else if (!result.modalities.includes(code)) {
      result.modalities.push(code);
    }
  }
  for (const theme of childrenOf(marker, 'theme', scoped)) {
    const code = attr(theme, 'code');
    const percentage = attr(theme, 'percentage');
    if (code === null) {
      issues.push({ line, field: 'ssc:theme/@code', message: 'an ssc:theme has no code' });
    } else if (percentage !== null && !/^[+]?(\d+(\.\d*)?|\.\d+)$/.test(percentage)) {
      issues.push({
        line,
        field: 'ssc:theme/@percentage',
        message: `the theme percentage "${percentage}" is not a decimal number`,
      });
    } else {
      result.themes.push({ id: code, percentage });
    }
  }
  return result;
}
