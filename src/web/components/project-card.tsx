import { useTranslation } from 'react-i18next';
import type { ProjectListItem } from '../projects.server';
import { langProps, useLanguage } from './format';

/** One project in a list: title, reporting organisation, countries, status, dates and money. */
export function ProjectCard({ project }: { project: ProjectListItem }) {
  const language = useLanguage();
  const { t } = useTranslation();
  const { dates, totals } = project.display;
  const places = project.countries.length ? project.countries : project.regions;
  return (
    <article className="card">
      <h3 {...langProps(project.language, language)}>
        <a href={`/${language}/projects/${project.slug}`}>{project.title}</a>
      </h3>
      <p className="status">
        {project.status.label}
        {project.publication === 'draft' && <> · {t('projects.draft')}</>}
      </p>
      <p className="meta">
        {project.organisation ? (
          <span {...langProps(project.organisation.language, language)}>
            {project.organisation.acronym ?? project.organisation.name}
          </span>
        ) : (
          project.reportingOrg.name
        )}
        {places.length > 0 && (
          <> · {places.map((place) => ('name' in place ? place.name : place.label)).join(', ')}</>
        )}
      </p>
      <p className="meta">
        {t('projects.dates')}:{' '}
        {dates.window
          ? t(`postings.window.${dates.window.kind}`, { dates: dates.window.dates })
          : t('postings.notGiven')}
      </p>
      {totals.length > 0 && (
        <ul className="plain meta">
          {totals
            .filter((total) => total.hasBudget || total.hasDisbursement)
            .map((total) => (
              <li key={total.currency}>
                {t('projects.budgetAndDisbursed', {
                  budget: total.budget,
                  disbursed: total.disbursement,
                })}
              </li>
            ))}
        </ul>
      )}
      {project.cooperationType && (
        <ul className="tags" aria-label={t('projects.cooperationType')}>
          <li>
            <a href={`/${language}/projects?cooperationType=${project.cooperationType.id}`}>
              {project.cooperationType.label}
            </a>
          </li>
        </ul>
      )}
    </article>
  );
}
