import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { Select, TextArea } from '../components/form-fields';
import { langProps, languageName, useLanguage } from '../components/format';
import { PageTitle } from '../components/page-title';
import { SourceCitation } from '../components/source-citation';
import { recommendationLoader, recommendationStatusAction } from '../recommendations.server';
import type { Route } from './+types/recommendation';

export const loader = (args: Route.LoaderArgs) => recommendationLoader(args);

export const action = (args: Route.ActionArgs) => recommendationStatusAction(args);

type Linked = {
  type: 'need' | 'project';
  id: string;
  slug: string;
  title: string;
  language: string;
  status: string;
};

/** A recommendation in full, the needs and projects that address it, and for staff edit and status. */
export default function RecommendationPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { item, issuedOnText, statuses } = loaderData;
  const textLang = langProps(item.language, lang);
  const errors = actionData?.errors ?? {};
  const linked = (items: Linked[], path: string, empty: string) =>
    items.length ? (
      <ul>
        {items.map((record) => (
          <li key={record.id}>
            <a href={`/${lang}/${path}/${record.slug}`} {...langProps(record.language, lang)}>
              {record.title}
            </a>{' '}
            <span className="meta">
              ({record.type === 'need' ? t(`postings.status.${record.status}`) : record.status})
            </span>
          </li>
        ))}
      </ul>
    ) : (
      <p className="meta">{empty}</p>
    );
  return (
    <article>
      <PageTitle title={item.title} />
      <p className="meta">{t('search.type.recommendation')}</p>
      <h1 {...textLang}>{item.title}</h1>
      <p>
        <span className="status">{t(`recommendations.statusOption.${item.status}`)}</span>{' '}
        <span className="badge">
          {t('recommendations.priorityIs', {
            priority: t(`recommendations.priorityOption.${item.priority}`),
          })}
        </span>
      </p>
      {item.language !== item.originalLanguage ? (
        <p className="notice">
          {t('postings.translatedFrom', { language: languageName(lang, item.originalLanguage) })}
        </p>
      ) : (
        item.language !== lang && (
          <p className="notice">
            {t('postings.writtenIn', { language: languageName(lang, item.originalLanguage) })}
          </p>
        )
      )}
      <div className="with-sidebar reverse">
        <div>
          <section aria-labelledby="text-heading">
            <h2 id="text-heading">{t('recommendations.text')}</h2>
            <p className="prose" {...textLang}>
              {item.text}
            </p>
          </section>
          <section aria-labelledby="addressed-heading">
            <h2 id="addressed-heading">{t('recommendations.addressedBy')}</h2>
            <h3>{t('recommendations.projectsHeading')}</h3>
            {linked(item.addressedBy.projects, 'projects', t('recommendations.noProjects'))}
            <h3>{t('recommendations.needsHeading')}</h3>
            {linked(item.addressedBy.needs, 'needs', t('recommendations.noNeeds'))}
            <p>
              <a href={`/${lang}/recommendations/gaps?country=${item.country.iso3}`}>
                {t('recommendations.gapsForCountry', { country: item.country.name })}
              </a>
            </p>
          </section>
        </div>
        <aside aria-labelledby="details-heading">
          <h2 id="details-heading">{t('postings.details')}</h2>
          <dl className="facts">
            <dt>{t('recommendations.country')}</dt>
            <dd>
              <a href={`/${lang}/recommendations?country=${item.country.iso3}`}>{item.country.name}</a>
            </dd>
            <dt>{t('recommendations.themes')}</dt>
            <dd>
              <ul className="tags">
                {item.themes.map((theme) => (
                  <li key={theme.id}>
                    <a href={`/${lang}/recommendations?theme=${theme.id}`}>{theme.label}</a>
                  </li>
                ))}
              </ul>
            </dd>
            <dt>{t('postings.sdgTargets')}</dt>
            <dd>{item.sdgTargets.length ? item.sdgTargets.join(', ') : t('postings.notGiven')}</dd>
            <dt>{t('recommendations.sourceAssessment')}</dt>
            <dd>{item.sourceAssessment}</dd>
            <dt>{t('recommendations.issuedOn')}</dt>
            <dd>{issuedOnText}</dd>
            <dt>{t('postings.visibility')}</dt>
            <dd>{t(`postings.visibilityOption.${item.visibility}`)}</dd>
            {item.source && (
              <>
                <dt>{t('recommendations.source')}</dt>
                <dd>
                  <SourceCitation source={item.source} />
                </dd>
              </>
            )}
          </dl>
        </aside>
      </div>
      {item.canEdit && (
        <section aria-labelledby="manage-heading" className="workflow">
          <h2 id="manage-heading">{t('postings.manage')}</h2>
          <p className="actions">
            <a href={`/${lang}/recommendations/${item.slug}/edit`}>{t('recommendations.edit')}</a>
          </p>
          <Form method="post" className="editor">
            <h3>{t('recommendations.changeStatus')}</h3>
            {errors.form && (
              <p role="alert" className="alert">
                {errors.form}
              </p>
            )}
            <Select
              name="status"
              label={t('recommendations.newStatus')}
              options={statuses
                .filter((s) => s !== item.status)
                .map((s) => ({ value: s, label: t(`recommendations.statusOption.${s}`) }))}
              value={actionData?.status}
              error={errors.status}
            />
            <TextArea
              name="note"
              label={t('recommendations.note')}
              hint={t('recommendations.noteHint')}
              value={actionData?.note}
              error={errors.note}
              rows={2}
            />
            <div className="form-actions">
              <button type="submit">{t('recommendations.changeStatus')}</button>
            </div>
          </Form>
        </section>
      )}
    </article>
  );
}
