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

// Rows for the matching benchmark: organisations, published solutions, open offers and the texts
// of needs to preview. Values go straight into the tables, as an import would write them.

/** A deterministic version-4 UUID from the generator, so rows keep their ids from run to run. */
export function uuidFrom(rng: ReturnType<typeof random>): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng.next() * 16).toString(16)).join('');
  const variant = '89ab'[Math.floor(rng.next() * 4)]!;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** What a provider puts forward, per language. */
const OFFER_FRAMES: Record<string, string[]> = {
  en: [
    'Our institute offers a training course on {a} for officials working on {b}.',
    'We can deploy experts in {a} to advise ministries on {b}.',
    'The agency hosts study visits to share its experience of {a} and {b}.',
  ],
  fr: [
    'Notre institut propose une formation sur {a} aux agents chargés de {b}.',
    'Nous pouvons déployer des experts en {a} pour conseiller les ministères sur {b}.',
    'L’agence accueille des visites d’étude pour partager son expérience en matière de {a} et de {b}.',
  ],
  es: [
    'Nuestro instituto ofrece un curso de capacitación sobre {a} para funcionarios que trabajan en {b}.',
    'Podemos enviar expertos en {a} para asesorar a los ministerios sobre {b}.',
    'La agencia organiza visitas de estudio para compartir su experiencia en {a} y {b}.',
  ],
  ru: [
    'Наш институт предлагает учебный курс по теме {a} для специалистов в области {b}.',
    'Мы можем направить экспертов по вопросам {a} для консультирования министерств по теме {b}.',
    'Агентство принимает ознакомительные визиты, чтобы поделиться опытом в сфере {a} и {b}.',
  ],
  ar: [
    'يقدم معهدنا دورة تدريبية في {a} للمسؤولين العاملين في مجال {b}.',
    'يمكننا إيفاد خبراء في {a} لتقديم المشورة للوزارات بشأن {b}.',
    'تستضيف الوكالة زيارات دراسية لتبادل خبرتها في {a} و{b}.',
  ],
  zh: [
    '我院为从事{b}工作的官员提供{a}培训课程。',
    '我们可以派遣{a}方面的专家，就{b}向各部委提供咨询。',
    '该机构接待考察访问，分享其在{a}和{b}方面的经验。',
  ],
  vi: [
    'Viện chúng tôi cung cấp khóa đào tạo về {a} cho cán bộ làm việc trong lĩnh vực {b}.',
    'Chúng tôi có thể cử chuyên gia về {a} để tư vấn cho các bộ về {b}.',
    'Cơ quan tổ chức các chuyến tham quan học tập để chia sẻ kinh nghiệm về {a} và {b}.',
  ],
};

/** How a country states a need, per language. */
const NEED_FRAMES: Record<string, string[]> = {
  en: [
    'Our ministry needs support to improve {a} in its provinces.',
    'We are looking for partners with experience of {a} and {b}.',
    'Local officials lack skills in {a}, and a study visit or training on {b} would help.',
    'The government plans to reform {a} and seeks advice on {b}.',
  ],
  fr: [
    'Notre ministère a besoin d’un appui pour améliorer {a} dans ses provinces.',
    'Nous cherchons des partenaires ayant une expérience en matière de {a} et de {b}.',
    'Les agents locaux manquent de compétences en {a} ; une formation sur {b} serait utile.',
  ],
  es: [
    'Nuestro ministerio necesita apoyo para mejorar {a} en sus provincias.',
    'Buscamos socios con experiencia en {a} y {b}.',
    'Los funcionarios locales carecen de capacidades en {a}; una capacitación sobre {b} sería útil.',
  ],
  ru: [
    'Нашему министерству нужна поддержка для улучшения работы в области {a} в провинциях.',
    'Мы ищем партнеров с опытом в сфере {a} и {b}.',
    'Местным специалистам не хватает навыков в области {a}; поможет обучение по теме {b}.',
  ],
  ar: [
    'تحتاج وزارتنا إلى دعم لتحسين {a} في المحافظات.',
    'نبحث عن شركاء لديهم خبرة في {a} و{b}.',
    'يفتقر المسؤولون المحليون إلى المهارات في مجال {a}، وسيكون التدريب على {b} مفيداً.',
  ],
  zh: [
    '我部需要支持，以改善各省的{a}。',
    '我们正在寻找在{a}和{b}方面有经验的合作伙伴。',
    '地方官员缺乏{a}方面的技能，希望获得{b}方面的培训。',
  ],
  vi: [
    'Bộ chúng tôi cần hỗ trợ để cải thiện {a} ở các tỉnh.',
    'Chúng tôi đang tìm kiếm đối tác có kinh nghiệm về {a} và {b}.',
    'Cán bộ địa phương còn thiếu kỹ năng về {a}, cần được đào tạo về {b}.',
  ],
};

