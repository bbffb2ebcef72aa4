/**
 * Turns stored reasons into sentences in the reader's language. Reasons are stored as kinds and
 * values (concept ids, language codes, counts), never as text, so a match computed for an English
 * need reads in Arabic for an Arabic reader. Messages live under `matchReasons` in the locales.
 */
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGE_TAGS, type Language } from '../../../shared/languages.js';
import { getI18n } from '../../../web/i18n.js';
import type { Lexicon } from '../../search/lexicon.js';
import { readDataFile, TaxonomyFile } from '../../seed/files.js';
import type { RawReason, Reason } from './types.js';

let modalityLabels: Map<string, Record<string, string>> | undefined;

/** A modality's label in a language, from data/taxonomy/modalities.json (read once). */
function modalityLabel(id: string, language: Language): string {
  modalityLabels ??= new Map(
    readDataFile('taxonomy/modalities.json', TaxonomyFile).map((m) => [m.id, m.labels]),
  );
  return modalityLabels.get(id)?.[language] ?? id;
}

/** A language's name in the reader's language (« French », « francés », « 法语 »). */
function languageName(code: string, reader: Language): string {
  try {
    return new Intl.DisplayNames([LANGUAGE_TAGS[reader]], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const text = (value: string | number | undefined) => (value === undefined ? '' : String(value));

/** The sentences for a list of reasons, in order, each weight rounded to three decimals. */
export function labelReasons(reasons: RawReason[], language: string, lexicon: Lexicon): Reason[] {
  const reader: Language = isLanguage(language) ? language : DEFAULT_LANGUAGE;
  const { t } = getI18n(reader);
  const concept = (id: string | number | undefined) => lexicon.label(text(id), reader);

  const label = ({ kind, params }: RawReason): string => {
    switch (kind) {
      case 'concept':
        if (params.count !== undefined) return t('matchReasons.conceptMore', { count: params.count });
        return params.sdg !== undefined
          ? t('matchReasons.concept', { concept: concept(params.concept), sdg: params.sdg })
          : t('matchReasons.conceptNoSdg', { concept: concept(params.concept) });
      case 'related_concept':
        return t('matchReasons.related_concept', {
          concept: concept(params.concept),
          via: concept(params.via),
        });
      case 'theme':
        return t('matchReasons.theme', { theme: concept(params.theme) });
      case 'sdg':
        return params.target !== undefined
          ? t('matchReasons.sdg', { target: params.target })
          : t('matchReasons.sdgGoal', { goal: params.goal });
      case 'development_status':
        return t('matchReasons.development_status', {
          status: t(`matchReasons.status.${text(params.status)}`),
        });
      case 'working_language':
        return t('matchReasons.working_language', { language: languageName(text(params.language), reader) });
      case 'modality':
        return t('matchReasons.modality', { modality: modalityLabel(text(params.modality), reader) });
      default:
        // The rest need at most a count, passed as is.
        return t(`matchReasons.${kind}`, params);
    }
  };

  return reasons.map((reason) => ({
    kind: reason.kind,
    label: label(reason),
    weight: Math.round(reason.weight * 1000) / 1000,
  }));
}
