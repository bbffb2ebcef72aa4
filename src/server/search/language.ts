/**
 * Detects which of the platform's languages a text is written in, or says it cannot tell.
 * Scripts decide first (they are unambiguous for the seven languages); Latin-script text is then
 * told apart by the function words it uses, which every sentence has and no topic changes.
 */
import { RAW_STOPWORDS } from './stopwords.js';

/**
 * Letters each script contributes. Han counts three times: one Chinese character carries about as
 * much as a three-letter stretch of an alphabetic word, so an English acronym in a Chinese
 * sentence does not outvote it.
 */
const SCRIPTS: Array<{ language: string; pattern: RegExp; weight: number }> = [
  { language: 'zh', pattern: /\p{Script=Han}/gu, weight: 3 },
  { language: 'ar', pattern: /\p{Script=Arabic}/gu, weight: 1 },
  { language: 'ru', pattern: /\p{Script=Cyrillic}/gu, weight: 1 },
  { language: 'latin', pattern: /\p{Script=Latin}/gu, weight: 1 },
];

/** Letters only Vietnamese uses among the Latin-script languages here (French has â ê ô too). */
const VIETNAMESE_LETTERS = /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;
/** Accented letters French uses and Spanish does not, and the reverse; weaker than stopwords. */
const FRENCH_LETTERS = /[àâèêëîïôûùçœ]/iu;
const SPANISH_LETTERS = /[áíóúñ¿¡]/iu;

const LATIN_LANGUAGES = ['en', 'fr', 'es', 'vi'] as const;

/** A word with letters only its language uses weighs half a stopword: names can carry them too. */
const LETTER_HINT = 0.5;
/** With no hint at all, this many words of Latin text are taken as English, the common default. */
const MIN_WORDS_FOR_DEFAULT = 3;

function latinLanguage(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)?/gu) ?? [];
  const score: Record<string, number> = { en: 0, fr: 0, es: 0, vi: 0 };
  for (const word of words) {
    // A French elision (l’, d’, qu’) counts as the stopword it is.
    const head = word.split(/['’]/u)[0]!;
    for (const language of LATIN_LANGUAGES) if (RAW_STOPWORDS[language]!.has(head)) score[language]! += 1;
    if (VIETNAMESE_LETTERS.test(word)) score.vi! += 1;
    else if (FRENCH_LETTERS.test(word)) score.fr! += LETTER_HINT;
    else if (SPANISH_LETTERS.test(word)) score.es! += LETTER_HINT;
  }
  const ranked = LATIN_LANGUAGES.map((language) => ({ language, score: score[language]! })).sort(
    (a, b) => b.score - a.score,
  );
  const [best, second] = ranked;
  if (best!.score === 0) return words.length >= MIN_WORDS_FOR_DEFAULT ? 'en' : null;
  // A tie (« la de ») is no evidence for either language.
  if (best!.score === second!.score) return null;
  return best!.language;
}

/**
 * The language of a text (ar, zh, en, fr, ru, es or vi), or null when the text gives no evidence:
 * no letters at all, a tie between languages, or fewer than three Latin words with no hint.
 */
export function detectLanguage(text: string): string | null {
  let best: { language: string; count: number } | null = null;
  for (const { language, pattern, weight } of SCRIPTS) {
    const count = (text.match(pattern)?.length ?? 0) * weight;
    if (count > 0 && (!best || count > best.count)) best = { language, count };
  }
  if (!best) return null;
  return best.language === 'latin' ? latinLanguage(text) : best.language;
}
