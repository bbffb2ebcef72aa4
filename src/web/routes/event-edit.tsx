import { useTranslation } from 'react-i18next';
import { data, Form, redirect } from 'react-router';
import { AppError } from '../../server/errors';
import { EventPatch } from '../../server/modules/events/schema';
import type { Language } from '../../shared/languages';
import { EventForm } from '../components/event-form';
import { PageTitle } from '../components/page-title';
import { eventFormOptions, eventFormValues, eventPatchOf, eventToFormValues } from '../event-form.server';
import { requireMemberPage, runForm } from '../forms.server';
import { parseInput } from '../solution-input.server';
import type { Route } from './+types/event-edit';

async function editable(context: Route.LoaderArgs['context'], slug: string, lang: Language) {
  try {
    const event = await context.services.events.get(context.viewer, slug, lang);
    if (!event.canEdit) throw data(null, { status: 403 });
    return event;
  } catch (error) {
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    throw error;
  }
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  // The form edits the original-language text, whatever the page's language.
  const event = await editable(context, params.slug, lang);
  const original =
    event.language === event.originalLanguage
      ? event
      : await editable(context, params.slug, event.originalLanguage as Language);
  return {
    slug: event.slug,
    cancelled: event.cancelled,
    values: eventToFormValues(original),
    options: await eventFormOptions(context, lang, { groupId: event.workingGroupId }),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const form = await request.formData();
  const ctx = { viewer: context.viewer, ip: context.clientIp };
  if (form.get('intent') === 'cancel-event') {
    const result = await runForm(() => context.services.eventWrites.cancel(ctx, params.slug));
    if (result.ok) throw redirect(`/${params.lang}/events/${result.value.slug}`);
    return data({ errors: result.errors, values: null }, { status: 409 });
  }
  const event = await editable(context, params.slug, params.lang as Language);
  const before = eventToFormValues(
    event.language === event.originalLanguage
      ? event
      : await editable(context, params.slug, event.originalLanguage as Language),
  );
  const values = eventFormValues(form);
  const patch = eventPatchOf(before, values);
  if (Object.keys(patch).length === 0) throw redirect(`/${params.lang}/events/${event.slug}`);
  const result = await runForm(() =>
    context.services.eventWrites.update(ctx, params.slug, parseInput(EventPatch, patch)),
  );
  if (result.ok) throw redirect(`/${params.lang}/events/${result.value.slug}`);
  return data({ errors: result.errors, values }, { status: 422 });
}

export default function EditEvent({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <article className="narrow">
      <PageTitle title={t('calendar.form.editEvent')} />
      <h1>{t('calendar.form.editEvent')}</h1>
      <EventForm
        options={loaderData.options}
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.errors ?? {}}
        isNew={false}
        cancelHref={`/${params.lang}/events/${loaderData.slug}`}
      />
      {!loaderData.cancelled && (
        <section aria-labelledby="cancel-heading" className="workflow">
          <h2 id="cancel-heading">{t('calendar.event.cancelEvent')}</h2>
          <p>{t('calendar.event.cancelHint')}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="cancel-event" />
            <button type="submit" className="secondary">
              {t('calendar.event.cancelEvent')}
            </button>
          </Form>
        </section>
      )}
    </article>
  );
}
