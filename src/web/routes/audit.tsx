import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { requirePageRole } from '../auth.server';
import { ExportLinks, exportQueryString } from '../components/export-links';
import { TextInput } from '../components/form-fields';
import { formatDateTime, useLanguage } from '../components/format';
import { PageTitle } from '../components/page-title';
import { Pager } from '../components/pager';
import type { Route } from './+types/audit';

const FILTERS = ['actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requirePageRole(context.viewer, 'secretariat', params.lang, request);
  const search = new URL(request.url).searchParams;
  const filters = Object.fromEntries(
    FILTERS.map((name) => [name, search.get(name)?.trim() || undefined]).filter(([, value]) => value),
  ) as Record<(typeof FILTERS)[number], string | undefined>;
  const valid =
    (!filters.from || /^\d{4}-\d{2}-\d{2}$/.test(filters.from)) &&
    (!filters.to || /^\d{4}-\d{2}-\d{2}$/.test(filters.to));
  const page = await context.services.audit.list(context.viewer, {
    ...(valid ? filters : {}),
    limit: 50,
    cursor: search.get('cursor') ?? undefined,
  });
  return { page, filters, invalidDates: !valid, exportQuery: exportQueryString(search, params.lang) };
}

export default function Audit({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { page, filters } = loaderData;
  return (
    <article>
      <PageTitle title={t('audit.title')} />
      <h1>{t('audit.title')}</h1>
      <Form method="get" className="filters">
        <TextInput name="actor" label={t('audit.actor')} value={filters.actor} />
        <TextInput
          name="action"
          label={t('audit.action')}
          hint={t('audit.actionHint')}
          value={filters.action}
        />
        <TextInput name="entityType" label={t('audit.entityType')} value={filters.entityType} />
        <TextInput name="entityId" label={t('audit.entityId')} value={filters.entityId} />
        <TextInput
          name="from"
          type="date"
          label={t('audit.from')}
          value={filters.from}
          error={loaderData.invalidDates ? t('audit.badDate') : undefined}
        />
        <TextInput name="to" type="date" label={t('audit.to')} value={filters.to} />
        <div className="form-actions">
          <button type="submit">{t('list.apply')}</button>
        </div>
      </Form>
      <p role="status">{t('audit.count', { count: page.total })}</p>
      <ExportLinks path="/api/v1/audit/export" query={loaderData.exportQuery} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.entity')}</th>
            <th scope="col">{t('audit.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((entry) => (
            <tr key={entry.id}>
              <td>{formatDateTime(language, entry.at)}</td>
              <td dir="ltr">{entry.actor}</td>
              <td dir="ltr">{entry.action}</td>
              <td dir="ltr">
                {entry.entityType} {entry.entityId}
              </td>
              <td dir="ltr">{entry.ip ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager nextCursor={page.nextCursor} />
    </article>
  );
}
