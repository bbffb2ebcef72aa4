import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import type { Language } from '../../shared/languages';
import { ExportLinks } from './export-links';
import { type FieldProblem, FilterErrors, fieldError } from './filter-errors';
import { Select } from './form-fields';
import { useLanguage } from './format';
import { PageTitle } from './page-title';
import { Pager } from './pager';
import { PostingCard, type PostingListItem } from './posting-card';
import { SelectField } from './select-field';

type Option = { value: string; label: string };

const STATUSES = ['open', 'closed', 'all'] as const;

/** The needs or offers list: filters (status, country, theme, modality, mine), cards and pager. */
export function PostingList(props: {
  kind: 'need' | 'offer';
  page: { items: PostingListItem[]; total: number; nextCursor: string | null };
  errors: FieldProblem[];
  exportQuery: string;
  signedIn: boolean;
  values: { status: string; country: string; theme: string; modality: string; mine: boolean };
  countries: Option[];
  themes: Option[];
  modalities: Option[];
}) {
  const { t } = useTranslation();
  const lang: Language = useLanguage();
  const mineId = useId();
  const { page, errors, values } = props;
  const path = props.kind === 'need' ? 'needs' : 'offers';
  return (
    <>
      <PageTitle title={t(`${path}.title`)} />
      <h1>{t(`${path}.title`)}</h1>
      <p className="lead">{t(`${path}.intro`)}</p>
      <div className="with-sidebar">
        <aside aria-labelledby="filters-heading">
          <h2 id="filters-heading">{t('list.filters')}</h2>
          <Form method="get" className="filters">
            <Select
              name="status"
              label={t('postings.filter.status')}
              options={STATUSES.map((status) => ({ value: status, label: t(`postings.filter.${status}`) }))}
              value={values.status}
              error={fieldError(errors, 'status')}
            />
            <SelectField
              name="country"
              label={t('filter.country')}
              options={props.countries}
              value={values.country}
              error={fieldError(errors, 'country')}
            />
            <SelectField
              name="theme"
              label={t('filter.theme')}
              options={props.themes}
              value={values.theme}
              error={fieldError(errors, 'theme')}
            />
            <SelectField
              name="modality"
              label={t('postings.filter.modality')}
              options={props.modalities}
              value={values.modality}
              error={fieldError(errors, 'modality')}
            />
            {props.signedIn && (
              <div className="field checkbox">
                <input id={mineId} type="checkbox" name="mine" value="true" defaultChecked={values.mine} />
                <label htmlFor={mineId}>{t('postings.filter.mine')}</label>
              </div>
            )}
            <button type="submit">{t('list.apply')}</button>
            <a href={`/${lang}/${path}`}>{t('list.reset')}</a>
          </Form>
        </aside>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('list.total', { count: page.total })}</h2>
          {props.signedIn && (
            <p className="actions">
              <a href={`/${lang}/${path}/new`}>{t(`${path}.new`)}</a>
            </p>
          )}
          <ExportLinks path={`/api/v1/${path}/export`} query={props.exportQuery} />
          <FilterErrors errors={errors} />
          {page.items.length === 0 && <p>{t(`${path}.empty`)}</p>}
          <div className="cards">
            {page.items.map((posting) => (
              <PostingCard key={posting.id} posting={posting} />
            ))}
          </div>
          <Pager nextCursor={page.nextCursor} />
        </section>
      </div>
    </>
  );
}
