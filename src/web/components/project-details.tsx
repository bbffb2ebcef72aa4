import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import type { Project } from '../../server/modules/projects/schema';
import type { ProjectResult } from '../../shared/projects';
import type { projectLoader } from '../projects.server';
import { langProps, languageName, useLanguage } from './format';
import { PageTitle } from './page-title';
import { SourceCitation } from './source-citation';

type Data = Awaited<ReturnType<typeof projectLoader>>;
type Display = Data['display'];
type IndicatorDisplay = Display['results'][number]['indicators'][number];

/** A percentage share, or nothing when the record states none. */
function Share({ percentage }: { percentage: string | null }) {
  const { t } = useTranslation();
  return percentage === null ? null : <> ({t('projects.percent', { value: percentage })})</>;
}

/** "17,500 of 20,000 (88%)" with a progress bar that says the same to assistive technology. */
function Progress({
  title,
  progress,
  ascending,
}: {
  title: string;
  progress: IndicatorDisplay['progress'];
  ascending: boolean;
}) {
  const { t } = useTranslation();
  if (!progress) return null;
  const text = t(ascending ? 'projects.progress' : 'projects.progressLower', {
    actual: progress.actual,
    target: progress.target,
    percent: progress.percentText,
  });
  return (
    <div className="indicator-progress">
      <progress max={100} value={progress.percent} aria-label={`${title}: ${text}`} />
      <p className="progress-text" aria-hidden="true">
        {text}
      </p>
    </div>
  );
}

