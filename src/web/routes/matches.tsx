import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import type { Language } from '../../shared/languages';
import { Select } from '../components/form-fields';
import { MatchList } from '../components/match-list';
import { PageTitle } from '../components/page-title';
import { myMatchesLoader } from '../matches.server';
import type { Route } from './+types/matches';

export const loader = (args: Route.LoaderArgs) => myMatchesLoader(args);

export default function MyMatches({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = params.lang as Language;
  const { items, status, statuses, staff } = loaderData;
  return (
    <article>
      <PageTitle title={t('matches.title')} />
      <h1>{t('matches.title')}</h1>
      <p className="lead">{t(staff ? 'matches.introStaff' : 'matches.intro')}</p>
      <ul className="plain actions">
        <li>
          <a href={`/${lang}/needs`}>{t('nav.needs')}</a>
        </li>
        <li>
          <a href={`/${lang}/offers`}>{t('nav.offers')}</a>
        </li>
        <li>
          <a href={`/${lang}/notifications`}>{t('groups.notifications.title')}</a>
        </li>
      </ul>
      <Form method="get" className="filters inline-form">
        <Select
          name="status"
          label={t('postings.statusLabel')}
          options={statuses.map((value) => ({ value, label: t(`matches.status.${value}`) }))}
          empty={t('matches.anyStatus')}
          value={status}
        />
        <button type="submit">{t('list.apply')}</button>
      </Form>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{t('list.total', { count: items.length })}</h2>
        {items.length === 0 ? (
          <p>{t(status ? 'matches.emptyFiltered' : 'matches.empty')}</p>
        ) : (
          <MatchList items={items} show="both" />
        )}
      </section>
    </article>
  );
}
