import { useTranslation } from 'react-i18next';
import { Form, redirect } from 'react-router';
import { mentionToken, splitMentions } from '../../server/modules/groups/mentions';
import { PostInput } from '../../server/modules/groups/schema';
import type { Language } from '../../shared/languages';
import { requirePageRole } from '../auth.server';
import { Select, TextArea } from '../components/form-fields';
import { formatDateTime, langProps } from '../components/format';
import { PageTitle } from '../components/page-title';
import { runForm } from '../forms.server';
import { failed, field, fields, orNotFound, pageWriteContext, validate } from '../groups.server';
import type { Route } from './+types/group-thread';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const lang = params.lang as Language;
  // The thread first: it answers 404 to anyone outside the group's space.
  const thread = await orNotFound(() =>
    context.services.groups.getThread(context.viewer, params.id, params.threadId),
  );
  const group = await orNotFound(() => context.services.groups.get(context.viewer, params.id, lang));
  return {
    thread,
    group: { id: group.id, name: group.name, language: group.language },
    members: group.members
      .filter((member) => member.userId !== context.viewer.userId)
      .map((member) => ({ value: member.userId, label: member.name })),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  await orNotFound(() => context.services.groups.getThread(context.viewer, params.id, params.threadId));
  const form = await request.formData();
  const checked = validate('reply', PostInput, {
    body: field(form, 'body') ?? '',
    notify: fields(form, 'notify'),
  });
  if (!checked.ok) return checked.response;
  const result = await runForm(() =>
    context.services.groups.reply(pageWriteContext(context), params.id, params.threadId, checked.value),
  );
  if (!result.ok) return failed('reply', result.errors);
  throw redirect(`/${params.lang}/groups/${params.id}/threads/${params.threadId}#post-${result.value.id}`);
}

/** A plain-text body: React escapes it; mentions of members show as "@Name". */
function Body({ text, mentions }: { text: string; mentions: Array<{ id: string; name: string }> }) {
  const names = new Map(mentions.map((person) => [person.id, person.name]));
  return (
    <div className="post-body">
      {splitMentions(text).map((part, index) =>
        'mention' in part ? (
          names.has(part.mention) ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
            <strong key={index} className="mention">
              @{names.get(part.mention)}
            </strong>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
            <span key={index}>{mentionToken(part.mention)}</span>
          )
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
          <span key={index}>{part.text}</span>
        ),
      )}
    </div>
  );
}

export default function ThreadPage({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = params.lang as Language;
  const { thread, group } = loaderData;
  const errors = actionData?.errors ?? {};
  return (
    <article className="narrow">
      <PageTitle title={thread.title} />
      <p>
        <a href={`/${lang}/groups/${group.id}`} {...langProps(group.language, lang)}>
          {t('groups.backToGroup', { name: group.name })}
        </a>
      </p>
      <h1>{thread.title}</h1>
      <p className="meta">
        {t('groups.thread.by', { name: thread.author.name, date: formatDateTime(lang, thread.createdAt) })}
      </p>
      <Body text={thread.body} mentions={thread.mentions} />

      <section aria-labelledby="replies">
        <h2 id="replies">{t('groups.thread.repliesHeading', { count: thread.posts.length })}</h2>
        <ol className="posts">
          {thread.posts.map((post) => (
            <li key={post.id} id={`post-${post.id}`}>
              <p className="meta">
                {t('groups.thread.by', {
                  name: post.author.name,
                  date: formatDateTime(lang, post.createdAt),
                })}
              </p>
              <Body text={post.body} mentions={post.mentions} />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="reply">
        <h2 id="reply">{t('groups.thread.yourReply')}</h2>
        {errors.form && (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        )}
        <Form method="post" className="editor">
          <TextArea
            name="body"
            label={t('groups.message')}
            hint={t('groups.thread.replyHint')}
            error={errors.body}
            rows={5}
            required
          />
          {loaderData.members.length > 0 && (
            <Select
              name="notify"
              label={t('groups.notify')}
              hint={t('groups.notifyHint')}
              multiple
              options={loaderData.members}
              error={errors.notify}
            />
          )}
          <div className="form-actions">
            <button type="submit">{t('groups.thread.reply')}</button>
          </div>
        </Form>
      </section>
    </article>
  );
}
