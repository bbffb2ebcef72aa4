import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { data } from 'react-router';
import { AppError } from '../../server/errors';
import type { Language } from '../../shared/languages';
import { requirePageRole } from '../auth.server';
import { langProps, languageName } from '../components/format';
import { PageTitle } from '../components/page-title';
import type { Route } from './+types/directory-person';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  try {
    const person = await context.services.directory.get(
      context.viewer,
      params.userId,
      params.lang as Language,
    );
    return { person, isSelf: person.id === context.viewer.userId };
  } catch (error) {
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    throw error;
  }
}

export default function DirectoryPerson({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { person, isSelf } = loaderData;
  const lang = params.lang as Language;
  const hasContact = !!(person.email || person.phone || person.website);
  return (
    <article className="narrow profile">
      <PageTitle title={person.name} />
      <p className="breadcrumb">
        <a href={`/${lang}/directory`}>{t('directory.title')}</a>
      </p>
      <h1>{person.name}</h1>
      {person.jobTitle && <p className="lead">{person.jobTitle}</p>}
      {person.listed === false && (
        <p className="notice" role="status">
          {isSelf ? t('directory.profile.notListedSelf') : t('directory.profile.notListed')}
        </p>
      )}
      {isSelf && (
        <p className="actions">
          <a href={`/${lang}/account/profile`}>{t('directory.editProfile')}</a>
        </p>
      )}
      <dl className="facts">
        {person.organisation && (
          <>
            <dt>{t('directory.profile.organisation')}</dt>
            <dd>
              <a
                href={`/${lang}/organisations/${person.organisation.slug}`}
                {...langProps(person.organisation.language, lang)}
              >
                {person.organisation.name}
              </a>
            </dd>
          </>
        )}
        {person.country && (
          <>
            <dt>{t('directory.profile.country')}</dt>
            <dd>{person.country.name}</dd>
          </>
        )}
        {person.languages.length > 0 && (
          <>
            <dt>{t('directory.profile.languages')}</dt>
            <dd>{person.languages.map((code) => languageName(lang, code)).join(', ')}</dd>
          </>
        )}
        {person.timeZone && (
          <>
            <dt>{t('directory.profile.timeZone')}</dt>
            <dd dir="ltr">{person.timeZone}</dd>
          </>
        )}
        {person.themes.length > 0 && (
          <>
            <dt>{t('directory.profile.themes')}</dt>
            <dd>
              <ul className="tags">
                {person.themes.map((theme) => (
                  <li key={theme.id}>
                    <a href={`/${lang}/directory?theme=${encodeURIComponent(theme.id)}`}>{theme.label}</a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {person.groups.length > 0 && (
          <>
            <dt>{t('directory.profile.groups')}</dt>
            <dd>
              <ul className="plain">
                {person.groups.map((group) => (
                  <li key={group.id}>
                    <a href={`/${lang}/groups/${group.slug}`} {...langProps(group.language, lang)}>
                      {group.name}
                    </a>
                    {group.role !== 'member' && <> ({t(`directory.groupRole.${group.role}`)})</>}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>

      {person.expertise && (
        <section aria-labelledby="expertise">
          <h2 id="expertise">{t('directory.profile.expertise')}</h2>
          <p className="prose">{person.expertise}</p>
        </section>
      )}
      {person.bio && (
        <section aria-labelledby="bio">
          <h2 id="bio">{t('directory.profile.bio')}</h2>
          <p className="prose">{person.bio}</p>
        </section>
      )}

      <section aria-labelledby="contact">
        <h2 id="contact">{t('directory.profile.contact')}</h2>
        {hasContact ? (
          <dl className="facts inline">
            {person.email && (
              <>
                <dt>{t('directory.profile.email')}</dt>
                <dd>
                  <a href={`mailto:${person.email}`} dir="ltr">
                    {person.email}
                  </a>
                </dd>
              </>
            )}
            {person.phone && (
              <>
                <dt>{t('directory.profile.phone')}</dt>
                <dd>
                  <a href={`tel:${person.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
                    {person.phone}
                  </a>
                </dd>
              </>
            )}
            {person.website && (
              <>
                <dt>{t('directory.profile.website')}</dt>
                <dd>
                  <a href={person.website} rel="nofollow noopener noreferrer" dir="ltr">
                    {person.website}
                  </a>
                </dd>
              </>
            )}
          </dl>
        ) : (
          <p>{t('directory.profile.noContact')}</p>
        )}
        {person.sharedFields && (
          <p className="hint">
            {t('directory.profile.sharedWith')}{' '}
            {person.sharedFields.length === 0
              ? t('directory.profile.sharedNothing')
              : person.sharedFields.map((field, index) => (
                  <Fragment key={field}>
                    {index > 0 && ', '}
                    {t(`directory.field.${field}`)}
                  </Fragment>
                ))}
          </p>
        )}
        <p className="actions">
          <a href={`/api/v1/directory/${encodeURIComponent(person.id)}.vcf?lang=${lang}`} download>
            {t('directory.downloadOne')}
          </a>
        </p>
      </section>
    </article>
  );
}
