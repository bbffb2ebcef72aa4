import { useTranslation } from 'react-i18next';
import { LANGUAGE_TAGS, type Language } from '../../shared/languages';

/** The short name of a stored file type, for `library.fileType.*`. */
const TYPE_KEYS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/csv': 'csv',
  'text/plain': 'txt',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
};

export const VISIBILITY_CHOICES = ['public', 'members', 'organization', 'working_group', 'private'] as const;

/** A file size in kB or MB, in the reader's language. */
export function formatFileSize(language: Language, bytes: number): string {
  const megabytes = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(LANGUAGE_TAGS[language], {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(megabytes ? bytes / (1024 * 1024) : Math.max(0.1, bytes / 1024));
}

/** The day a resource was added or changed, in the reader's language (UTC). */
export function formatDay(language: Language, iso: string): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[language], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}

/** "PDF · 2.1 kB": what a stored file is and how large. */
export function FileFacts({ file, language }: { file: { type: string; size: number }; language: Language }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`library.fileType.${TYPE_KEYS[file.type] ?? 'other'}`)} · {formatFileSize(language, file.size)}
    </>
  );
}

/** The download link of a document, or the external link of a link. */
export function ResourceLink({
  resource,
}: {
  resource: { kind: string; url: string | null; downloadUrl: string | null; title: string };
}) {
  const { t } = useTranslation();
  if (resource.downloadUrl)
    return (
      <a href={resource.downloadUrl} download>
        {t('library.download')}
        <span className="visually-hidden"> {resource.title}</span>
      </a>
    );
  if (resource.url)
    return (
      <a href={resource.url} rel="noopener noreferrer nofollow" className="external">
        {t('library.openLink')}
        <span className="visually-hidden"> {resource.title}</span>
      </a>
    );
  return null;
}
