import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { FilterErrors, fieldError } from '../components/filter-errors';
import { Select } from '../components/form-fields';
import { langProps, useLanguage } from '../components/format';
import { FundedBar } from '../components/funding';
import { PageTitle } from '../components/page-title';
import { fundingListLoader } from '../funding.server';
import type { Route } from './+types/appeals';

export const loader = (args: Route.LoaderArgs) => fundingListLoader(args);

/**
 * Appeals and trust funds: each appeal's requirement, pledged, paid, gap and share funded, and
 * each fund's money in and out, all converted at one stated rate table, which the page names.
 */
export default function Appeals({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { appeals, funds, rateTable, rateTables, errors } = loaderData;
  const currency = appeals[0]?.totals.currency ?? funds[0]?.totals.currency ?? 'USD';
  return (
    <>
      <PageTitle title={t('funding.title')} />
      <h1>{t('funding.title')}</h1>
      {loaderData.staff && (
        <p className="actions">
          <a href={`/${lang}/appeals/new`}>{t('fundingForms.newAppeal')}</a>{' '}
          <a href={`/${lang}/funds/new`}>{t('fundingForms.newFund')}</a>
        </p>
      )}
      <p className="lead">{t('funding.intro')}</p>
      <FilterErrors errors={errors} />
      <p className="notice rates-note">
        {rateTable
          ? t('funding.convertedAt', { currency, name: rateTable.name, date: rateTable.effectiveOn })
          : t('funding.noRateTable', { currency })}
      </p>
      {rateTables.length > 1 && (
        <Form method="get" className="inline-filters">
          <Select
            name="rates"
            label={t('funding.rateTable')}
            options={rateTables}
            value={rateTable?.id ?? ''}
            error={fieldError(errors, 'rates')}
          />
          <button type="submit">{t('funding.show')}</button>
        </Form>
      )}
      <section aria-labelledby="appeals-heading">
        <h2 id="appeals-heading">{t('funding.appeals')}</h2>
        {appeals.length === 0 ? (
          <p>{t('funding.noAppeals')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table funding-table appeals-table">
              <caption>{t('funding.amountsIn', { currency })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('funding.name')}</th>
                  <th scope="col">{t('funding.period')}</th>
                  <th scope="col">{t('funding.managers')}</th>
                  <th scope="col">{t('funding.requirement')}</th>
                  <th scope="col">{t('funding.pledged')}</th>
                  <th scope="col">{t('funding.paid')}</th>
                  <th scope="col">{t('funding.gap')}</th>
                  <th scope="col">{t('funding.funded')}</th>
                </tr>
              </thead>
              <tbody>
                {appeals.map((appeal) => (
                  <tr key={appeal.id} data-slug={appeal.slug}>
                    <th scope="row">
                      <a href={`/${lang}/appeals/${appeal.slug}`} {...langProps(appeal.language, lang)}>
                        {appeal.name}
                      </a>
                    </th>
                    <td>{appeal.period ?? ''}</td>
                    <td>{appeal.managers.map((m) => m.name).join(', ')}</td>
                    <td className="number">{appeal.totals.requirement}</td>
                    <td className="number">{appeal.totals.pledged}</td>
                    <td className="number">{appeal.totals.paid}</td>
                    <td className="number">{appeal.totals.gap}</td>
                    <td>
                      <FundedBar percent={appeal.totals.percent} text={appeal.totals.percentText} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="trust-funds">
        <h2 id="trust-funds">{t('funding.trustFunds')}</h2>
        {funds.length === 0 ? (
          <p>{t('funding.noFunds')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table funding-table funds-table">
              <caption>{t('funding.amountsIn', { currency })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('funding.name')}</th>
                  <th scope="col">{t('funding.managers')}</th>
                  <th scope="col">{t('funding.pledged')}</th>
                  <th scope="col">{t('funding.paid')}</th>
                  <th scope="col">{t('funding.allocated')}</th>
                  <th scope="col">{t('funding.balance')}</th>
                </tr>
              </thead>
              <tbody>
                {funds.map((fund) => (
                  <tr key={fund.id} data-slug={fund.slug}>
                    <th scope="row">
                      <a href={`/${lang}/funds/${fund.slug}`} {...langProps(fund.language, lang)}>
                        {fund.name}
                      </a>
                    </th>
                    <td>{fund.managers.map((m) => m.name).join(', ')}</td>
                    <td className="number">{fund.totals.pledged}</td>
                    <td className="number">{fund.totals.paid}</td>
                    <td className="number">{fund.totals.allocated}</td>
                    <td className="number">{fund.totals.balance}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
