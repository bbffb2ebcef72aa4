import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import type { Need, Offer } from '../../server/modules/needs-offers/schema';
import { TextArea } from './form-fields';
import { langProps, languageName, useLanguage } from './format';
import { PageTitle } from './page-title';
import type { DateWindow } from './posting-card';

type Props = {
  posting: Need | Offer;
  group: { id: string; name: string } | null;
  display: {
    window: DateWindow | null;
    amount: string | null;
    closedOn: string | null;
    postedOn: string;
    updatedOn: string;
  };
  /** What the close or reopen form sent back when it failed. */
  actionData?: { intent: string; errors: Record<string, string>; reason: string } | undefined;
  /** Sections shown below the description, such as matches. */
  children?: ReactNode;
};

/** A need or an offer in full: every field, its status, and for its editors edit, close and reopen. */
export function PostingDetails({ posting, group, display, actionData, children }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const path = posting.kind === 'need' ? 'needs' : 'offers';
  const textLang = langProps(posting.language, lang);
  const notGiven = <span className="meta">{t('postings.notGiven')}</span>;
  const list = (items: string[]) => (items.length ? items.join(', ') : notGiven);
  const errors = actionData?.errors ?? {};
  return (
    <article>
      <PageTitle title={posting.title} />
      <p className="meta">{t(`search.type.${posting.kind}`)}</p>
      <h1 {...textLang}>{posting.title}</h1>
      <p>
        <span className="status">{t(`postings.status.${posting.status}`)}</span>
        {display.closedOn && <> {t('postings.since', { date: display.closedOn })}</>}
      </p>
      {posting.language !== posting.originalLanguage ? (
        <p className="notice">
          {t('postings.translatedFrom', { language: languageName(lang, posting.originalLanguage) })}
        </p>
      ) : (
        posting.language !== lang && (
          <p className="notice">
            {t('postings.writtenIn', { language: languageName(lang, posting.originalLanguage) })}
          </p>
        )
      )}
      <div className="with-sidebar reverse">
        <div>
          <section aria-labelledby="description-heading">
            <h2 id="description-heading">{t('postings.description')}</h2>
            <p className="prose" {...textLang}>
              {posting.description}
            </p>
          </section>
          {children}
        </div>
        <aside aria-labelledby="details-heading">
          <h2 id="details-heading">{t('postings.details')}</h2>
          <dl className="facts">
            <dt>{t(`${path}.organisation`)}</dt>
            <dd>
              {posting.organisation ? (
                <a
                  href={`/${lang}/organisations/${posting.organisation.slug}`}
                  {...langProps(posting.organisation.language, lang)}
                >
                  {posting.organisation.name}
                </a>
              ) : (
                notGiven
              )}
            </dd>
            <dt>{t(`${path}.country`)}</dt>
            <dd>{posting.country.name}</dd>
            <dt>{t('postings.statusLabel')}</dt>
            <dd>
              {t(`postings.status.${posting.status}`)}
              {display.closedOn && <> {t('postings.since', { date: display.closedOn })}</>}
            </dd>
            {posting.status === 'closed' && (
              <>
                <dt>{t('postings.closeReason')}</dt>
                <dd className="prose">{posting.closeReason ?? notGiven}</dd>
              </>
            )}
            <dt>{t(`${path}.window`)}</dt>
            <dd>
              {display.window
                ? t(`postings.window.${display.window.kind}`, { dates: display.window.dates })
                : notGiven}
            </dd>
            {posting.kind === 'need' ? (
              <>
                <dt>{t('needs.budget')}</dt>
                <dd>{display.amount ?? notGiven}</dd>
                <dt>{t('needs.coFinancing')}</dt>
                <dd className="prose">{posting.coFinancing ?? notGiven}</dd>
                {posting.recommendationIds.length > 0 && (
                  <>
                    <dt>{t('needs.recommendations')}</dt>
                    <dd>
                      <ul className="plain">
                        {posting.recommendationIds.map((id) => (
                          <li key={id}>
                            <a href={`/${lang}/recommendations/${id}`}>
                              <code>{id}</code>
                            </a>
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
              </>
            ) : (
              <>
                <dt>{t('offers.capacity')}</dt>
                <dd>
                  {posting.capacity.places === null &&
                  posting.capacity.experts === null &&
                  display.amount === null ? (
                    notGiven
                  ) : (
                    <ul className="plain">
                      {posting.capacity.places !== null && (
                        <li>{t('offers.places', { count: posting.capacity.places })}</li>
                      )}
                      {posting.capacity.experts !== null && (
                        <li>{t('offers.experts', { count: posting.capacity.experts })}</li>
                      )}
                      {display.amount !== null && <li>{t('offers.amount', { amount: display.amount })}</li>}
                    </ul>
                  )}
                </dd>
                <dt>{t('offers.costSharing')}</dt>
                <dd className="prose">{posting.costSharing ?? notGiven}</dd>
              </>
            )}
            <dt>{t('postings.themes')}</dt>
            <dd>
              {posting.themes.length ? (
                <ul className="tags">
                  {posting.themes.map((theme) => (
                    <li key={theme.id}>
                      <a href={`/${lang}/${path}?theme=${theme.id}`}>{theme.label}</a>
                    </li>
                  ))}
                </ul>
              ) : (
                notGiven
              )}
            </dd>
            <dt>{t('postings.sdgTargets')}</dt>
            <dd>{list(posting.sdgTargets)}</dd>
            <dt>{t('postings.modalities')}</dt>
            <dd>{list(posting.modalities.map((m) => m.label))}</dd>
            <dt>{t('postings.workingLanguages')}</dt>
            <dd>{list(posting.workingLanguages.map((code) => languageName(lang, code)))}</dd>
            <dt>{t('postings.visibility')}</dt>
            <dd>{t(`postings.visibilityOption.${posting.visibility}`)}</dd>
            {group && (
              <>
                <dt>{t('postings.group')}</dt>
                <dd>
                  <a href={`/${lang}/groups/${group.id}`}>{group.name}</a>
                </dd>
              </>
            )}
            <dt>{t('postings.posted')}</dt>
            <dd>{display.postedOn}</dd>
            <dt>{t('postings.updated')}</dt>
            <dd>{display.updatedOn}</dd>
          </dl>
        </aside>
      </div>
      {posting.canEdit && (
        <section aria-labelledby="manage-heading" className="workflow">
          <h2 id="manage-heading">{t('postings.manage')}</h2>
          <p className="actions">
            <a href={`/${lang}/${path}/${posting.slug}/edit`}>{t(`${path}.edit`)}</a>
          </p>
          {errors.form || errors.status ? (
            <p role="alert" className="alert">
              {errors.form ?? errors.status}
            </p>
          ) : null}
          {posting.status === 'open' ? (
            <Form method="post" className="editor">
              <h3>{t(`${path}.closeHeading`)}</h3>
              <p className="hint">{t('postings.closeHint')}</p>
              <input type="hidden" name="intent" value="close" />
              <TextArea
                name="reason"
                label={t('postings.reason')}
                hint={t('postings.reasonHint')}
                value={actionData?.reason}
                error={errors.reason}
                rows={2}
              />
              <div className="form-actions">
                <button type="submit">{t('postings.close')}</button>
              </div>
            </Form>
          ) : (
            <Form method="post" className="editor">
              <p className="hint">{t('postings.reopenHint')}</p>
              <input type="hidden" name="intent" value="reopen" />
              <div className="form-actions">
                <button type="submit">{t('postings.reopen')}</button>
              </div>
            </Form>
          )}
        </section>
      )}
    </article>
  );
}
