import { useTranslation } from 'react-i18next';
import type { appealLoader, fundLoader } from '../funding.server';
import { langProps, useLanguage } from './format';

type Header = Awaited<ReturnType<typeof fundLoader>>['fund'];
type Contributions = Awaited<ReturnType<typeof appealLoader>>['contributions'];
type RateTable = Awaited<ReturnType<typeof fundLoader>>['rateTable'];

/** A figure's name: the metrics the seed states are translated, any other is shown as written. */
export function useMetricLabel() {
  const { t, i18n } = useTranslation();
  return (metric: string) =>
    i18n.exists(`funding.metric.${metric}`) ? t(`funding.metric.${metric}`) : metric;
}

/**
 * How funded a row is: the percentage in text, with a bar beside it that is decoration only
 * (hidden from assistive technology, which reads the number).
 */
export function FundedBar({ percent, text }: { percent: number | null; text: string | null }) {
  const { t } = useTranslation();
  if (percent === null || text === null) return <span className="meta">{t('funding.notApplicable')}</span>;
  return (
    <span className="funded">
      <span className="funded-text">{text}</span>
      <span className="funded-bar" aria-hidden="true">
        <span style={{ inlineSize: `${Math.min(100, percent)}%` }} />
      </span>
    </span>
  );
}

/** Name of the page, its period, description, managers and the figures its sources state. */
export function FundHeader({ fund }: { fund: Header }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const metric = useMetricLabel();
  return (
    <>
      <h1 {...langProps(fund.language, lang)}>{fund.name}</h1>
      <dl className="facts inline">
        <dt>{t('funding.kind')}</dt>
        <dd>{t(fund.kind === 'appeal' ? 'funding.appeal' : 'funding.trustFund')}</dd>
        {fund.period && (
          <>
            <dt>{t('funding.period')}</dt>
            <dd>{fund.period}</dd>
          </>
        )}
        {fund.managers.length > 0 && (
          <>
            <dt>{t('funding.managers')}</dt>
            <dd>
              {fund.managers.map((manager, i) => (
                <span key={manager.id}>
                  {i > 0 && ', '}
                  <a href={`/${lang}/organisations/${manager.slug}`}>{manager.name}</a>
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      {fund.description && (
        <p className="prose" {...langProps(fund.language, lang)}>
          {fund.description}
        </p>
      )}
      {fund.figures.length > 0 && (
        <section aria-labelledby="stated-heading">
          <h2 id="stated-heading">{t('funding.stated')}</h2>
          <p className="meta">{t('funding.statedNote')}</p>
          <div className="table-scroll">
            <table className="data-table stated-figures">
              <thead>
                <tr>
                  <th scope="col">{t('funding.figure')}</th>
                  <th scope="col">{t('funding.amount')}</th>
                  <th scope="col">{t('funding.year')}</th>
                  <th scope="col">{t('funding.note')}</th>
                </tr>
              </thead>
              <tbody>
                {fund.figures.map((figure) => (
                  <tr key={`${figure.metric}-${figure.year}-${figure.amount}-${figure.note}`}>
                    <th scope="row">{metric(figure.metric)}</th>
                    <td className="number">{figure.amount}</td>
                    <td>{figure.year ?? ''}</td>
                    <td>{figure.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}

/** One figure card: a label and an amount. */
export function FigureCards({ items }: { items: Array<{ label: string; value: string; id: string }> }) {
  return (
    <dl className="figure-cards">
      {items.map((item) => (
        <div key={item.id} data-figure={item.id}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The rate table the converted figures use: name, date, source and the rates. */
export function RateTableNote({ table, currency }: { table: RateTable; currency: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="rates-heading" className="notice rate-table">
      <h2 id="rates-heading">{t('funding.rateTableUsed')}</h2>
      {table ? (
        <>
          <dl className="facts inline">
            <dt>{t('funding.rateName')}</dt>
            <dd>{table.name}</dd>
            <dt>{t('funding.effective')}</dt>
            <dd>{table.effectiveOn}</dd>
            <dt>{t('funding.rateSource')}</dt>
            <dd>{table.source}</dd>
            <dt>{t('funding.baseCurrency')}</dt>
            <dd>{table.baseCurrency}</dd>
          </dl>
          {table.rates.length > 0 && (
            <ul className="rates">
              {table.rates.map((rate) => (
                <li key={rate.currency}>
                  <span dir="ltr">
                    {t('funding.rate', {
                      currency: rate.currency,
                      rate: rate.rate,
                      base: table.baseCurrency,
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p>{t('funding.noRateTable', { currency })}</p>
      )}
    </section>
  );
}

/** Pledges and contributions: donor, amount, pledged or paid, date, the project it is earmarked to. */
export function ContributionsTable({ items }: { items: Contributions }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <section aria-labelledby="contributions-heading">
      <h2 id="contributions-heading">{t('funding.contributions', { count: items.length })}</h2>
      {items.length === 0 ? (
        <p>{t('funding.noContributions')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table contributions">
            <thead>
              <tr>
                <th scope="col">{t('funding.donor')}</th>
                <th scope="col">{t('funding.amount')}</th>
                <th scope="col">{t('funding.status')}</th>
                <th scope="col">{t('funding.date')}</th>
                <th scope="col">{t('funding.earmarkedTo')}</th>
                <th scope="col">{t('funding.note')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {c.donor.slug ? (
                      <a href={`/${lang}/organisations/${c.donor.slug}`}>{c.donor.name}</a>
                    ) : (
                      <bdi>{c.donor.name}</bdi>
                    )}
                  </th>
                  <td className="number">{c.amount}</td>
                  <td>
                    <span className={`status ${c.status}`}>{t(`funding.statusOption.${c.status}`)}</span>
                  </td>
                  <td>{c.date}</td>
                  <td>
                    {c.project ? (
                      <a
                        href={`/${lang}/projects/${c.project.slug}`}
                        {...langProps(c.project.language, lang)}
                      >
                        {c.project.title}
                      </a>
                    ) : (
                      t('funding.unearmarkedShort')
                    )}
                  </td>
                  <td>{c.note ? <bdi>{c.note}</bdi> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
