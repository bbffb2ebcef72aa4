import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { searchDocuments } from '../db/schema/index.js';
import type { ReferenceService } from '../modules/reference/service.js';
import type { SearchableDocument, SearchType } from './documents.js';
import type { Lexicon } from './lexicon.js';
import { indexTerms, tokenize } from './text.js';

/**
 * Builds a tsvector literal from terms already segmented and folded in the app, with positions and
 * a weight, so PostgreSQL stores exactly our lexemes (its own parser would split them again).
 */
export function tsvectorLiteral(fields: Array<{ terms: string[]; weight: 'A' | 'B' | 'C' }>): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const { terms, weight } of fields) {
    for (const term of terms) {
      position = Math.min(position + 1, 16383);
      const list = positions.get(term) ?? [];
      // PostgreSQL keeps at most 256 positions per lexeme.
      if (list.length < 256) list.push(`${position}${weight}`);
      positions.set(term, list);
    }
  }
  return [...positions]
    .map(([term, list]) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}':${list.join(',')}`)
    .join(' ');
}

const BATCH = 200;

/** Keeps search_documents current: called inside the same transaction as each write. */
export function createIndexer({ reference, lexicon }: { reference: ReferenceService; lexicon: Lexicon }) {
  /** The index rows of one record: one per language, all carrying the concepts found in any. */
  function rowsFor(doc: SearchableDocument, regionsOf: Map<string, string[]>) {
    const concepts = new Set(doc.themes.filter((theme) => lexicon.concepts.has(theme)));
    for (const [language, text] of Object.entries(doc.texts)) {
      for (const id of lexicon.conceptsIn(`${text.title}\n${text.body}`, language)) concepts.add(id);
    }
    const regions = [...new Set(doc.countries.flatMap((c) => regionsOf.get(c) ?? []))];
    return Object.entries(doc.texts).map(([language, text]) => ({
      entityType: doc.type,
      entityId: doc.id,
      slug: doc.slug,
      language,
      originalLanguage: doc.originalLanguage,
      title: text.title,
      body: text.body,
      terms: sql`${tsvectorLiteral([
        { terms: indexTerms(text.title, language), weight: 'A' },
        { terms: indexTerms(text.body, language), weight: 'B' },
      ])}::tsvector` as unknown as string,
      // Typo matching looks at the title only: short fields keep trigram candidates few and precise.
      fuzzy: tokenize(text.title, language).join(' '),
      concepts: [...concepts],
      themes: doc.themes,
      sdgTargets: doc.sdgTargets,
      sdgGoals: [...new Set(doc.sdgTargets.map((code) => code.split('.')[0]!))],
      countries: doc.countries,
      regions,
      visibility: doc.visibility,
      isPublished: doc.isPublished,
      organisationId: doc.organisationId ?? null,
      ownerId: doc.ownerId ?? null,
      workingGroupId: doc.workingGroupId ?? null,
    }));
  }

  return {
    /** Replaces the index rows of the given records, one row per language, in batches. */
    async index(tx: DbOrTx, documents: SearchableDocument[]) {
      if (documents.length === 0) return;
      const regionsOf = await reference.regionsOfCountries(
        documents.flatMap((d) => d.countries),
        tx,
      );
      for (let start = 0; start < documents.length; start += BATCH) {
        const batch = documents.slice(start, start + BATCH);
        for (const type of new Set(batch.map((d) => d.type))) {
          const ids = batch.filter((d) => d.type === type).map((d) => d.id);
          await tx
            .delete(searchDocuments)
            .where(and(eq(searchDocuments.entityType, type), inArray(searchDocuments.entityId, ids)));
        }
        const rows = batch.flatMap((doc) => rowsFor(doc, regionsOf));
        if (rows.length) await tx.insert(searchDocuments).values(rows);
      }
    },

    /** Drops a record from the index. */
    async remove(tx: DbOrTx, type: SearchType, id: string) {
      await tx
        .delete(searchDocuments)
        .where(and(eq(searchDocuments.entityType, type), eq(searchDocuments.entityId, id)));
    },
  };
}

export type Indexer = ReturnType<typeof createIndexer>;
