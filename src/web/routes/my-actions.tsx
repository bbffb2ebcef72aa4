import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { MyActionsQuery } from '../../server/modules/groups/schema';
import { ACTION_STATUSES } from '../../shared/groups';
import type { Language } from '../../shared/languages';
import { requirePageRole } from '../auth.server';
import { ActionTable } from '../components/action-table';
import { FilterErrors } from '../components/filter-errors';
import { Select } from '../components/form-fields';
import { PageTitle } from '../components/page-title';
import { Pager } from '../components/pager';
import { listWithCursor, parseListQuery } from '../list-query.server';
import type { Route } from './+types/my-actions';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const { filters, errors } = parseListQuery(MyActionsQuery, request, {
    lang: params.lang as Language,
    limit: 50,
  });
  const page = await listWithCursor(filters, errors, (f) =>
    context.services.groups.myActions(context.viewer, f),
  );
  return { page, errors, status: filters.status ?? '' };
}

export default function MyActions({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = params.lang as Language;
  const { page } = loaderData;
  return (
    <article>
      <PageTitle title={t('groups.mine.title')} />
      <h1>{t('groups.mine.title')}</h1>
      <p className="lead">{t('groups.mine.intro')}</p>
      <ul className="plain actions">
        <li>
          <a href={`/${lang}/groups`}>{t('groups.title')}</a>
        </li>
        <li>
          <a href={`/${lang}/notifications`}>{t('groups.notifications.title')}</a>
        </li>
      </ul>
      <Form method="get" className="filters inline-form">
        <Select
          name="status"
          label={t('groups.actions.status')}
          options={ACTION_STATUSES.map((status) => ({
            value: status,
            label: t(`groups.actions.statuses.${status}`),
          }))}
          empty={t('groups.actions.anyStatus')}
          value={loaderData.status}
        />
        <button type="submit">{t('groups.actions.filter')}</button>
      </Form>
      <FilterErrors errors={loaderData.errors} />
      {page.items.length === 0 ? (
        <p>{t('groups.mine.empty')}</p>
      ) : (
        <ActionTable actions={page.items} language={lang} showGroup />
      )}
      <Pager nextCursor={page.nextCursor} />
    </article>
  );
}