const MODALITIES = [
  'training-course',
  'expert-deployment',
  'study-visit',
  'policy-advice',
  'technology-transfer',
  'financial-contribution',
  'in-kind-contribution',
  'fellowship',
  'joint-research',
  'volunteers',
];
const COOPERATION_TYPES = ['bilateral', 'bilateral', 'regional', 'triangular'];
const CATEGORIES = [
  'government',
  'government',
  'government',
  'academic',
  'ngo',
  'intergovernmental',
  'un-entity',
];
/** Supporters of triangular cooperation, for a few organisations. */
const NORTHERN = ['DEU', 'JPN', 'NOR', 'KOR', 'ESP'];

type Rng = ReturnType<typeof random>;

/** Sentences from frames, mostly about the record's two main concepts. */
function sentences(
  frames: Record<string, string[]>,
  language: string,
  count: number,
  main: Concept,
  other: Concept,
  concepts: Concept[],
  rng: Rng,
): string {
  return Array.from({ length: count }, () =>
    rng
      .pick(frames[language]!)
      .replace('{a}', label(rng.next() < 0.6 ? main : rng.pick(concepts), language, rng))
      .replace('{b}', label(rng.next() < 0.5 ? other : rng.pick(concepts), language, rng)),
  ).join(language === 'zh' ? '' : ' ');
}

function titleOf(main: Concept, other: Concept, language: string, rng: Rng): string {
  return language === 'zh'
    ? `${label(main, language, rng)}与${label(other, language, rng)}`
    : `${label(main, language, rng)}: ${label(other, language, rng)}`;
}

/** Up to `n` distinct items. */
function some<T>(items: readonly T[], n: number, rng: Rng): T[] {
  return [...new Set(Array.from({ length: n }, () => rng.pick(items)))];
}

/** Themes and SDG targets as a person would tag a record about two concepts. */
function tagsOf(main: Concept, other: Concept) {
  return {
    themes: [...new Set([...main.themes, ...other.themes])].slice(0, 3),
    sdgTargets: [...new Set([...main.sdgTargets, ...other.sdgTargets])].slice(0, 3),
  };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export type BenchOrganisation = {
  id: string;
  slug: string;
  language: string;
  visibility: 'public';
  names: Record<string, string>;
  category: string;
  countryIso3: string | null;
};

/** Providers: mostly Southern governments and institutes, a few Northern supporters and UN entities. */
export function buildOrganisations(count: number, seed = 11): BenchOrganisation[] {
  const rng = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const category = rng.pick(CATEGORIES);
    const country =
      category === 'un-entity' ? null : rng.next() < 0.08 ? rng.pick(NORTHERN) : rng.pick(COUNTRIES);
    return {
      id: uuidFrom(rng),
      slug: `bench-org-${i}`,
      language: 'en',
      visibility: 'public' as const,
      names: { en: `Benchmark ${category} ${i}` },
      category,
      countryIso3: country,
    };
  });
}

/**
 * Published public solutions: a title, a one-sentence summary and a description of 2–5 sentences in
 * their language (weighted like the search corpus), one in ten with an English translation too.
 */
