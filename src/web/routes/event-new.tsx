import { useTranslation } from 'react-i18next';
import { data, redirect } from 'react-router';
import { EventInput } from '../../server/modules/events/schema';
import type { Language } from '../../shared/languages';
import { profileTimeZone, readerTimeZone } from '../calendar.server';
import { EventForm } from '../components/event-form';
import { PageTitle } from '../components/page-title';
import { type EventFormValues, eventFormOptions, eventFormValues, eventInputOf } from '../event-form.server';
import { requireMemberPage, runForm } from '../forms.server';
import { parseInput } from '../solution-input.server';
import type { Route } from './+types/event-new';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const defaults: EventFormValues = {
    language: lang,
    timeZone: readerTimeZone(request, await profileTimeZone(context)).timeZone,
    visibility: 'members',
    registration: 'none',
    kind: 'meeting',
  };
  return { options: await eventFormOptions(context, lang), defaults };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const values = eventFormValues(await request.formData());
  const result = await runForm(() =>
    context.services.eventWrites.create(
      { viewer: context.viewer, ip: context.clientIp },
      parseInput(EventInput, eventInputOf(values)),
    ),
  );
  if (result.ok) throw redirect(`/${params.lang}/events/${result.value.slug}`);
  return data({ errors: result.errors, values }, { status: 422 });
}

export default function NewEvent({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('calendar.form.newEvent')} />
      <h1>{t('calendar.form.newEvent')}</h1>
      <EventForm
        options={loaderData.options}
        values={actionData?.values ?? loaderData.defaults}
        errors={actionData?.errors ?? {}}
        isNew
        cancelHref={`/${params.lang}/calendar`}
      />
    </article>
  );
}
