import { DEFAULT_LANGUAGE, isLanguage } from '../../../shared/languages.js';
import { getI18n } from '../../../web/i18n.js';

type Kind = 'reset' | 'invitation' | 'firstAdmin';

/** The subject and body of an account email, in the recipient's language (English otherwise). */
export function accountEmail(
  kind: Kind,
  language: string | null | undefined,
  values: Record<string, string | number>,
): { subject: string; text: string } {
  const t = getI18n(language && isLanguage(language) ? language : DEFAULT_LANGUAGE).t;
  return { subject: t(`mail.${kind}.subject`, values), text: t(`mail.${kind}.body`, values) };
}
