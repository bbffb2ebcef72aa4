import { useTranslation } from 'react-i18next';

/** The current filters as an export query: no cursor, the page's language. */
export function exportQueryString(search: URLSearchParams, lang: string): string {
  const query = new URLSearchParams(search);
  query.delete('cursor');
  query.set('lang', lang);
  return query.toString();
}

/** "Download: CSV · Excel" links for the filtered list. */
export function ExportLinks({ path, query }: { path: string; query: string }) {
  const { t } = useTranslation();
  return (
    <p className="actions">
      {t('list.export')}:{' '}
      <a href={`${path}?format=csv&${query}`} download>
        {t('list.exportCsv')}
      </a>{' '}
      <a href={`${path}?format=xlsx&${query}`} download>
        {t('list.exportXlsx')}
      </a>
    </p>
  );
}
