import { useTranslation } from 'react-i18next';
import { data, Form } from 'react-router';
import { isSignedIn } from '../../server/modules/access/policy';
import { LANGUAGE_TAGS, type Language } from '../../shared/languages';
import { isMonth, lastDayOfMonth, localParts, shiftMonth, timeZoneNames } from '../../shared/time-zones';
import { requirePageRole } from '../auth.server';
import {
  buildMonthView,
  type CalendarEntry,
  firstDayOfWeek,
  monthGrid,
  profileTimeZone,
  readerTimeZone,
  timeZoneLabel,
} from '../calendar.server';
import { Select } from '../components/form-fields';
import { langProps } from '../components/format';
import { PageTitle } from '../components/page-title';
import { runForm } from '../forms.server';
import type { Route } from './+types/calendar';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const lang = params.lang as Language;
  const url = new URL(request.url);
  const zone = readerTimeZone(request, await profileTimeZone(context));
  const asked = url.searchParams.get('month');
  const month = isMonth(asked) ? asked : localParts(new Date(), zone.timeZone).date.slice(0, 7);
  const view = url.searchParams.get('view') === 'list' ? 'list' : 'month';
  // The grid also shows the first and last days of the neighbouring months; the list only the month.
  const range =
    view === 'list'
      ? { from: `${month}-01`, to: lastDayOfMonth(month) }
      : monthGrid(month, firstDayOfWeek(lang));
  const found = await context.services.events.calendar(context.viewer, {
    from: range.from,
    to: range.to,
    tz: zone.timeZone,
    lang,
  });
  const calendar = buildMonthView({ month, lang, timeZone: zone.timeZone, events: found.items });
  const signedIn = isSignedIn(context.viewer);
  const [feeds, groups] = signedIn
    ? await Promise.all([
        context.services.calendarFeeds.list(context.viewer),
        context.services.accounts.groupSummaries(context.viewer.workingGroupIds, lang),
      ])
    : [[], []];
  const stamp = new Intl.DateTimeFormat(LANGUAGE_TAGS[lang], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: zone.timeZone,
  });
  const body = {
    calendar,
    view,
    timeZone: zone.timeZone,
    timeZoneLabel: timeZoneLabel(zone.timeZone, lang),
    invalidZone: zone.invalid ?? null,
    keepZone: zone.source === 'query',
    monthWasInvalid: !!asked && !isMonth(asked),
    zones: timeZoneNames(),
    signedIn,
    canCreate: signedIn,
    feeds: feeds.map((feed) => ({ ...feed, created: stamp.format(new Date(feed.createdAt)) })),
    groups,
  };
  return zone.setCookie ? data(body, { headers: { 'set-cookie': zone.setCookie } }) : body;
}

export function headers({ loaderHeaders }: Route.HeadersArgs) {
  return loaderHeaders;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const form = await request.formData();
  if (form.get('intent') !== 'feed') throw data(null, { status: 400 });
  const kind = form.get('kind') === 'group' ? 'group' : 'user';
  const groupId = String(form.get('groupId') ?? '') || undefined;
  const result = await runForm(() =>
    context.services.calendarFeeds.create(
      { viewer: context.viewer, ip: context.clientIp },
      { kind, groupId, lang: params.lang as Language },
    ),
  );
  if (!result.ok) return data({ feed: null, error: result.message }, { status: 422 });
  return {
    feed: { url: result.value.url, kind: result.value.kind, groupId: result.value.groupId },
    error: null,
  };
}

function Entry({ entry, lang }: { entry: CalendarEntry; lang: Language }) {
  const { t } = useTranslation();
  return (
    <>
      {entry.time && <span className="event-time">{entry.time} </span>}
      {entry.continued && <span className="event-time">{t('calendar.continued')} </span>}
      <a href={`/${lang}/events/${entry.slug}`} {...langProps(entry.language, lang)}>
        {entry.title}
      </a>
      {entry.cancelled && <span className="status"> {t('calendar.cancelled')}</span>}
      {entry.visibility !== 'public' && (
        <span className="meta"> · {t(`calendar.visibility.${entry.visibility}`)}</span>
      )}
    </>
  );
}

