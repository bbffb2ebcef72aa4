import { useTranslation } from 'react-i18next';
import type { Need, Offer } from '../../server/modules/needs-offers/schema';
import { langProps, useLanguage } from './format';

/**
 * A period with an open start or end, formatted on the server (the server's and the browser's
 * Intl can differ): `range` when both dates are known, else `from` or `until`.
 */
export type DateWindow = { kind: 'range' | 'from' | 'until'; dates: string };

export type PostingListItem = (Need | Offer) & { window: DateWindow | null };

const PATHS = { need: 'needs', offer: 'offers' } as const;

/** One need or offer in a list: title, organisation, country, themes, status and its period. */
export function PostingCard({ posting }: { posting: PostingListItem }) {
  const language = useLanguage();
  const { t } = useTranslation();
  const path = PATHS[posting.kind];
  return (
    <article className="card">
      <h3 {...langProps(posting.language, language)}>
        <a href={`/${language}/${path}/${posting.slug}`}>{posting.title}</a>
      </h3>
      <p className="status">{t(`postings.status.${posting.status}`)}</p>
      <p className="meta">
        {posting.organisation && (
          <span {...langProps(posting.organisation.language, language)}>
            {posting.organisation.acronym ?? posting.organisation.name}
          </span>
        )}
        {posting.organisation && ' · '}
        {posting.country.name}
      </p>
      <p className="meta">
        {t(`${path}.window`)}:{' '}
        {posting.window
          ? t(`postings.window.${posting.window.kind}`, { dates: posting.window.dates })
          : t('postings.notGiven')}
      </p>
      {posting.themes.length > 0 && (
        <ul className="tags" aria-label={t('postings.themes')}>
          {posting.themes.map((theme) => (
            <li key={theme.id}>
              <a href={`/${language}/${path}?theme=${theme.id}`}>{theme.label}</a>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
