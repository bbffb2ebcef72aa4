import { useTranslation } from 'react-i18next';
import { data, Form } from 'react-router';
import { isStaff } from '../../server/modules/access/policy';
import { PriorityInput, PriorityPatch, RankingInput } from '../../server/modules/groups/schema';
import type { Language } from '../../shared/languages';
import { requirePageRole } from '../auth.server';
import { TextArea, TextInput } from '../components/form-fields';
import { langProps } from '../components/format';
import { PageTitle } from '../components/page-title';
import { failed, field, orNotFound, pageWriteContext, submit } from '../groups.server';
import type { Route } from './+types/group-priorities';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const lang = params.lang as Language;
  // The priorities first: they answer 404 to anyone outside the group's space.
  const priorities = await orNotFound(() =>
    context.services.groups.listPriorities(context.viewer, params.id),
  );
  const group = await context.services.groups.get(context.viewer, params.id, lang);
  const me = context.viewer.userId;
  const leads = isStaff(context.viewer) || group.myRole === 'chair' || group.myRole === 'vice_chair';
  return {
    group: { id: group.id, name: group.name, language: group.language },
    priorities,
    isMember: group.myRole !== null,
    editable: [...priorities.ranking, ...priorities.closed]
      .filter((priority) => leads || priority.createdBy.id === me)
      .map((priority) => priority.id),
  };
}

/**
 * The ranking form sends one number per priority (`rank.<id>`); blanks are unranked. The numbers
 * give the order, so they must be whole, positive and different.
 */
