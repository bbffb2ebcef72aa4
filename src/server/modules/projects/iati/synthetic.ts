/**
 * Builds a large IATI file by repeating the one activity of a template file (such as IATI's
 * official example) with unique identifiers, for chunked-reading tests and the read benchmark.
 * `alter` may change the text of chosen copies, for example to make one invalid.
 */
export function repeatActivity(
  template: string,
  count: number,
  alter: (activity: string, index: number) => string = (activity) => activity,
): string {
  const start = template.indexOf('<iati-activity');
  const endTag = '</iati-activity>';
  const end = template.indexOf(endTag, start) + endTag.length;
  const rootStart = template.lastIndexOf('<iati-activities', start);
  const root = template.slice(rootStart, template.indexOf('>', rootStart) + 1);
  const activity = template.slice(start, end);
  const identifier = /<iati-identifier>([^<]*)<\/iati-identifier>/.exec(activity)?.[1] ?? '';
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>', root];
  for (let i = 0; i < count; i++) {
    const copy = activity.replace(`>${identifier}<`, `>${identifier}-${String(i + 1).padStart(6, '0')}<`);
    parts.push(` ${alter(copy, i)}`);
  }
  parts.push('</iati-activities>', '');
  return parts.join('\n');
}
