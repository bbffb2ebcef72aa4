/**
 * Small stopword lists: the function words that make up most of any text but say nothing about
 * its subject. They serve two purposes: dropping noise when two texts are compared word by word
 * (contentTerms), and telling Latin-script languages apart (language.ts counts hits in the raw,
 * unfolded lists, where Vietnamese « là » and Spanish « la » are still different words).
 *
 * Chinese has no list: it is compared by character pairs, and the few pairs that are pure function
 * words are dropped instead (see CHINESE_FUNCTION_PAIRS).
 */
import { indexTerms, normalizeToken, queryTerms } from './text.js';

const RAW: Record<string, string> = {
  en: `a about after all also an and any are as at be been but by can could do does for from had has
    have how if in into is it its may more most must no not of on or other our over shall should so
    such than that the their them then there these they this those through to under up us was we
    were what when where which while who will with within would you your`,
  fr: `à au aux avec ce ces cet cette comme dans de des du elle elles en est et été être il ils la le
    les leur leurs lui mais ne nos notre nous ou où par pas plus pour qu que qui sa sans se ses son
    sont sur ta tous tout toute toutes un une vers vos votre vous d l c j m n s t afin ainsi entre`,
  es: `a al como con cual de del desde donde el ella ellas ellos en entre es esta este esto estos está
    fue ha han hay la las le les lo los más muy no o para pero por que qué se ser sin sobre son su
    sus también un una uno unos y ya cada así`,
  vi: `và của các là cho với trong được những một này để có không người theo về từ tại đã sẽ đang
    thì mà như khi nên hay hoặc cũng rất nhiều đó ra vào lại bị bởi nhằm qua trên dưới giữa`,
  ru: `а без более бы был была были было быть в во вы да для до его ее её если есть же за и из или
    им их к как ко когда который которые ли на над не нет но о об от по под при с со так также то
    только у уже чем что это этот эти я`,
  ar: `في من على إلى عن مع هذا هذه ذلك تلك التي الذي الذين و أو ثم أن إن كان كانت قد لا لم لن ما
    هو هي هم بين كل بعد قبل حتى عند أي غير لدى منذ ضمن`,
};

/** Each language's stopwords as written (lower case, diacritics kept), for language detection. */
export const RAW_STOPWORDS: Record<string, ReadonlySet<string>> = Object.fromEntries(
  Object.entries(RAW).map(([language, words]) => [language, new Set(words.split(/\s+/).filter(Boolean))]),
);

/** The same lists folded like indexed words (normalizeToken), for filtering tokens. */
const FOLDED: Record<string, ReadonlySet<string>> = Object.fromEntries(
  Object.entries(RAW_STOPWORDS).map(([language, words]) => [
    language,
    new Set([...words].map((word) => normalizeToken(word))),
  ]),
);

/**
 * Chinese character pairs that are function words, and particles that turn any pair holding them
 * into noise: a shared « 的 » or « 以及 » proves nothing about two texts being on the same subject.
 */
const CHINESE_FUNCTION_PAIRS = new Set([
  '我们',
  '他们',
  '以及',
  '一个',
  '这个',
  '这些',
  '那些',
  '通过',
  '为了',
  '进行',
  '可以',
  '如何',
  '其他',
  '以便',
  '需要',
  '关于',
  '并且',
  '或者',
  '因为',
  '所以',
  '已经',
  '正在',
]);
const CHINESE_PARTICLES = /[的了着之]/u;

const HAN = /\p{Script=Han}/u;

function baseLanguage(language: string): string {
  return language.split('-')[0]!.toLowerCase();
}

/** True when a folded token is a stopword of the language (always false for unknown languages). */
export function isStopword(token: string, language: string): boolean {
  return FOLDED[baseLanguage(language)]?.has(token) ?? false;
}

/**
 * The distinct terms of a text that carry meaning: query terms (words, or character pairs for
 * Chinese) without stopwords, single letters, bare numbers (years and counts say little about a
 * subject) and, for Chinese, function-word pairs. Vietnamese gives pairs of adjacent syllables
 * (« bua_an », as indexTerms writes them): its words are written as separate syllables, and a
 * single syllable folded without its tone (« ban ») stands for too many words to mean anything.
 */
export function contentTerms(text: string, language: string): string[] {
  const base = baseLanguage(language);
  const meaningful = (term: string) => {
    if (HAN.test(term)) return !CHINESE_FUNCTION_PAIRS.has(term) && !CHINESE_PARTICLES.test(term);
    if (/^\p{N}+$/u.test(term)) return false;
    if ([...term].length < 2) return false;
    return !isStopword(term, base);
  };
  if (base === 'vi') {
    const pairs = indexTerms(text, 'vi').filter((term) => term.includes('_'));
    return [...new Set(pairs.filter((pair) => pair.split('_').every(meaningful)))];
  }
  return queryTerms(text, base).filter(meaningful);
}
