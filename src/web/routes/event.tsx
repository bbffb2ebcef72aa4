import { useTranslation } from 'react-i18next';
import { data } from 'react-router';
import { AppError } from '../../server/errors';
import type { Language } from '../../shared/languages';
import { formatDateRange, langProps } from '../components/format';
import { PageTitle } from '../components/page-title';
import { SourceCitation } from '../components/source-citation';
import type { Route } from './+types/event';

export async function loader({ params, context }: Route.LoaderArgs) {
  try {
    return { event: await context.services.events.get(context.viewer, params.slug, params.lang as Language) };
  } catch (error) {
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    throw error;
  }
}

export default function EventPage({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event } = loaderData;
  const lang = params.lang as Language;
  const textLang = langProps(event.language, lang);
  return (
    <article className="narrow">
      <PageTitle title={event.title} />
      <h1 {...textLang}>{event.title}</h1>
      <dl className="facts inline">
        <dt>{t('events.when')}</dt>
        <dd>{formatDateRange(lang, event.startsOn, event.endsOn, event.datePrecision)}</dd>
        {(event.city || event.country) && (
          <>
            <dt>{t('events.where')}</dt>
            <dd>{[event.city, event.country?.name].filter(Boolean).join(', ')}</dd>
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
    </article>
  );
}
