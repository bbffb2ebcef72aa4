import { useTranslation } from 'react-i18next';
import { FilterErrors } from '../components/filter-errors';
import { langProps, useLanguage } from '../components/format';
import { ContributionsTable, FigureCards, FundHeader, RateTableNote } from '../components/funding';
import { PageTitle } from '../components/page-title';
import { fundLoader } from '../funding.server';
import type { Route } from './+types/fund';

export const loader = (args: Route.LoaderArgs) => fundLoader(args);

/** A trust fund: what its sources state, money paid in and allocated out, its contributions and allocations. */
export default function FundPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { fund, allocations } = loaderData;
  const totals = fund.totals;
  return (
    <article className="fund">
      <PageTitle title={fund.name} />
      <p className="meta">
        <a href={`/${lang}/appeals#trust-funds`}>{t('funding.back')}</a>
      </p>
      <FundHeader fund={fund} />
      {loaderData.staff && (
        <p className="actions">
          <a href={`/${lang}/funds/${fund.slug}/allocations/new`}>{t('fundingForms.newAllocation')}</a>{' '}
          <a
            href={`/${lang}/contributions/new?fund=${fund.slug}&returnTo=${encodeURIComponent(`/${lang}/funds/${fund.slug}`)}`}
          >
            {t('fundingForms.newContribution')}
          </a>
        </p>
      )}
      <FilterErrors errors={loaderData.errors} />

      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading">{t('funding.totals')}</h2>
        <p className="meta">
          {loaderData.rateTable
            ? t('funding.convertedAt', {
                currency: totals.currency,
                name: loaderData.rateTable.name,
                date: loaderData.rateTable.effectiveOn,
              })
            : t('funding.noRateTable', { currency: totals.currency })}
        </p>
        <FigureCards
          items={[
            { id: 'pledged', label: t('funding.pledged'), value: totals.pledged },
            { id: 'paid', label: t('funding.paid'), value: totals.paid },
            { id: 'allocated', label: t('funding.allocated'), value: totals.allocated },
            { id: 'balance', label: t('funding.balance'), value: totals.balance ?? '' },
          ]}
        />
        <p className="meta">{t('funding.balanceNote')}</p>
      </section>

      <ContributionsTable items={loaderData.contributions} />

      <section aria-labelledby="allocations-heading">
        <h2 id="allocations-heading">{t('funding.allocations', { count: allocations.length })}</h2>
        {allocations.length === 0 ? (
          <p>{t('funding.noAllocations')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table allocations">
              <thead>
                <tr>
                  <th scope="col">{t('funding.project')}</th>
                  <th scope="col">{t('funding.amount')}</th>
                  <th scope="col">{t('funding.date')}</th>
                  <th scope="col">{t('funding.appeal')}</th>
                  <th scope="col">{t('funding.note')}</th>
                </tr>
              </thead>
              <tbody>
                {allocations.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      {a.project ? (
                        <a
                          href={`/${lang}/projects/${a.project.slug}`}
                          {...langProps(a.project.language, lang)}
                        >
                          {a.project.title}
                        </a>
                      ) : (
                        <span className="meta">{t('funding.projectHidden')}</span>
                      )}
                    </th>
                    <td className="number">{a.amount}</td>
                    <td>{a.date}</td>
                    <td>
                      {a.appeal ? <a href={`/${lang}/appeals/${a.appeal.slug}`}>{a.appeal.name}</a> : ''}
                    </td>
                    <td>{a.note ? <bdi>{a.note}</bdi> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <RateTableNote table={loaderData.rateTable} currency={totals.currency} />
    </article>
  );
}