function Results({ project, display }: { project: Project; display: Display }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  // Results are kept in the language the project was written in.
  const textLang = langProps(project.originalLanguage, lang);
  const results = project.results as ProjectResult[];
  if (results.length === 0) return null;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{t('projects.results')}</h2>
      {results.map((result, r) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items are fixed for the page and may repeat
        <div key={`${r}-${result.title}`} className="result-block">
          <h3 {...textLang}>{result.title}</h3>
          <p className="meta">{t(`projects.resultType.${result.type}`, { defaultValue: result.type })}</p>
          {result.description && (
            <p className="prose" {...textLang}>
              {result.description}
            </p>
          )}
          {result.indicators.map((indicator, i) => {
            const shown = display.results[r]!.indicators[i]!;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: items are fixed for the page and may repeat
              <div key={`${i}-${indicator.title}`} className="indicator">
                <h4 {...textLang}>{indicator.title}</h4>
                {shown.baseline?.value && (
                  <p>
                    {t('projects.baseline')}: {shown.baseline.value}
                    {shown.baseline.when && <> ({shown.baseline.when})</>}
                  </p>
                )}
                {!indicator.ascending && <p className="hint">{t('projects.lowerIsBetter')}</p>}
                <Progress title={indicator.title} progress={shown.progress} ascending={indicator.ascending} />
                {shown.periods.length > 0 && (
                  <table className="data-table">
                    <caption>{t('projects.periodsOf', { indicator: indicator.title })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('projects.period')}</th>
                        <th scope="col">{t('projects.target')}</th>
                        <th scope="col">{t('projects.actual')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {shown.periods.map((period, p) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: items are fixed for the page and may repeat
                        <tr key={`${p}-${period.when}`}>
                          <th scope="row">{period.when || t('postings.notGiven')}</th>
                          <td>{period.target ?? '—'}</td>
                          <td>{period.actual ?? '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </section>
  );
}

function Money({ project, display }: { project: Project; display: Display }) {
  const { t } = useTranslation();
  const anyElsewhere = project.transactions.some((tr) => tr.countedElsewhere);
  const party = (p: Project['transactions'][number]['provider']) => p?.name ?? p?.ref ?? p?.activityId ?? '—';
  return (
    <section aria-labelledby="money-heading">
      <h2 id="money-heading">{t('projects.money')}</h2>
      {display.totals.length > 0 && (
        <table className="data-table totals">
          <caption>{t('projects.totals')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projects.currency')}</th>
              <th scope="col">{t('projects.budget')}</th>
              <th scope="col">{t('projects.committed')}</th>
              <th scope="col">{t('projects.disbursed')}</th>
              <th scope="col">{t('projects.spent')}</th>
            </tr>
          </thead>
          <tbody>
            {display.totals.map((total) => (
              <tr key={total.currency}>
                <th scope="row">{total.currency}</th>
                <td>{total.budget}</td>
                <td>{total.commitment}</td>
                <td>{total.disbursement}</td>
                <td>{total.expenditure}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('projects.budgets')}</h3>
      {project.budgets.length === 0 ? (
        <p className="meta">{t('postings.notGiven')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('projects.period')}</th>
              <th scope="col">{t('projects.budgetKind')}</th>
              <th scope="col">{t('projects.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {project.budgets.map((budget, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items are fixed for the page and may repeat
              <tr key={`${budget.periodStart}-${budget.type}-${i}`}>
                <th scope="row">{display.budgets[i]!.period}</th>
                <td>
                  {t(`projects.budgetType.${budget.type}`, { defaultValue: budget.type })} ·{' '}
                  {t(`projects.budgetStatus.${budget.status}`, { defaultValue: budget.status })}
                </td>
                <td>{display.budgets[i]!.amount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('projects.transactions')}</h3>
      {project.transactions.length === 0 ? (
        <p className="meta">{t('postings.notGiven')}</p>
      ) : (
        <>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('projects.date')}</th>
                <th scope="col">{t('projects.transactionType')}</th>
                <th scope="col">{t('projects.amount')}</th>
                <th scope="col">{t('projects.flow')}</th>
              </tr>
            </thead>
            <tbody>
              {project.transactions.map((tr, i) => (
                <tr key={tr.id} className={tr.countedElsewhere ? 'counted-elsewhere' : undefined}>
                  <th scope="row">{display.transactions[i]!.date}</th>
                  <td>{tr.type.label}</td>
                  <td>
                    {display.transactions[i]!.amount}
                    {tr.countedElsewhere && (
                      <>
                        {' '}
                        <span className="badge">{t('projects.countedElsewhere')}</span>
                      </>
                    )}
                  </td>
                  <td>
                    {party(tr.provider)} → {party(tr.receiver)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {anyElsewhere && <p className="notice">{t('projects.countedElsewhereNote')}</p>}
        </>
      )}
    </section>
  );
}

/** A project in full: identity, who takes part, where and on what, money, results and links. */
export function ProjectDetails({
  project,
  group,
  display,
  errors,
}: Data & { errors: Record<string, string> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const textLang = langProps(project.language, lang);
  const notGiven = <span className="meta">{t('postings.notGiven')}</span>;
  const list = (items: ReactNode[]) =>
    items.length ? (
      <ul className="plain">
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of rendered facts
          <li key={i}>{item}</li>
        ))}
      </ul>
    ) : (
      notGiven
    );
  const links = (ids: string[], path: string, label: string, item: string) =>
    ids.length > 0 && (
      <>
        <dt>{label}</dt>
        <dd>
          {list(
            ids.map((id, i) => (
              <a key={id} href={`/${lang}/${path}/${id}`}>
                {t(item, { number: i + 1 })}
              </a>
            )),
          )}
        </dd>
      </>
    );
  const iatiXml = `/api/v1/projects/iati.xml?identifier=${encodeURIComponent(project.identifier)}`;
  return (
    <article>
      <PageTitle title={project.title} />
      <p className="meta">{t('search.type.project')}</p>
      <h1 {...textLang}>{project.title}</h1>
      <p>
        <span className="status">{project.status.label}</span>
      </p>
      {project.language !== project.originalLanguage ? (
        <p className="notice">
          {t('postings.translatedFrom', { language: languageName(lang, project.originalLanguage) })}
        </p>
      ) : (
        project.language !== lang && (
          <p className="notice">
            {t('postings.writtenIn', { language: languageName(lang, project.originalLanguage) })}
          </p>
        )
      )}
      {project.publication === 'draft' && (
        <section className="notice draft-banner" aria-label={t('projects.draft')}>
          <p>{t('projects.draftNotice')}</p>
          {(errors.form || errors.publication) && (
            <p role="alert" className="alert">
              {errors.form ?? errors.publication}
            </p>
          )}
          {project.canEdit && (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="publish" />
              <button type="submit">{t('projects.publish')}</button>
            </Form>
          )}
        </section>
      )}
      <p className="actions">
        {project.canEdit && <a href={`/${lang}/projects/${project.slug}/edit`}>{t('projects.edit')}</a>}{' '}
        <a href={iatiXml} download>
          {t('projects.downloadIati')}
        </a>
      </p>
      <div className="with-sidebar reverse">
        <div>
          <section aria-labelledby="description-heading">
            <h2 id="description-heading">{t('postings.description')}</h2>
            <p className="prose" {...textLang}>
              {project.description}
            </p>
          </section>
          <section aria-labelledby="participants-heading">
            <h2 id="participants-heading">{t('projects.participants')}</h2>
            {project.participants.length === 0 ? (
              notGiven
            ) : (
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('projects.participant')}</th>
                    <th scope="col">{t('projects.iatiRole')}</th>
                    <th scope="col">{t('projects.southSouthRole')}</th>
                  </tr>
                </thead>
                <tbody>
                  {project.participants.map((p, i) => {
                    const org = display.participants[i]?.organisation;
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: items are fixed for the page and may repeat
                      <tr key={`${i}-${p.name}`}>
                        <th scope="row">
                          {org ? (
                            <a href={`/${lang}/organisations/${org.slug}`} {...langProps(org.language, lang)}>
                              {org.name}
                            </a>
                          ) : (
                            p.name
                          )}
                        </th>
                        <td>{p.roleLabel ?? '—'}</td>
                        <td>
                          {p.southSouthRole
                            ? t(`projects.southSouthRoleOption.${p.southSouthRole}`, {
                                defaultValue: p.southSouthRoleLabel ?? p.southSouthRole,
                              })
                            : '—'}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>
          <Money project={project} display={display} />
          <Results project={project} display={display} />
        </div>
        <aside aria-labelledby="details-heading">
          <h2 id="details-heading">{t('postings.details')}</h2>
          <dl className="facts">
            <dt>{t('projects.identifier')}</dt>
            <dd>
              <code>{project.identifier}</code>
            </dd>
            <dt>{t('projects.status')}</dt>
            <dd>{project.status.label}</dd>
            <dt>{t('projects.reportingOrg')}</dt>
            <dd>
              {project.organisation ? (
                <a
                  href={`/${lang}/organisations/${project.organisation.slug}`}
                  {...langProps(project.organisation.language, lang)}
                >
                  {project.organisation.name}
                </a>
              ) : (
                project.reportingOrg.name
              )}
            </dd>
            <dt>{t('projects.plannedDates')}</dt>
            <dd>
              {display.dates.plannedStart || display.dates.plannedEnd
                ? `${display.dates.plannedStart ?? '…'} – ${display.dates.plannedEnd ?? '…'}`
                : notGiven}
            </dd>
            <dt>{t('projects.actualDates')}</dt>
            <dd>
              {display.dates.actualStart || display.dates.actualEnd
                ? `${display.dates.actualStart ?? '…'} – ${display.dates.actualEnd ?? '…'}`
                : notGiven}
            </dd>
            <dt>{t('projects.cooperationType')}</dt>
            <dd>{project.cooperationType?.label ?? notGiven}</dd>
            <dt>{t('projects.countries')}</dt>
            <dd>
              {list(
                project.countries.map((c) => (
                  <>
                    <a href={`/${lang}/countries/${c.iso3}`}>{c.name}</a>
                    <Share percentage={c.percentage} />
                  </>
                )),
              )}
            </dd>
            {project.regions.length > 0 && (
              <>
                <dt>{t('projects.regions')}</dt>
                <dd>
                  {list(
                    project.regions.map((r) => (
                      <>
                        {r.label}
                        <Share percentage={r.percentage} />
                      </>
                    )),
                  )}
                </dd>
              </>
            )}
            <dt>{t('projects.sectors')}</dt>
            <dd>
              {list(
                project.sectors.map((s) => (
                  <>
                    <a href={`/${lang}/projects?sector=${s.code}`}>{s.label}</a>
                    <Share percentage={s.percentage} />
                  </>
                )),
              )}
            </dd>
            <dt>{t('postings.themes')}</dt>
            <dd>
              {list(
                project.themes.map((theme) => (
                  <>
                    <a href={`/${lang}/projects?theme=${theme.id}`}>{theme.label}</a>
                    <Share percentage={theme.percentage} />
                  </>
                )),
              )}
            </dd>
            <dt>{t('projects.sdgGoals')}</dt>
            <dd>
              {list(
                project.sdgGoals.map((goal) => (
                  <a key={goal} href={`/${lang}/projects?sdg=${goal}`}>
                    {t('projects.sdgGoal', { goal })}
                  </a>
                )),
              )}
            </dd>
            {project.sdgTargets.length > 0 && (
              <>
                <dt>{t('postings.sdgTargets')}</dt>
                <dd>{project.sdgTargets.join(', ')}</dd>
              </>
            )}
            <dt>{t('postings.modalities')}</dt>
            <dd>
              {project.modalities.length ? project.modalities.map((m) => m.label).join(', ') : notGiven}
            </dd>
            <dt>{t('postings.visibility')}</dt>
            <dd>{t(`postings.visibilityOption.${project.visibility}`)}</dd>
            {group && (
              <>
                <dt>{t('postings.group')}</dt>
                <dd>
                  <a href={`/${lang}/groups/${group.id}`}>{group.name}</a>
                </dd>
              </>
            )}
            {links(project.needIds, 'needs', t('projects.fromNeeds'), 'projects.needLink')}
            {links(project.matchIds, 'matches', t('projects.fromMatches'), 'projects.matchLink')}
            {links(
              project.recommendationIds,
              'recommendations',
              t('projects.fromRecommendations'),
              'projects.recommendationLink',
            )}
            <dt>{t('postings.posted')}</dt>
            <dd>{display.createdOn}</dd>
            <dt>{t('postings.updated')}</dt>
            <dd>{display.updatedOn}</dd>
          </dl>
          {project.source && (
            <p className="meta">
              <SourceCitation source={project.source} />
            </p>
          )}
        </aside>
      </div>
    </article>
  );
}
