import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { isSignedIn } from '../../server/modules/access/policy';
import { EventListQuery } from '../../server/modules/events/schema';
import type { Language } from '../../shared/languages';
import { EVENT_KINDS } from '../../shared/vocabularies';
import { ExportLinks, exportQueryString } from '../components/export-links';
import { FilterErrors, fieldError } from '../components/filter-errors';
import { formatDateRange, langProps } from '../components/format';
import { PageTitle } from '../components/page-title';
import { Pager } from '../components/pager';
import { SelectField, TextField } from '../components/select-field';
import { listWithCursor, parseListQuery } from '../list-query.server';
import type { Route } from './+types/events';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const lang = params.lang as Language;
  const { filters, errors } = parseListQuery(EventListQuery, request, { lang, limit: 30 });
  const page = await listWithCursor(filters, errors, (f) => context.services.events.list(context.viewer, f));
  const search = new URL(request.url).searchParams;
  return {
    page,
    exportQuery: exportQueryString(search, lang),
    errors,
    canCreate: isSignedIn(context.viewer),
    values: { kind: search.get('kind') ?? '', from: search.get('from') ?? '', to: search.get('to') ?? '' },
  };
}

export default function Events({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { page, errors, values } = loaderData;
  const lang = params.lang as Language;
  return (
    <>
      <PageTitle title={t('events.title')} />
      <h1>{t('events.title')}</h1>
      <p className="lead">{t('events.intro')}</p>
      <p className="actions">
        <a href={`/${lang}/calendar`}>{t('calendar.calendarLink')}</a>
        {loaderData.canCreate && <a href={`/${lang}/events/new`}>{t('calendar.newEvent')}</a>}
      </p>
      <div className="with-sidebar">
        <aside aria-labelledby="filters-heading">
          <h2 id="filters-heading">{t('list.filters')}</h2>
          <Form method="get" className="filters">
            <SelectField
              name="kind"
              label={t('filter.kind')}
              value={values.kind}
              error={fieldError(errors, 'kind')}
              options={EVENT_KINDS.map((kind) => ({ value: kind, label: t(`events.kind.${kind}`) }))}
            />
            <TextField
              name="from"
              type="date"
              label={t('filter.from')}
              value={values.from}
              error={fieldError(errors, 'from')}
            />
            <TextField
              name="to"
              type="date"
              label={t('filter.to')}
              value={values.to}
              error={fieldError(errors, 'to')}
            />
            <button type="submit">{t('list.apply')}</button>
            <a href={`/${lang}/events`}>{t('list.reset')}</a>
          </Form>
        </aside>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('list.total', { count: page.total })}</h2>
          <ExportLinks path="/api/v1/events/export" query={loaderData.exportQuery} />
          <FilterErrors errors={errors} />
          {page.items.length === 0 && <p>{t('events.empty')}</p>}
          <ul className="rows">
            {page.items.map((event) => (
              <li key={event.id}>
                <a href={`/${lang}/events/${event.slug}`} {...langProps(event.language, lang)}>
                  {event.title}
                </a>
                <span className="meta">
                  {' · '}
                  {formatDateRange(lang, event.startsOn, event.endsOn, event.datePrecision)}
                  {event.city && <> · {event.city}</>}
                  {event.country && <>, {event.country.name}</>}
                  {' · '}
                  {t(`events.kind.${event.kind}`, { defaultValue: event.kind })}
                  {event.cancelled && <span className="status"> {t('calendar.cancelled')}</span>}
                </span>
              </li>
            ))}
          </ul>
          <Pager nextCursor={page.nextCursor} />
        </section>
      </div>
    </>
  );
}
