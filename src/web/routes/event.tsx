import { useTranslation } from 'react-i18next';
import { data, Form, redirect } from 'react-router';
import { AppError } from '../../server/errors';
import { isSignedIn } from '../../server/modules/access/policy';
import type { Language } from '../../shared/languages';
import { requirePageRole } from '../auth.server';
import { formatEventTime, profileTimeZone, readerTimeZone, timeZoneLabel } from '../calendar.server';
import { formatDateRange, langProps } from '../components/format';
import { PageTitle } from '../components/page-title';
import { SourceCitation } from '../components/source-citation';
import { runForm } from '../forms.server';
import type { Route } from './+types/event';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const lang = params.lang as Language;
  try {
    const event = await context.services.events.get(context.viewer, params.slug, lang);
    const zone = readerTimeZone(request, await profileTimeZone(context));
    const times = event.timeZone
      ? {
          eventZone: timeZoneLabel(event.timeZone, lang),
          inEventZone: formatEventTime(event, event.timeZone, lang),
          readerZone: timeZoneLabel(zone.timeZone, lang),
          inReaderZone: formatEventTime(event, zone.timeZone, lang),
        }
      : null;
    return {
      event,
      times,
      // Formatted here, not while rendering: the server's and the browser's Intl can differ.
      when: formatDateRange(lang, event.startsOn, event.endsOn, event.datePrecision),
      signedIn: isSignedIn(context.viewer),
      registered: new URL(request.url).searchParams.get('registered'),
    };
  } catch (error) {
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    throw error;
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const intent = (await request.formData()).get('intent');
  const ctx = { viewer: context.viewer, ip: context.clientIp };
  const result = await runForm(() =>
    intent === 'unregister'
      ? context.services.eventWrites.unregister(ctx, params.slug)
      : context.services.eventWrites.register(ctx, params.slug),
  );
  if (result.ok)
    throw redirect(
      `/${params.lang}/events/${params.slug}?registered=${result.value.registered ? 'yes' : 'no'}`,
    );
  return data({ error: result.message }, { status: 409 });
}

export default function EventPage({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event, times } = loaderData;
  const lang = params.lang as Language;
  const textLang = langProps(event.language, lang);
  const full = event.capacity !== null && event.registrations >= event.capacity;
  return (
    <article className="narrow">
      <PageTitle title={event.title} />
      <h1 {...textLang}>{event.title}</h1>
      {event.cancelled && (
        <p className="alert" role="status">
          {t('calendar.event.isCancelled')}
        </p>
      )}
      {loaderData.registered && (
        <p className="notice" role="status">
          {loaderData.registered === 'yes'
            ? t('calendar.event.youAreRegistered')
            : t('calendar.event.notRegistered')}
        </p>
      )}
      <dl className="facts inline">
        {times ? (
          <>
            <dt>{t('calendar.event.eventTime', { zone: times.eventZone })}</dt>
            <dd>{times.inEventZone}</dd>
            <dt>{t('calendar.event.yourTime', { zone: times.readerZone })}</dt>
            <dd>{times.inReaderZone}</dd>
          </>
        ) : (
          <>
            <dt>{t('events.when')}</dt>
            <dd>{loaderData.when}</dd>
          </>
        )}
        {(event.city || event.country) && (
          <>
            <dt>{t('events.where')}</dt>
            <dd>{[event.city, event.country?.name].filter(Boolean).join(', ')}</dd>
          </>
        )}
        {event.location && (
          <>
            <dt>{t('calendar.event.location')}</dt>
            <dd>{event.location}</dd>
          </>
        )}
        {event.onlineUrl && (
          <>
            <dt>{t('calendar.event.online')}</dt>
            <dd>
              <a href={event.onlineUrl} rel="noopener noreferrer nofollow">
                {event.onlineUrl}
              </a>
            </dd>
          </>
        )}
        {event.organisers.length > 0 && (
          <>
            <dt>{t('events.organisers')}</dt>
            <dd>
              {event.organisers.map((org, index) => (
                <span key={org.id}>
                  {index > 0 && ', '}
                  <a href={`/${lang}/organisations/${org.slug}`} {...langProps(org.language, lang)}>
                    {org.name}
                  </a>
                </span>
              ))}
            </dd>
          </>
        )}
        {event.group && (
          <>
            <dt>{t('calendar.event.group')}</dt>
            <dd>{event.group.name}</dd>
          </>
        )}
        {event.visibility !== 'public' && (
          <>
            <dt>{t('calendar.event.visibility')}</dt>
            <dd>{t(`calendar.visibility.${event.visibility}`)}</dd>
          </>
        )}
        {event.registration !== 'none' && (
          <>
            <dt>{t('calendar.event.registration')}</dt>
            <dd>
              {t(`calendar.registrationMode.${event.registration}`)}
              {' · '}
              {t('calendar.event.registrations', { count: event.registrations })}
              {event.capacity !== null && <> · {t('calendar.event.places', { count: event.capacity })}</>}
            </dd>
          </>
        )}
        {event.source && (
          <>
            <dt>{t('solutions.source')}</dt>
            <dd>
              <SourceCitation source={event.source} />
            </dd>
          </>
        )}
      </dl>
      {event.description && <p {...textLang}>{event.description}</p>}

      <p className="actions">
        <a href={`/api/v1/events/${event.slug}.ics?lang=${lang}`} download={`${event.slug}.ics`}>
          {t('calendar.event.download')}
        </a>
        {event.canEdit && !event.cancelled && (
          <a href={`/${lang}/events/${event.slug}/edit`}>{t('calendar.event.edit')}</a>
        )}
        <a href={`/${lang}/calendar?month=${event.startsOn.slice(0, 7)}`}>{t('calendar.event.inCalendar')}</a>
      </p>

      {event.registration !== 'none' && !event.cancelled && (
        <section aria-labelledby="registration-heading">
          <h2 id="registration-heading">{t('calendar.event.registration')}</h2>
          {actionData?.error && (
            <p role="alert" className="alert">
              {actionData.error}
            </p>
          )}
          {!loaderData.signedIn ? (
            <p>
              <a href={`/${lang}/sign-in?next=${encodeURIComponent(`/${lang}/events/${event.slug}`)}`}>
                {t('calendar.event.signInToRegister')}
              </a>
            </p>
          ) : event.registered ? (
            <Form method="post">
              <p>{t('calendar.event.youAreRegistered')}</p>
              <input type="hidden" name="intent" value="unregister" />
              <button type="submit" className="secondary">
                {t('calendar.event.unregister')}
              </button>
            </Form>
          ) : event.registration === 'closed' ? (
            <p>{t('calendar.event.closed')}</p>
          ) : full ? (
            <p>{t('calendar.event.full')}</p>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="register" />
              <button type="submit">{t('calendar.event.register')}</button>
            </Form>
          )}
        </section>
      )}
    </article>
  );
}
