import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LANGUAGES } from '../../shared/languages.js';
import { dataFilesDir } from '../paths.js';
import { isCjk, tokenize, tokenizeWithOffsets } from './text.js';

const labelList = z.array(z.string().min(1)).min(1);

export const ConceptSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  broader: z.array(z.string()).default([]),
  themes: z.array(z.string()).default([]),
  sdgTargets: z.array(z.string()).default([]),
  labels: z.object(
    Object.fromEntries(LANGUAGES.map((language) => [language, labelList])) as Record<
      (typeof LANGUAGES)[number],
      typeof labelList
    >,
  ),
});

export type Concept = z.infer<typeof ConceptSchema>;

const ThemeFile = z.array(
  z.object({
    id: z.string(),
    parent: z.string().nullable().optional(),
    labels: z.record(z.string(), z.string()),
  }),
);

/** A boundary unit: punctuation between words stops a label from matching across it. */
const BREAK = '\u0000';

/**
 * `exact` holds the written forms of acronym labels (UNDP, CAC): a node reached only by acronyms
 * matches only text written that way, so "CAC" does not tag the Vietnamese word "các" nor "AVEC"
 * the French word "avec" once case and diacritics are folded. `anyCase` marks a node some
 * ordinary label also reaches.
 */
type TrieNode = {
  next: Map<string, TrieNode>;
  concept?: string;
  length?: number;
  exact?: Set<string>;
  anyCase?: boolean;
};

/** A label written in capitals and digits only, such as UNDP or G77: an acronym. */
const isAcronym = (label: string) => /^[\p{Lu}\d&]{2,8}$/u.test(label) && /\p{Lu}/u.test(label);

/**
 * Turns text into matching units: folded words, with Chinese split into characters (so labels
 * match whatever the segmenter did), and a break wherever punctuation separates two words.
 */
export function matchUnits(
  text: string,
  language = 'en',
): Array<{ unit: string; start: number; end: number }> {
  const units: Array<{ unit: string; start: number; end: number }> = [];
  let previousEnd = -1;
  for (const { token, start, end } of tokenizeWithOffsets(text, language)) {
    if (previousEnd >= 0 && /[^\s\-‐-‒]/u.test(text.slice(previousEnd, start))) {
      units.push({ unit: BREAK, start: previousEnd, end: start });
    }
    if (isCjk(token)) {
      let offset = start;
      for (const char of token) {
        units.push({ unit: char, start: offset, end: offset + char.length });
        offset += char.length;
      }
    } else {
      units.push({ unit: token, start, end });
    }
    previousEnd = end;
  }
  return units;
}

export type ConceptMatch = { concept: string; start: number; end: number };

/** The multilingual concept lexicon and its tagger. */
export class Lexicon {
  readonly concepts = new Map<string, Concept>();
  readonly narrower = new Map<string, string[]>();
  private readonly root: TrieNode = { next: new Map() };
  /** Every label with its folded form, for completion; sorted by folded form. */
  private readonly completions: Array<{ folded: string; label: string; language: string }> = [];

  constructor(concepts: Concept[]) {
    for (const concept of concepts) {
      if (this.concepts.has(concept.id)) throw new Error(`Lexicon: concept "${concept.id}" is defined twice`);
      this.concepts.set(concept.id, concept);
    }
    for (const concept of concepts) {
      for (const parent of concept.broader) {
        if (!this.concepts.has(parent))
          throw new Error(`Lexicon: "${concept.id}" has unknown broader "${parent}"`);
        this.narrower.set(parent, [...(this.narrower.get(parent) ?? []), concept.id]);
      }
      for (const [language, labels] of Object.entries(concept.labels)) {
        for (const label of labels) {
          this.addLabel(label, language, concept.id);
          this.completions.push({ folded: tokenize(label, language).join(' '), label, language });
        }
      }
    }
    this.completions.sort((a, b) => (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : 0));
  }

