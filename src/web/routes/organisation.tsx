import { useTranslation } from 'react-i18next';
import { data } from 'react-router';
import { AppError } from '../../server/errors';
import type { Language } from '../../shared/languages';
import { langProps } from '../components/format';
import { PageTitle } from '../components/page-title';
import { SolutionCard } from '../components/solution-card';
import { SourceCitation } from '../components/source-citation';
import type { Route } from './+types/organisation';

export async function loader({ params, context }: Route.LoaderArgs) {
  const lang = params.lang as Language;
  const { services, viewer } = context;
  try {
    const organisation = await services.organisations.get(viewer, params.slug, lang);
    const [solutions, countryNames] = await Promise.all([
      services.solutions.list(viewer, { lang, limit: 50, provider: organisation.id }),
      services.reference.countryNames(organisation.country ? [organisation.country] : [], lang),
    ]);
    return {
      organisation,
      solutions: solutions.items,
      countryName: organisation.country
        ? (countryNames.get(organisation.country) ?? organisation.country)
        : null,
    };
  } catch (error) {
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    throw error;
  }
}

export default function Organisation({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { organisation: org, solutions, countryName } = loaderData;
  const lang = params.lang as Language;
  return (
    <article>
      <PageTitle title={org.name} />
      <h1 {...langProps(org.language, lang)}>{org.name}</h1>
      {org.description && <p className="lead">{org.description}</p>}
      <dl className="facts inline">
        {org.acronym && (
          <>
            <dt>{t('organisations.acronym')}</dt>
            <dd>{org.acronym}</dd>
          </>
        )}
        <dt>{t('organisations.type')}</dt>
        <dd>
          {t(`organisations.category.${org.category}`, { defaultValue: org.category })}
          {org.iatiType && <> · {org.iatiType.name}</>}
        </dd>
        {countryName && (
          <>
            <dt>{t('organisations.country')}</dt>
            <dd>{countryName}</dd>
          </>
        )}
        {org.website && (
          <>
            <dt>{t('organisations.website')}</dt>
            <dd>
              <a href={org.website} rel="noopener noreferrer">
                {org.website}
              </a>
            </dd>
          </>
        )}
        {org.source && (
          <>
            <dt>{t('solutions.source')}</dt>
            <dd>
              <SourceCitation source={org.source} />
            </dd>
          </>
        )}
      </dl>
      {org.compactStatus && (
        <p className="notice">
          {org.compactStatus === 'member'
            ? t('organisations.compactMember')
            : t('organisations.compactObserver')}
        </p>
      )}
      <section aria-labelledby="solutions-heading">
        <h2 id="solutions-heading">{t('organisations.solutions')}</h2>
        {solutions.length === 0 && <p>{t('organisations.noSolutions')}</p>}
        <div className="cards">
          {solutions.map((solution) => (
            <SolutionCard key={solution.id} solution={solution} />
          ))}
        </div>
      </section>
    </article>
  );
}