function rankingFromForm(form: FormData): { ids: string[] } | { error: 'badRank' | 'duplicateRank' } {
  const entries: Array<{ id: string; rank: number }> = [];
  for (const [name, value] of form) {
    if (!name.startsWith('rank.') || typeof value !== 'string' || !value.trim()) continue;
    const rank = Number(value.trim());
    if (!Number.isInteger(rank) || rank < 1) return { error: 'badRank' };
    entries.push({ id: name.slice('rank.'.length), rank });
  }
  if (new Set(entries.map((entry) => entry.rank)).size !== entries.length) return { error: 'duplicateRank' };
  return { ids: entries.sort((a, b) => a.rank - b.rank).map((entry) => entry.id) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const ctx = pageWriteContext(context);
  const groups = context.services.groups;
  switch (intent) {
    case 'rank': {
      const ranking = rankingFromForm(form);
      if ('error' in ranking) return failed(intent, { ranking: ranking.error });
      return submit(intent, RankingInput, { priorityIds: ranking.ids }, ({ priorityIds }) =>
        groups.setRanking(ctx, params.id, priorityIds),
      );
    }
    case 'propose':
      return submit(
        intent,
        PriorityInput,
        { title: field(form, 'title') ?? '', description: field(form, 'description') ?? null },
        (input) => groups.createPriority(ctx, params.id, input),
      );
    case 'close':
    case 'reopen':
      return submit(intent, PriorityPatch, { status: intent === 'close' ? 'closed' : 'open' }, (patch) =>
        groups.updatePriority(ctx, params.id, String(form.get('priorityId') ?? ''), patch),
      );
    default:
      throw data(null, { status: 400 });
  }
}

export default function GroupPriorities({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = params.lang as Language;
  const { group, priorities } = loaderData;
  const errors = actionData?.errors ?? {};
  const editable = new Set(loaderData.editable);
  const myRank = new Map(priorities.myRanking.map((id, index) => [id, index + 1]));
  const title = t('groups.priorities.title', { name: group.name });
  const rankError =
    actionData?.intent === 'rank' && !actionData.ok
      ? errors.ranking === 'badRank' || errors.ranking === 'duplicateRank'
        ? t(`groups.priorities.${errors.ranking}`)
        : Object.values(errors)[0]
      : undefined;
  return (
    <article>
      <PageTitle title={title} />
      <p>
        <a href={`/${lang}/groups/${group.id}`} {...langProps(group.language, lang)}>
          {t('groups.backToGroup', { name: group.name })}
        </a>
      </p>
      <h1>{title}</h1>
      <p className="lead">
        {t('groups.priorities.intro', { count: Math.max(priorities.ranking.length, 1) })}
      </p>

      <section aria-labelledby="combined">
        <h2 id="combined">{t('groups.priorities.combined')}</h2>
        <p>{t('groups.priorities.ballots', { count: priorities.ballots })}</p>
        {(actionData?.intent === 'close' || actionData?.intent === 'reopen') && !actionData.ok && (
          <p className="form-error" role="alert">
            {Object.values(errors)[0]}
          </p>
        )}
        {priorities.ranking.length === 0 ? (
          <p>{t('groups.priorities.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('groups.priorities.position')}</th>
                <th scope="col">{t('groups.priorities.priority')}</th>
                <th scope="col">{t('groups.priorities.points')}</th>
                <th scope="col">{t('groups.priorities.voters')}</th>
                <th scope="col">{t('groups.manage')}</th>
              </tr>
            </thead>
            <tbody>
              {priorities.ranking.map((priority) => (
                <tr key={priority.id}>
                  <td>
                    {priority.position}
                    {priority.tied && <span className="meta"> ({t('groups.priorities.tied')})</span>}
                  </td>
                  <td>
                    {priority.title}
                    <p className="meta">
                      {priority.description && <>{priority.description} · </>}
                      {t('groups.priorities.proposedBy', { name: priority.createdBy.name })}
                    </p>
                  </td>
                  <td>{priority.points}</td>
                  <td>{priority.voters}</td>
                  <td>
                    {editable.has(priority.id) && (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="close" />
                        <input type="hidden" name="priorityId" value={priority.id} />
                        <button
                          type="submit"
                          className="secondary"
                          aria-label={t('groups.priorities.closeNamed', { title: priority.title })}
                        >
                          {t('groups.priorities.close')}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {priorities.ranking.length > 0 && (
        <section aria-labelledby="yours">
          <h2 id="yours">{t('groups.priorities.yours')}</h2>
          {!loaderData.isMember ? (
            <p>{t('groups.priorities.membersOnly')}</p>
          ) : (
            <>
              {actionData?.intent === 'rank' && actionData.ok && (
                <p role="status">{t('groups.priorities.saved')}</p>
              )}
              {rankError && (
                <p className="form-error" role="alert" id="ranking-error">
                  {rankError}
                </p>
              )}
              <p className="hint" id="ranking-hint">
                {t('groups.priorities.yoursHint')}
              </p>
              <Form method="post" className="editor ranking">
                <input type="hidden" name="intent" value="rank" />
                {priorities.ranking.map((priority) => (
                  <div className="field" key={priority.id}>
                    <label htmlFor={`rank-${priority.id}`}>
                      {t('groups.priorities.rankOf', { title: priority.title })}
                    </label>
                    <input
                      id={`rank-${priority.id}`}
                      name={`rank.${priority.id}`}
                      type="number"
                      inputMode="numeric"
                      min={1}
                      max={priorities.ranking.length}
                      step={1}
                      defaultValue={myRank.get(priority.id) ?? ''}
                      aria-describedby={rankError ? 'ranking-hint ranking-error' : 'ranking-hint'}
                      aria-invalid={rankError ? true : undefined}
                    />
                  </div>
                ))}
                <div className="form-actions">
                  <button type="submit">{t('groups.priorities.saveRanking')}</button>
                </div>
              </Form>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="propose">
        <h2 id="propose">{t('groups.priorities.propose')}</h2>
        {actionData?.intent === 'propose' && actionData.ok && (
          <p role="status">{t('groups.priorities.proposed')}</p>
        )}
        {actionData?.intent === 'propose' && errors.form && (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        )}
        <Form method="post" className="editor">
          <input type="hidden" name="intent" value="propose" />
          <TextInput name="title" label={t('groups.priorities.titleField')} error={errors.title} required />
          <TextArea
            name="description"
            label={t('groups.priorities.description')}
            error={errors.description}
          />
          <div className="form-actions">
            <button type="submit">{t('groups.priorities.proposeButton')}</button>
          </div>
        </Form>
      </section>

      {priorities.closed.length > 0 && (
        <section aria-labelledby="closed">
          <h2 id="closed">{t('groups.priorities.closed')}</h2>
          <ul className="rows">
            {priorities.closed.map((priority) => (
              <li key={priority.id}>
                {priority.title}{' '}
                {editable.has(priority.id) && (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="reopen" />
                    <input type="hidden" name="priorityId" value={priority.id} />
                    <button
                      type="submit"
                      className="secondary"
                      aria-label={t('groups.priorities.reopenNamed', { title: priority.title })}
                    >
                      {t('groups.priorities.reopen')}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
