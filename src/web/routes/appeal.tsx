import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { ExportLinks } from '../components/export-links';
import { FilterErrors, fieldError } from '../components/filter-errors';
import { Select } from '../components/form-fields';
import { useLanguage } from '../components/format';
import { ContributionsTable, FigureCards, FundedBar, FundHeader, RateTableNote } from '../components/funding';
import { PageTitle } from '../components/page-title';
import { SelectField, TextField } from '../components/select-field';
import { appealLoader } from '../funding.server';
import type { Route } from './+types/appeal';

export const loader = (args: Route.LoaderArgs) => appealLoader(args);

/** What the explorer groups by (the API's `groupBy`). */
const GROUPINGS = ['project', 'programme', 'country', 'region', 'theme', 'partner'] as const;

/**
 * The appeal explorer: the appeal's stated figures and totals, then its requirement, pledged,
 * paid and gap grouped by project, programme, country, region, theme or implementing partner,
 * filtered with a plain GET form (works without JavaScript), in the currencies given, with the
 * counting rule and the rate table used, and the contributions.
 */
export default function AppealPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { appeal, errors, values, options, rows, totals, unearmarked, currency, groupBy } = loaderData;
  const whole = appeal.totals;
  const groupLabel = t(`funding.groupOption.${groupBy}`);
  const select = (name: 'programme' | 'country' | 'region' | 'theme' | 'partner', label: string) => (
    <SelectField
      name={name}
      label={label}
      options={options[name]}
      value={values[name]}
      error={fieldError(errors, name)}
    />
  );
  return (
    <article className="appeal">
      <PageTitle title={appeal.name} />
      <p className="meta">
        <a href={`/${lang}/appeals`}>{t('funding.back')}</a>
      </p>
      <FundHeader fund={appeal} />
      {loaderData.staff && (
        <p className="actions">
          <a href={`/${lang}/appeals/${appeal.slug}/lines/new`}>{t('fundingForms.newLine')}</a>{' '}
          <a
            href={`/${lang}/contributions/new?appeal=${appeal.slug}&returnTo=${encodeURIComponent(`/${lang}/appeals/${appeal.slug}`)}`}
          >
            {t('fundingForms.newContribution')}
          </a>
        </p>
      )}

      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading">{t('funding.totals')}</h2>
        <p className="meta">
          {loaderData.rateTable
            ? t('funding.convertedAt', {
                currency,
                name: loaderData.rateTable.name,
                date: loaderData.rateTable.effectiveOn,
              })
            : t('funding.noRateTable', { currency })}
        </p>
        <FigureCards
          items={[
            { id: 'requirement', label: t('funding.requirement'), value: whole.requirement ?? '' },
            { id: 'pledged', label: t('funding.pledged'), value: whole.pledged },
            { id: 'paid', label: t('funding.paid'), value: whole.paid },
            { id: 'gap', label: t('funding.gap'), value: whole.gap ?? '' },
            {
              id: 'funded',
              label: t('funding.funded'),
              value: whole.percentText ?? t('funding.notApplicable'),
            },
          ]}
        />
        <p className="meta">{t('funding.projectsListed', { count: whole.projects })}</p>
      </section>

      <section aria-labelledby="explorer-heading">
        <h2 id="explorer-heading">{t('funding.explorer')}</h2>
        <p>{t('funding.explorerIntro')}</p>
        <div className="with-sidebar">
          <aside aria-labelledby="filters-heading">
            <h3 id="filters-heading">{t('list.filters')}</h3>
            <Form method="get" className="filters">
              <TextField name="q" label={t('filter.q')} value={values.q} error={fieldError(errors, 'q')} />
              {select('programme', t('funding.programme'))}
              {select('country', t('filter.country'))}
              {select('region', t('filter.region'))}
              {select('theme', t('filter.theme'))}
              {select('partner', t('funding.partner'))}
              <Select
                name="groupBy"
                label={t('funding.groupBy')}
                options={GROUPINGS.map((key) => ({ value: key, label: t(`funding.groupOption.${key}`) }))}
                value={values.groupBy}
                error={fieldError(errors, 'groupBy')}
              />
              {options.rates.length > 0 && (
                <Select
                  name="rates"
                  label={t('funding.rateTable')}
                  options={options.rates}
                  value={values.rates}
                  error={fieldError(errors, 'rates')}
                />
              )}
              <button type="submit">{t('list.apply')}</button>
              <a href={`/${lang}/appeals/${appeal.slug}`}>{t('list.reset')}</a>
            </Form>
          </aside>
          <section aria-labelledby="results-heading">
            <h3 id="results-heading">
              {t('funding.byGroup', { group: groupLabel, count: totals.projects })}
            </h3>
            <ExportLinks path={`/api/v1/appeals/${appeal.slug}/export`} query={loaderData.exportQuery} />
            <FilterErrors errors={errors} />
            {rows.length === 0 && <p>{t('funding.noRows')}</p>}
            <div className="table-scroll">
              <table className="data-table funding-table explorer-table">
                <caption>{t('funding.rowsCaption', { group: groupLabel, currency })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{groupLabel}</th>
                    <th scope="col">{t('funding.projects')}</th>
                    <th scope="col">{t('funding.requirement')}</th>
                    <th scope="col">{t('funding.pledged')}</th>
                    <th scope="col">{t('funding.paid')}</th>
                    <th scope="col">{t('funding.gap')}</th>
                    <th scope="col">{t('funding.funded')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.key || '-'} data-key={row.key}>
                      <th scope="row">
                        {row.href ? (
                          <a href={row.href} dir="auto">
                            {row.label}
                          </a>
                        ) : row.label ? (
                          <bdi>{row.label}</bdi>
                        ) : (
                          <span className="meta">{t('funding.notStated')}</span>
                        )}
                      </th>
                      <td className="number">{row.projects}</td>
                      <td className="number">{row.requirement}</td>
                      <td className="number">{row.pledged}</td>
                      <td className="number">{row.paid}</td>
                      <td className="number">{row.gap}</td>
                      <td>
                        <FundedBar percent={row.percent} text={row.percentText} />
                      </td>
                    </tr>
                  ))}
                  <tr className="unearmarked-row">
                    <th scope="row" colSpan={3}>
                      {t('funding.unearmarked')}
                    </th>
                    <td className="number">{unearmarked.pledged}</td>
                    <td className="number">{unearmarked.paid}</td>
                    <td className="number" />
                    <td />
                  </tr>
                </tbody>
                <tfoot>
                  <tr className="total-row">
                    <th scope="row">{t('funding.total')}</th>
                    <td className="number">{totals.projects}</td>
                    <td className="number">{totals.requirement}</td>
                    <td className="number">{totals.pledged}</td>
                    <td className="number">{totals.paid}</td>
                    <td className="number">{totals.gap}</td>
                    <td>
                      <FundedBar percent={totals.percent} text={totals.percentText} />
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
            {loaderData.filtered && <p className="meta">{t('funding.unearmarkedFiltered')}</p>}
            {loaderData.unconverted.length > 0 && (
              <div className="alert unconverted" role="note">
                <p>
                  {t('funding.unconverted', {
                    amounts: loaderData.unconverted.join(', '),
                    currency,
                  })}
                </p>
              </div>
            )}
          </section>
        </div>
      </section>

      {loaderData.byCurrency.length > 0 && (
        <section aria-labelledby="currencies-heading">
          <h2 id="currencies-heading">{t('funding.byCurrency')}</h2>
          <div className="table-scroll">
            <table className="data-table funding-table by-currency">
              <caption>{t('funding.byCurrencyNote')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('funding.currency')}</th>
                  <th scope="col">{t('funding.requirement')}</th>
                  <th scope="col">{t('funding.pledged')}</th>
                  <th scope="col">{t('funding.paid')}</th>
                </tr>
              </thead>
              <tbody>
                {loaderData.byCurrency.map((entry) => (
                  <tr key={entry.currency}>
                    <th scope="row">{entry.currency}</th>
                    <td className="number">{entry.requirement}</td>
                    <td className="number">{entry.pledged}</td>
                    <td className="number">{entry.paid}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <section aria-labelledby="rule-heading" className="notice rule">
        <h2 id="rule-heading">{t('funding.rule')}</h2>
        <p>{t('funding.ruleText')}</p>
      </section>

      <RateTableNote table={loaderData.rateTable} currency={currency} />

      <ContributionsTable items={loaderData.contributions} />
    </article>
  );
}
