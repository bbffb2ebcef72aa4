import { useTranslation } from 'react-i18next';
import { data, Form } from 'react-router';
import type { Language } from '../../shared/languages';
import { requirePageRole } from '../auth.server';
import { formatDateTime } from '../components/format';
import { PageTitle } from '../components/page-title';
import { Pager } from '../components/pager';
import { attempt, pageWriteContext } from '../groups.server';
import type { Route } from './+types/notifications';

/** Kinds with a label (message keys cannot contain dots, so `group.mention` is `group_mention`). */
const KNOWN_KINDS = new Set([
  'group_mention',
  'group_reply',
  'group_added',
  'action_assigned',
  'action_due',
  'match_interest',
  'match_accept',
  'match_decline',
  'match_agree',
  'match_message',
]);
const kindKey = (kind: string) => kind.replaceAll('.', '_');

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const cursor = new URL(request.url).searchParams.get('cursor') ?? undefined;
  const list = (at?: string) =>
    context.services.notifications.list(context.viewer, { limit: 30, cursor: at });
  const page = await list(cursor).catch(() => list());
  return { page };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const ctx = pageWriteContext(context);
  if (intent === 'read') {
    const id = String(form.get('id') ?? '');
    return attempt(intent, () => context.services.notifications.markRead(ctx, id));
  }
  if (intent === 'read-all') return attempt(intent, () => context.services.notifications.markAllRead(ctx));
  throw data(null, { status: 400 });
}

export default function Notifications({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = params.lang as Language;
  const { page } = loaderData;
  return (
    <article className="narrow">
      <PageTitle title={t('groups.notifications.title')} />
      <h1>{t('groups.notifications.title')}</h1>
      <ul className="plain actions">
        <li>
          <a href={`/${lang}/actions`}>{t('groups.myActions')}</a>
        </li>
        <li>
          <a href={`/${lang}/groups`}>{t('groups.title')}</a>
        </li>
      </ul>
      <p>{t('groups.notifications.unread', { count: page.unread })}</p>
      {page.unread > 0 && (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit">{t('groups.notifications.markAllRead')}</button>
        </Form>
      )}
      {page.items.length === 0 ? (
        <p>{t('groups.notifications.empty')}</p>
      ) : (
        <ul className="rows notifications">
          {page.items.map((note) => (
            <li key={note.id} className={note.read ? 'read' : 'unread'}>
              {!note.read && <span className="status">{t('groups.notifications.new')}</span>}{' '}
              <strong>
                {KNOWN_KINDS.has(kindKey(note.kind))
                  ? t(`groups.notifications.kinds.${kindKey(note.kind)}`)
                  : note.kind}
              </strong>
              {': '}
              {note.link ? <a href={`/${lang}${note.link}`}>{note.title}</a> : note.title}
              {note.body && <p className="post-body">{note.body}</p>}
              <p className="meta">
                {formatDateTime(lang, note.createdAt)}{' '}
                {!note.read && (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="id" value={note.id} />
                    <button
                      type="submit"
                      className="secondary"
                      aria-label={t('groups.notifications.markReadNamed', { title: note.title })}
                    >
                      {t('groups.notifications.markRead')}
                    </button>
                  </Form>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager nextCursor={page.nextCursor} />
    </article>
  );
}