export default function CalendarPage({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = params.lang as Language;
  const { calendar, view, timeZone } = loaderData;
  const link = (month: string, nextView = view) => {
    const query = new URLSearchParams({ month });
    if (nextView === 'list') query.set('view', 'list');
    if (loaderData.keepZone) query.set('tz', timeZone);
    return `/${lang}/calendar?${query}`;
  };
  const days = calendar.weeks.flat();
  const listed = days.filter((day) => day.inMonth && day.entries.length > 0);
  const feedFor = (kind: string, groupId: string | null) =>
    loaderData.feeds.find((feed) => feed.kind === kind && feed.groupId === groupId);
  const userFeed = feedFor('user', null);
  return (
    <>
      <PageTitle title={`${t('calendar.title')}: ${calendar.caption}`} />
      <h1>{t('calendar.title')}</h1>
      <p className="lead">{t('calendar.intro')}</p>
      {loaderData.invalidZone && (
        <p role="alert" className="alert">
          {t('calendar.timeZone.invalid', { zone: loaderData.invalidZone, fallback: timeZone })}
        </p>
      )}
      {loaderData.monthWasInvalid && (
        <p role="alert" className="alert">
          {t('calendar.invalidMonth')}
        </p>
      )}
      <p>{t('calendar.timeZone.current', { zone: loaderData.timeZoneLabel })}</p>
      <div className="calendar-bar">
        <nav aria-label={t('calendar.monthNav')} className="calendar-nav">
          <a href={link(shiftMonth(calendar.month, -1))} rel="prev">
            {t('calendar.previousMonth')}
          </a>
          <a href={link(shiftMonth(calendar.month, 1))} rel="next">
            {t('calendar.nextMonth')}
          </a>
        </nav>
        <nav aria-label={t('calendar.views')} className="calendar-nav">
          <a href={link(calendar.month, 'month')} aria-current={view === 'month' ? 'page' : undefined}>
            {t('calendar.monthView')}
          </a>
          <a href={link(calendar.month, 'list')} aria-current={view === 'list' ? 'page' : undefined}>
            {t('calendar.listView')}
          </a>
        </nav>
        {loaderData.canCreate && (
          <p className="actions">
            <a href={`/${lang}/events/new`}>{t('calendar.newEvent')}</a>
          </p>
        )}
      </div>

      <h2 id="month-heading">{calendar.caption}</h2>
      {view === 'month' ? (
        <div className="calendar-scroll">
          <table className="calendar" aria-labelledby="month-heading">
            <thead>
              <tr>
                {calendar.weekdays.map((day) => (
                  <th key={day.long} scope="col">
                    <abbr title={day.long}>{day.short}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {calendar.weeks.map((week) => (
                <tr key={week[0]!.date}>
                  {week.map((day) => (
                    <td
                      key={day.date}
                      className={[day.inMonth ? '' : 'other-month', day.isToday ? 'today' : '']
                        .filter(Boolean)
                        .join(' ')}
                    >
                      <time
                        dateTime={day.date}
                        className="day-number"
                        aria-current={day.isToday ? 'date' : undefined}
                      >
                        <span aria-hidden="true">{day.number}</span>
                        <span className="visually-hidden">{day.label}</span>
                      </time>
                      {day.entries.length > 0 && (
                        <ul className="day-events">
                          {day.entries.map((entry) => (
                            <li key={entry.id} className={entry.cancelled ? 'cancelled' : undefined}>
                              <Entry entry={entry} lang={lang} />
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : listed.length === 0 ? (
        <p>{t('calendar.empty')}</p>
      ) : (
        listed.map((day) => (
          <section key={day.date} aria-labelledby={`day-${day.date}`} className="calendar-day">
            <h3 id={`day-${day.date}`}>
              <time dateTime={day.date}>{day.label}</time>
            </h3>
            <ul className="rows">
              {day.entries.map((entry) => (
                <li key={entry.id}>
                  <Entry entry={entry} lang={lang} />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      {view === 'month' && listed.length === 0 && calendar.undated.length === 0 && (
        <p>{t('calendar.empty')}</p>
      )}

      {calendar.undated.length > 0 && (
        <section aria-labelledby="undated-heading">
          <h2 id="undated-heading">{t('calendar.undatedTitle')}</h2>
          <ul className="rows">
            {calendar.undated.map((entry) => (
              <li key={entry.id}>
                <span className="event-time">{entry.when} </span>
                <Entry entry={entry} lang={lang} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="zone-heading">
        <h2 id="zone-heading">{t('calendar.timeZone.heading')}</h2>
        <form method="get" className="zone-form">
          <input type="hidden" name="month" value={calendar.month} />
          {view === 'list' && <input type="hidden" name="view" value="list" />}
          <Select
            name="tz"
            label={t('calendar.timeZone.label')}
            value={timeZone}
            options={loaderData.zones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
          />
          <button type="submit">{t('calendar.timeZone.change')}</button>
        </form>
      </section>

      {loaderData.signedIn && (
        <section aria-labelledby="feed-heading">
          <h2 id="feed-heading">{t('calendar.feed.heading')}</h2>
          <p>{t('calendar.feed.intro')}</p>
          {actionData?.feed && (
            <div role="status" className="notice">
              <label htmlFor="feed-url">{t('calendar.feed.url')}</label>
              <input id="feed-url" type="text" readOnly value={actionData.feed.url} className="feed-url" />
              <p className="hint">{t('calendar.feed.copyNow')}</p>
            </div>
          )}
          {actionData?.error && (
            <p role="alert" className="alert">
              {actionData.error}
            </p>
          )}
          <p>{userFeed ? t('calendar.feed.since', { date: userFeed.created }) : t('calendar.feed.none')}</p>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="feed" />
            <input type="hidden" name="kind" value="user" />
            <button type="submit">{userFeed ? t('calendar.feed.rotate') : t('calendar.feed.create')}</button>
          </Form>
          {userFeed && <p className="hint">{t('calendar.feed.rotateHint')}</p>}
          {loaderData.groups.length > 0 && (
            <>
              <h3>{t('calendar.feed.groupHeading')}</h3>
              <ul className="rows">
                {loaderData.groups.map((group) => {
                  const feed = feedFor('group', group.id);
                  return (
                    <li key={group.id}>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="feed" />
                        <input type="hidden" name="kind" value="group" />
                        <input type="hidden" name="groupId" value={group.id} />
                        <span {...langProps(group.language, lang)}>{group.name}</span>
                        {feed && (
                          <span className="meta">
                            {t('calendar.feed.groupSince', { date: feed.created })}
                          </span>
                        )}
                        <button
                          type="submit"
                          aria-label={t('calendar.feed.groupButton', { group: group.name })}
                        >
                          {feed ? t('calendar.feed.rotate') : t('calendar.feed.create')}
                        </button>
                      </Form>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}
