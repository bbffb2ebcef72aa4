import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/** "Next page" and "First page" links that keep the current filters. */
export function Pager({ nextCursor }: { nextCursor: string | null }) {
  const { t } = useTranslation();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const hasCursor = params.has('cursor');
  params.delete('cursor');
  const first = params.toString();
  if (nextCursor) params.set('cursor', nextCursor);
  if (!nextCursor && !hasCursor) return null;
  return (
    <nav aria-label={t('list.pagination')} className="pager">
      {hasCursor && <a href={`${location.pathname}${first ? `?${first}` : ''}`}>{t('list.first')}</a>}
      {nextCursor && (
        <a href={`${location.pathname}?${params.toString()}`} rel="next">
          {t('list.next')}
        </a>
      )}
    </nav>
  );
}
