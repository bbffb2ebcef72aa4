import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { TextArea } from './form-fields';
import { formatDate, useLanguage } from './format';

type History = {
  versions: Array<{
    version: number;
    status: string;
    actor: string;
    createdAt: string;
    changes: Array<{ field: string }>;
  }>;
  reviews: Array<{ action: string; comment: string | null; actor: string; createdAt: string }>;
};

/** The buttons each status allows. */
const NEXT: Record<string, Array<'submit' | 'publish' | 'request_changes' | 'archive' | 'restore'>> = {
  draft: ['submit', 'archive'],
  submitted: ['publish', 'request_changes', 'archive'],
  published: ['archive'],
  archived: ['restore'],
};

const BUTTON_LABEL = {
  submit: 'workflow.submit',
  publish: 'workflow.publish',
  request_changes: 'workflow.requestChanges',
  archive: 'workflow.archive',
  restore: 'workflow.restore',
} as const;

/** Status, review actions (for the secretariat) and the version and review history of a solution. */
export function WorkflowPanel(props: {
  slug: string;
  status: string;
  canEdit: boolean;
  /** What the viewer may do: review actions are the secretariat's, submitting the author's. */
  may: { submit: boolean; review: boolean; comment: boolean };
  history: History;
  reviewError: string | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const base = `/${language}/solutions/${props.slug}`;
  const day = (iso: string) => formatDate(language, iso.slice(0, 10));
  const actions = (NEXT[props.status] ?? []).filter((intent) =>
    intent === 'submit' ? props.may.submit || props.may.review : props.may.review,
  );
  const showForm = actions.length > 0 || props.may.comment;
  return (
    <section aria-labelledby="review" className="workflow">
      <h2 id="review">{props.canEdit || showForm ? t('workflow.actions') : t('workflow.history')}</h2>
      <p>
        <strong>{t('workflow.statusLabel')}:</strong> {t(`workflow.status.${props.status}`)}
      </p>
      {props.canEdit && (
        <p className="actions">
          <a href={`${base}/edit`}>{t('workflow.edit')}</a>{' '}
          <a href={`${base}/translate`}>{t('workflow.translate')}</a>
        </p>
      )}
      {showForm && (
        <>
          <Form method="post" action={`${base}/review`} className="editor">
            <TextArea
              name="comment"
              label={t('workflow.comment')}
              hint={t('workflow.commentHint')}
              error={props.reviewError === 'comment' ? t('workflow.commentHint') : undefined}
              rows={2}
            />
            <div className="form-actions">
              {actions.map((intent) => (
                <button key={intent} type="submit" name="intent" value={intent}>
                  {t(BUTTON_LABEL[intent])}
                </button>
              ))}
              {props.may.comment && (
                <button type="submit" name="intent" value="comment" className="secondary">
                  {t('workflow.comment')}
                </button>
              )}
            </div>
          </Form>
        </>
      )}
      {(props.canEdit || showForm) && <h3>{t('workflow.history')}</h3>}
      <ol className="history">
        {props.history.versions.map((v) => (
          <li key={`v${v.version}`}>
            {t('workflow.version', { version: v.version })} · {day(v.createdAt)} ·{' '}
            {t(`workflow.status.${v.status}`)}
            {v.changes.length > 0 && (
              <span className="meta">
                {' '}
                · {t('workflow.changed', { fields: v.changes.map((c) => c.field).join(', ') })}
              </span>
            )}
          </li>
        ))}
      </ol>
      {props.history.reviews.length > 0 && (
        <ul className="plain reviews">
          {props.history.reviews.map((r) => (
            <li key={`${r.createdAt}-${r.action}`}>
              {day(r.createdAt)} · {t(`workflow.reviewAction.${r.action}`)}
              {r.comment && <>: “{r.comment}”</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
