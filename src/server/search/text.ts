/**
 * Text processing shared by indexing, querying and the concept tagger: every piece of text goes
 * through the same segmentation and normalisation, so a query and a document meet on equal terms.
 */

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'word' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

// Arabic short vowels and other marks (tashkeel), superscript alef, and tatweel.
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
// Latin, Greek and Cyrillic combining diacritics only: other scripts' marks carry meaning.
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;
// Definite article and clitic prefixes, longest first: وال, بال, كال, فال, لل, ال.
const ARABIC_PREFIX = /^(?:وال|بال|كال|فال|لل|ال)(?=.{2,})/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Folds a token for matching: compatibility forms (full-width letters, ligatures), case, Latin and
 * Vietnamese diacritics (đ → d), Arabic letter variants and marks, and the Arabic article.
 */
export function normalizeToken(token: string): string {
  let text = token.normalize('NFKC').toLowerCase();
  text = text.normalize('NFD').replace(COMBINING_DIACRITICS, '').normalize('NFC');
  text = text.replace(/đ/g, 'd').replace(/ß/g, 'ss').replace(/ё/g, 'е');
  if (/[\u0600-\u06ff]/.test(text)) {
    text = text
      .replace(ARABIC_MARKS, '')
      .replace(/[أإآٱ]/g, 'ا')
      .replace(/ى/g, 'ي')
      .replace(/ة/g, 'ه')
      .replace(/[ؤ]/g, 'و')
      .replace(/[ئ]/g, 'ي')
      .replace(ARABIC_PREFIX, '');
  }
  return text;
}

/** True when a token is written in a script without spaces between words (Chinese, Japanese). */
export function isCjk(token: string): boolean {
  return CJK.test(token);
}

const APOSTROPHE = /['’ʼ]/u;

/**
 * Words of a text with their positions, folded, from Intl.Segmenter (which splits Chinese and Thai
 * into words), without punctuation. Words joined by an apostrophe are split, so French elisions such
 * as « l’alimentation » give « alimentation ».
 */
export function tokenizeWithOffsets(
  text: string,
  language = 'en',
): Array<{ token: string; start: number; end: number }> {
  const out: Array<{ token: string; start: number; end: number }> = [];
  for (const part of segmenterFor(language).segment(text)) {
    if (!part.isWordLike) continue;
    let offset = part.index;
    for (const piece of APOSTROPHE.test(part.segment) ? part.segment.split(APOSTROPHE) : [part.segment]) {
      const token = normalizeToken(piece);
      if (token) out.push({ token, start: offset, end: offset + piece.length });
      offset += piece.length + 1;
    }
  }
  return out;
}

/** The folded words of a text (see tokenizeWithOffsets). */
export function tokenize(text: string, language = 'en'): string[] {
  return tokenizeWithOffsets(text, language).map((t) => t.token);
}

/**
 * Splits tokens into runs: consecutive Chinese/Japanese tokens with nothing between them form one
 * run (a phrase written without spaces); every other token is a run of its own.
 */
function runsOf(text: string, language: string): Array<{ text: string; isCjk: boolean }> {
  const runs: Array<{ text: string; isCjk: boolean; end: number }> = [];
  for (const { token, start, end } of tokenizeWithOffsets(text, language)) {
    const last = runs.at(-1);
    const cjk = isCjk(token);
    if (cjk && last?.isCjk && last.end === start) {
      last.text += token;
      last.end = end;
    } else {
      runs.push({ text: token, isCjk: cjk, end });
    }
  }
  return runs;
}

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  return chars.slice(0, -1).map((char, i) => char + chars[i + 1]);
}

/**
 * The terms to index for a text. Words from Intl.Segmenter, folded; Chinese runs as single
 * characters and overlapping character pairs, so a query matches whatever the segmenter did with
 * the document; and syllable pairs for Vietnamese, whose words are written as separate syllables.
 */
export function indexTerms(text: string, language = 'en'): string[] {
  const terms: string[] = [];
  const plain: string[] = [];
  for (const run of runsOf(text, language)) {
    if (run.isCjk) {
      terms.push(...new Set([...run.text]), ...bigrams(run.text));
    } else {
      terms.push(run.text);
      plain.push(run.text);
    }
  }
  if (language === 'vi') for (let i = 0; i + 1 < plain.length; i++) terms.push(`${plain[i]}_${plain[i + 1]}`);
  return terms;
}

/** Terms a query must match, mirroring indexTerms: character pairs for Chinese, words elsewhere. */
export function queryTerms(text: string, language = 'en'): string[] {
  const terms: string[] = [];
  for (const run of runsOf(text, language)) terms.push(...(run.isCjk ? bigrams(run.text) : [run.text]));
  return [...new Set(terms)];
}

/** Quotes a term for to_tsquery so no user input is read as tsquery syntax. */
export function tsqueryTerm(term: string, prefix = false): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefix ? ':*' : ''}`;
}

/** Guesses the language of a short text from its script, for queries that do not say. */
export function guessLanguage(text: string, fallback = 'en'): string {
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  if (/\p{Script=Arabic}/u.test(text)) return 'ar';
  if (/\p{Script=Cyrillic}/u.test(text)) return 'ru';
  if (/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu.test(text)) return 'vi';
  return fallback;
}