export function buildSolutionRows(size: number, lexicon: Lexicon, providers: BenchOrganisation[], seed = 21) {
  const rng = random(seed);
  const concepts = [...lexicon.concepts.values()];
  const publishedAt = new Date('2026-01-01T00:00:00Z');
  return Array.from({ length: size }, (_, i) => {
    const language = rng.pick(WEIGHTED_LANGUAGES);
    const main = rng.pick(concepts);
    const other = rng.pick(concepts);
    const textIn = (lang: string) => ({
      title: titleOf(main, other, lang, rng),
      summary: sentences(FRAMES, lang, 1, main, other, concepts, rng),
      description: sentences(FRAMES, lang, 2 + Math.floor(rng.next() * 4), main, other, concepts, rng),
    });
    const texts: Record<string, ReturnType<typeof textIn> & { translation?: 'editorial' }> = {
      [language]: textIn(language),
    };
    if (language !== 'en' && rng.next() < 0.1) texts.en = { ...textIn('en'), translation: 'editorial' };
    const cooperationType = rng.pick(COOPERATION_TYPES);
    return {
      id: uuidFrom(rng),
      slug: `bench-solution-${i}`,
      language,
      visibility: 'public' as const,
      texts,
      countries: some(COUNTRIES, 1 + Math.floor(rng.next() * 2), rng),
      replicatedIn: rng.next() < 0.3 ? some(COUNTRIES, 1 + Math.floor(rng.next() * 3), rng) : [],
      providerIds: some(providers, cooperationType === 'triangular' ? 2 : 1, rng).map((o) => o.id),
      ...tagsOf(main, other),
      modalities: some(MODALITIES, 1 + Math.floor(rng.next() * 3), rng),
      cooperationType,
      evidence:
        rng.next() < 0.4 ? [{ url: `https://example.org/evaluations/${i}`, label: 'Evaluation' }] : [],
      status: 'published' as const,
      publishedAt,
    };
  });
}

/** Open public offers from the organisations, with working languages and an availability window. */
export function buildOfferRows(size: number, lexicon: Lexicon, providers: BenchOrganisation[], seed = 31) {
  const rng = random(seed);
  const concepts = [...lexicon.concepts.values()];
  const start = Date.parse('2026-06-01T00:00:00Z');
  return Array.from({ length: size }, (_, i) => {
    const language = rng.pick(WEIGHTED_LANGUAGES);
    const main = rng.pick(concepts);
    const other = rng.pick(concepts);
    const provider = rng.pick(providers);
    const from = start + Math.floor(rng.next() * 540) * 86_400_000;
    return {
      id: uuidFrom(rng),
      slug: `bench-offer-${i}`,
      language,
      visibility: 'public' as const,
      ownerOrganisationId: provider.id,
      country: provider.countryIso3 ?? rng.pick(COUNTRIES),
      texts: {
        [language]: {
          title: titleOf(main, other, language, rng),
          description: sentences(
            OFFER_FRAMES,
            language,
            2 + Math.floor(rng.next() * 3),
            main,
            other,
            concepts,
            rng,
          ),
        },
      },
      ...tagsOf(main, other),
      modalities: some(MODALITIES, 1 + Math.floor(rng.next() * 2), rng),
      workingLanguages: language === 'en' || rng.next() < 0.5 ? [language] : [language, 'en'],
      status: 'open' as const,
      capacityPlaces: rng.next() < 0.5 ? 10 + Math.floor(rng.next() * 30) : null,
      availableFrom: isoDay(from),
      availableUntil:
        rng.next() < 0.2 ? null : isoDay(from + (60 + Math.floor(rng.next() * 300)) * 86_400_000),
    };
  });
}

/**
 * Texts of needs to preview, eight per language: two or three sentences about specific concepts,
 * half of them naming the country with the challenge and a few asking for a modality.
 */
export function buildNeedTexts(
  lexicon: Lexicon,
  seed = 17,
): Array<{ text: string; language: string; country?: string; modalities?: string[] }> {
  const rng = random(seed);
  const concepts = [...lexicon.concepts.values()];
  const specific = concepts.filter((c) => c.broader.length > 0);
  const needs: Array<{ text: string; language: string; country?: string; modalities?: string[] }> = [];
  for (const language of LANGUAGES) {
    for (let i = 0; i < 8; i++) {
      const main = rng.pick(specific);
      const other = rng.pick(specific);
      const text = sentences(NEED_FRAMES, language, 2 + (i % 2), main, other, concepts, rng);
      needs.push({
        text,
        language,
        ...(i % 2 === 0 ? { country: rng.pick(COUNTRIES) } : {}),
        ...(i % 4 === 1 ? { modalities: [rng.pick(MODALITIES)] } : {}),
      });
    }
  }
  return needs;
}
