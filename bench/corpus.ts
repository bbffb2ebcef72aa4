import { randomUUID } from 'node:crypto';
import type { SearchableDocument } from '../src/server/search/documents.js';
import type { Concept, Lexicon } from '../src/server/search/lexicon.js';
import { LANGUAGES } from '../src/shared/languages.js';

/** A small deterministic PRNG (mulberry32), so every run builds the same corpus. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

/** Sentence frames per language; {a} and {b} take concept labels. Lengths resemble real summaries. */
const FRAMES: Record<string, string[]> = {
  en: [
    'The programme strengthened {a} in rural districts and trained local officials in {b}.',
    'Partners shared their experience of {a} through study visits and peer exchanges.',
    'A pilot on {a} was scaled up nationally after an evaluation showed gains in {b}.',
    'The ministry adopted a policy on {a}, with technical support for {b}.',
  ],
  fr: [
    'Le programme a renforcé {a} dans les districts ruraux et formé des agents locaux à {b}.',
    'Les partenaires ont partagé leur expérience en matière de {a} lors de visites d’étude.',
    'Un projet pilote sur {a} a été étendu à l’échelle nationale après une évaluation de {b}.',
  ],
  es: [
    'El programa fortaleció {a} en distritos rurales y capacitó a funcionarios locales en {b}.',
    'Los socios compartieron su experiencia en {a} mediante visitas de estudio.',
    'Un proyecto piloto de {a} se amplió a nivel nacional tras evaluar {b}.',
  ],
  ru: [
    'Программа укрепила {a} в сельских районах и обучила местных специалистов в области {b}.',
    'Партнеры поделились опытом в сфере {a} в ходе ознакомительных поездок.',
    'Пилотный проект по теме {a} был расширен после оценки результатов в области {b}.',
  ],
  ar: [
    'عزز البرنامج {a} في المناطق الريفية ودرّب المسؤولين المحليين على {b}.',
    'تبادل الشركاء خبراتهم في مجال {a} من خلال الزيارات الدراسية.',
    'تم توسيع مشروع تجريبي بشأن {a} على المستوى الوطني بعد تقييم {b}.',
  ],
  zh: [
    '该项目在农村地区加强了{a}，并就{b}培训了地方官员。',
    '合作伙伴通过考察访问分享了{a}方面的经验。',
    '关于{a}的试点项目在对{b}进行评估后推广到全国。',
  ],
  vi: [
    'Chương trình đã tăng cường {a} ở các huyện nông thôn và đào tạo cán bộ địa phương về {b}.',
    'Các đối tác đã chia sẻ kinh nghiệm về {a} thông qua các chuyến tham quan học tập.',
    'Dự án thí điểm về {a} đã được nhân rộng trên toàn quốc sau khi đánh giá {b}.',
  ],
};

const COUNTRIES = [
  'CHN',
  'VNM',
  'IND',
  'BRA',
  'KEN',
  'EGY',
  'IDN',
  'MEX',
  'ZAF',
  'NGA',
  'BGD',
  'PER',
  'MAR',
  'THA',
  'ETH',
  'KAZ',
];
const WEIGHTED_LANGUAGES = ['zh', 'zh', 'zh', 'en', 'en', 'fr', 'es', 'ru', 'ar', 'vi'];

function label(concept: Concept, language: string, rng: ReturnType<typeof random>): string {
  return rng.pick((concept.labels as Record<string, string[]>)[language] ?? concept.labels.en);
}

/** A realistic multilingual corpus of solutions built from lexicon labels and sentence frames. */
export function buildCorpus(size: number, lexicon: Lexicon, seed = 42): SearchableDocument[] {
  const rng = random(seed);
  const concepts = [...lexicon.concepts.values()];
  const documents: SearchableDocument[] = [];
  for (let i = 0; i < size; i++) {
    const language = rng.pick(WEIGHTED_LANGUAGES);
    const main = rng.pick(concepts);
    const other = rng.pick(concepts);
    const sentences = Array.from({ length: 3 + Math.floor(rng.next() * 4) }, () =>
      rng
        .pick(FRAMES[language]!)
        .replace('{a}', label(rng.next() < 0.6 ? main : rng.pick(concepts), language, rng))
        .replace('{b}', label(rng.next() < 0.5 ? other : rng.pick(concepts), language, rng)),
    );
    const title =
      language === 'zh'
        ? `${label(main, language, rng)}与${label(other, language, rng)}`
        : `${label(main, language, rng)}: ${label(other, language, rng)}`;
    documents.push({
      type: 'solution',
      id: randomUUID(),
      slug: `bench-${i}`,
      originalLanguage: language,
      texts: { [language]: { title, body: sentences.join(' ') } },
      themes: [...new Set([...main.themes, ...other.themes])].slice(0, 3),
      sdgTargets: [...new Set([...main.sdgTargets, ...other.sdgTargets])].slice(0, 3),
      countries: [rng.pick(COUNTRIES), rng.pick(COUNTRIES)],
      visibility: rng.next() < 0.9 ? 'public' : 'members',
      isPublished: true,
    });
  }
  return documents;
}

/** At least 50 queries: concept labels in all seven languages, two-concept queries and typos. */
export function buildQueries(lexicon: Lexicon, seed = 7): Array<{ q: string; language: string }> {
  const rng = random(seed);
  const concepts = [...lexicon.concepts.values()].filter((c) => c.broader.length > 0);
  const queries: Array<{ q: string; language: string }> = [];
  for (const language of LANGUAGES) {
    for (let i = 0; i < 6; i++) queries.push({ q: label(rng.pick(concepts), language, rng), language });
    queries.push({
      q: `${label(rng.pick(concepts), language, rng)} ${label(rng.pick(concepts), language, rng)}`,
      language,
    });
    if (language !== 'zh') {
      // A typo: one letter dropped from a longer word.
      const word = label(rng.pick(concepts), language, rng);
      const at = Math.max(1, Math.floor(word.length / 2));
      queries.push({ q: word.slice(0, at) + word.slice(at + 1), language });
    }
  }
  return queries;
}
