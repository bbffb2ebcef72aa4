import { useTranslation } from 'react-i18next';

/** Cites the seed document and paragraph a record comes from. */
export function SourceCitation({ source }: { source: { file: string; line?: number; paragraph?: string } }) {
  const { t } = useTranslation();
  return (
    <cite>
      {source.paragraph
        ? t('solutions.sourceParagraph', {
            file: source.file,
            paragraph: source.paragraph,
            line: source.line,
          })
        : t('solutions.sourceCitation', { file: source.file, line: source.line })}
    </cite>
  );
}