  /** Labels that start with a folded prefix, the reader's language first. */
  complete(prefix: string, language: string, limit: number): string[] {
    if (!prefix) return [];
    let low = 0;
    let high = this.completions.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.completions[mid]!.folded < prefix) low = mid + 1;
      else high = mid;
    }
    const found: Array<{ label: string; language: string }> = [];
    for (let i = low; i < this.completions.length && this.completions[i]!.folded.startsWith(prefix); i++) {
      found.push(this.completions[i]!);
      if (found.length > 200) break;
    }
    found.sort(
      (a, b) =>
        Number(b.language === language) - Number(a.language === language) || a.label.length - b.label.length,
    );
    return [...new Set(found.map((f) => f.label))].slice(0, limit);
  }

  private addLabel(label: string, language: string, concept: string) {
    const units = matchUnits(label, language).map((u) => u.unit);
    if (units.length === 0) return;
    let node = this.root;
    for (const unit of units) {
      let child = node.next.get(unit);
      if (!child) {
        child = { next: new Map() };
        node.next.set(unit, child);
      }
      node = child;
    }
    // The first concept to claim a label keeps it; ambiguous labels are better resolved in the data.
    node.concept ??= concept;
    node.length = units.length;
    if (isAcronym(label)) {
      node.exact ??= new Set();
      node.exact.add(label);
    } else {
      node.anyCase = true;
    }
  }

  /** Finds concept labels in text, preferring the longest match at each position. */
  tag(text: string, language = 'en'): ConceptMatch[] {
    const units = matchUnits(text, language);
    const matches: ConceptMatch[] = [];
    let i = 0;
    while (i < units.length) {
      let node: TrieNode | undefined = this.root;
      let best: { concept: string; end: number } | undefined;
      for (let j = i; j < units.length && node; j++) {
        node = node.next.get(units[j]!.unit);
        if (node?.concept && (node.anyCase || node.exact?.has(text.slice(units[i]!.start, units[j]!.end))))
          best = { concept: node.concept, end: j };
      }
      if (best) {
        matches.push({ concept: best.concept, start: units[i]!.start, end: units[best.end]!.end });
        i = best.end + 1;
      } else {
        i++;
      }
    }
    return matches;
  }

  /** Distinct concept ids found in a text. */
  conceptsIn(text: string, language = 'en'): string[] {
    return [...new Set(this.tag(text, language).map((m) => m.concept))];
  }

  /** A concept and everything below it, down to `depth` levels. */
  withNarrower(ids: string[], depth = 2): string[] {
    const out = new Set(ids);
    let frontier = ids;
    for (let level = 0; level < depth; level++) {
      frontier = frontier.flatMap((id) => this.narrower.get(id) ?? []).filter((id) => !out.has(id));
      for (const id of frontier) out.add(id);
    }
    return [...out];
  }

  /** The preferred label of a concept in a language (English, then any, as fallbacks). */
  label(id: string, language: string): string {
    const concept = this.concepts.get(id);
    if (!concept) return id;
    return (concept.labels as Record<string, string[]>)[language]?.[0] ?? concept.labels.en[0]!;
  }
}

let shared: Lexicon | undefined;

/** Joins two definitions of one concept: labels, links and targets from both, `a`'s labels first. */
function mergeConcepts(a: Concept, b: Concept): Concept {
  const union = (x: string[], y: string[]) => [...new Set([...x, ...y])];
  return {
    id: a.id,
    broader: union(a.broader, b.broader).filter((id) => id !== a.id),
    themes: union(a.themes, b.themes),
    sdgTargets: union(a.sdgTargets, b.sdgTargets),
    labels: Object.fromEntries(
      LANGUAGES.map((l) => [l, union(b.labels[l], a.labels[l])]),
    ) as Concept['labels'],
  };
}

/**
 * Loads every file in data/lexicon plus one root concept per theme from the taxonomy,
 * once per process.
 */
export function loadLexicon(): Lexicon {
  if (shared) return shared;
  const dir = join(dataFilesDir, 'lexicon');
  const byId = new Map<string, Concept>();
  const themes = ThemeFile.parse(
    JSON.parse(readFileSync(join(dataFilesDir, 'taxonomy/themes.json'), 'utf8')),
  );
  for (const theme of themes) {
    byId.set(theme.id, {
      id: theme.id,
      broader: theme.parent ? [theme.parent] : [],
      themes: [theme.id],
      sdgTargets: [],
      labels: Object.fromEntries(
        LANGUAGES.map((l) => [l, [theme.labels[l] ?? theme.labels.en!]]),
      ) as Concept['labels'],
    });
  }
  const files = new Map<string, string>();
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const parsed = z.array(ConceptSchema).safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`data/lexicon/${file}: ${issue.path.join('.')}: ${issue.message}`);
    }
    for (const concept of parsed.data) {
      if (files.has(concept.id)) {
        throw new Error(
          `Lexicon: concept "${concept.id}" is defined in ${files.get(concept.id)} and ${file}`,
        );
      }
      files.set(concept.id, file);
      const theme = byId.get(concept.id);
      // A lexicon entry for a theme enriches the theme's own concept rather than replacing it.
      byId.set(concept.id, theme ? mergeConcepts(theme, concept) : concept);
    }
  }
  const concepts = [...byId.values()];
  shared = new Lexicon(concepts);
  return shared;
}
