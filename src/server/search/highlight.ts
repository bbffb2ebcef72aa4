import type { Lexicon } from './lexicon.js';
import { isCjk, tokenizeWithOffsets } from './text.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

type Span = { start: number; end: number };

/** Where the query's words, Chinese character pairs and matched concepts' labels occur in a text. */
export function matchSpans(
  text: string,
  language: string,
  query: { terms: string[]; concepts: string[] },
  lexicon: Lexicon,
): Span[] {
  const words = new Set(query.terms.filter((term) => !isCjk(term)));
  const spans: Span[] = [];
  for (const { token, start, end } of tokenizeWithOffsets(text, language)) {
    if (words.has(token)) spans.push({ start, end });
  }
  for (const pair of query.terms.filter(isCjk)) {
    for (let at = text.indexOf(pair); at >= 0; at = text.indexOf(pair, at + 1))
      spans.push({ start: at, end: at + pair.length });
  }
  const wanted = new Set(query.concepts);
  if (wanted.size) {
    for (const match of lexicon.tag(text, language)) if (wanted.has(match.concept)) spans.push(match);
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * A short, HTML-escaped excerpt around the first match, with matches wrapped in <mark>.
 * Only <mark> is ever emitted, so the result is safe to insert as HTML.
 */
export function snippet(text: string, spans: Span[], size = 240): string {
  const first = spans[0];
  let start = first ? Math.max(0, first.start - Math.floor(size / 3)) : 0;
  // Start at a word boundary where the language has them.
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    if (space > start - 20 && space >= 0) start = space + 1;
  }
  const end = Math.min(text.length, start + size);
  let out = start > 0 ? '…' : '';
  let cursor = start;
  for (const span of spans) {
    if (span.end <= start || span.start >= end) continue;
    const from = Math.max(span.start, start);
    const to = Math.min(span.end, end);
    out += `${escapeHtml(text.slice(cursor, from))}<mark>${escapeHtml(text.slice(from, to))}</mark>`;
    cursor = to;
  }
  out += escapeHtml(text.slice(cursor, end));
  return end < text.length ? `${out}…` : out;
}
