import { useTranslation } from 'react-i18next';
import { data } from 'react-router';
import { AppError } from '../../server/errors';
import { isSignedIn } from '../../server/modules/access/policy';
import { directionOf, type Language } from '../../shared/languages';
import { langProps, languageName } from '../components/format';
import { PageTitle } from '../components/page-title';
import { SourceCitation } from '../components/source-citation';
import { WorkflowPanel } from '../components/workflow-panel';
import type { Route } from './+types/solution';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const lang = params.lang as Language;
  try {
    const solution = await context.services.solutions.get(context.viewer, params.slug, lang);
    const cooperationTypes = await context.services.reference.termLabels('cooperation-type', lang);
    const signedIn = isSignedIn(context.viewer);
    const may = signedIn
      ? await context.services.lifecycle.permissions(context.viewer, solution.id)
      : { edit: false, submit: false, review: false, comment: false };
    return {
      solution,
      canEdit: may.edit,
      may,
      history: signedIn
        ? await context.services.lifecycle.history(solution.id)
        : { versions: [], reviews: [] },
      reviewError: new URL(request.url).searchParams.get('reviewError'),
      cooperationType: solution.cooperationType
        ? (cooperationTypes.get(solution.cooperationType) ?? null)
        : null,
    };
  } catch (error) {
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    throw error;
  }
}

export default function Solution({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { solution, cooperationType, canEdit, may, history, reviewError } = loaderData;
  const lang = params.lang as Language;
  const textLang = langProps(solution.language, lang);
  const isTranslation = solution.translation !== 'original';
  return (
    <article>
      <PageTitle title={solution.title} />
      <h1 {...textLang}>{solution.title}</h1>
      {isTranslation && (
        <p className="notice">
          {t('solutions.translationNotice', {
            kind: solution.translation,
            language: languageName(lang, solution.originalLanguage),
          })}
        </p>
      )}
      <p className="lead" {...textLang}>
        {solution.summary}
      </p>
      <div className="with-sidebar reverse">
        <div>
          {solution.description && (
            <section aria-labelledby="description-heading">
              <h2 id="description-heading">{t('solutions.description')}</h2>
              <p {...textLang}>{solution.description}</p>
            </section>
          )}
          {isTranslation && (
            <section aria-labelledby="original-heading" {...langProps(solution.original.language, lang)}>
              <h2 id="original-heading" lang={lang} dir={directionOf(lang)}>
                {t('solutions.original', { language: languageName(lang, solution.original.language) })}
              </h2>
              <h3>{solution.original.title}</h3>
              <p>{solution.original.summary}</p>
              {solution.original.description && <p>{solution.original.description}</p>}
            </section>
          )}
        </div>
        <aside aria-labelledby="details-heading">
          <h2 id="details-heading">{t('solutions.details')}</h2>
          <dl className="facts">
            <dt>{t('solutions.countries')}</dt>
            <dd>{solution.countries.map((c) => c.name).join(', ')}</dd>
            {solution.replicatedIn.length > 0 && (
              <>
                <dt>{t('solutions.replicatedIn')}</dt>
                <dd>{solution.replicatedIn.map((c) => c.name).join(', ')}</dd>
              </>
            )}
            <dt>{t('solutions.providers')}</dt>
            <dd>
              <ul className="plain">
                {solution.providers.map((provider) => (
                  <li key={provider.id} {...langProps(provider.language, lang)}>
                    <a href={`/${lang}/organisations/${provider.slug}`}>{provider.name}</a>
                  </li>
                ))}
              </ul>
            </dd>
            <dt>{t('solutions.themes')}</dt>
            <dd>
              <ul className="tags">
                {solution.themes.map((theme) => (
                  <li key={theme.id}>
                    <a href={`/${lang}/solutions?theme=${theme.id}`}>{theme.label}</a>
                  </li>
                ))}
              </ul>
            </dd>
            <dt>{t('solutions.sdgTargets')}</dt>
            <dd>{solution.sdgTargets.join(', ')}</dd>
            <dt>{t('solutions.modalities')}</dt>
            <dd>{solution.modalities.map((m) => m.label).join(', ')}</dd>
            {cooperationType && (
              <>
                <dt>{t('solutions.cooperationType')}</dt>
                <dd>{cooperationType}</dd>
              </>
            )}
            <dt>{t('solutions.translations')}</dt>
            <dd>
              <ul className="plain">
                {solution.translations.map((tr) => (
                  <li key={tr.language}>
                    {languageName(lang, tr.language)} ({t(`solutions.translationKind.${tr.source}`)})
                  </li>
                ))}
              </ul>
            </dd>
            {solution.source && (
              <>
                <dt>{t('solutions.source')}</dt>
                <dd>
                  <SourceCitation source={solution.source} />
                </dd>
              </>
            )}
          </dl>
        </aside>
      </div>
      <WorkflowPanel
        slug={solution.slug}
        status={solution.status}
        canEdit={canEdit}
        may={may}
        history={history}
        reviewError={reviewError}
      />
    </article>
  );
}
