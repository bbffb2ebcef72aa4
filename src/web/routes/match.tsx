import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import type { Language } from '../../shared/languages';
import { TextArea } from '../components/form-fields';
import { formatDateTime, langProps } from '../components/format';
import { Fit, MatchStatusTag, PartyLink, ReasonList, TypeBadge } from '../components/match-list';
import { PageTitle } from '../components/page-title';
import { matchAction, matchLoader } from '../matches.server';
import type { Route } from './+types/match';

export const loader = (args: Route.LoaderArgs) => matchLoader(args);

export const action = (args: Route.ActionArgs) => matchAction(args);

type Side = 'need' | 'candidate';

export default function MatchPage({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = params.lang as Language;
  const { match, messages, staff } = loaderData;
  const when = (iso: string) => formatDateTime(lang, iso);
  /** The problems of the form that was sent, for that form only. */
  const errorsOf = (intent: string) =>
    actionData?.intent === intent ? (actionData.errors as Record<string, string>) : {};
  const sentValue = (intent: string, name: 'note' | 'reason' | 'summary' | 'body') =>
    actionData?.intent === intent ? actionData.values[name] : undefined;
  const formError = (intent: string) => {
    const key = errorsOf(intent).form;
    return key ? (
      <p role="alert" className="alert">
        {t(key)}
      </p>
    ) : null;
  };
  const error = (intent: string, name: string) => {
    const key = errorsOf(intent)[name];
    return key ? t(key) : undefined;
  };
  const sideName = (side: Side) =>
    t(side === 'need' ? 'matches.side.need' : `matches.side.${match.candidate.type}`);
  const may = (action: string) => match.actions.includes(action as (typeof match.actions)[number]);
  const steps = (['interest', 'accept', 'decline', 'agree', 'project'] as const).filter(may);
  const parties = [
    { side: 'need' as const, party: match.need },
    { side: 'candidate' as const, party: match.candidate },
  ];
  return (
    <article>
      <PageTitle title={`${match.need.title} ↔ ${match.candidate.title}`} />
      <p>
        <a href={`/${lang}/matches`}>{t('matches.backToMine')}</a>
      </p>
      <p className="meta">{t('matches.kicker')}</p>
      <h1>
        <span {...langProps(match.need.language, lang)}>{match.need.title}</span>
        {' ↔ '}
        <span {...langProps(match.candidate.language, lang)}>{match.candidate.title}</span>
      </h1>
      <div className="match-meta">
        <MatchStatusTag status={match.status} /> <Fit score={match.score} fit={match.fit} />
      </div>
      {match.yourSide ? (
        <p>{t('matches.yourSide', { side: sideName(match.yourSide) })}</p>
      ) : (
        staff && <p className="hint">{t('matches.readOnly')}</p>
      )}

      <div className="parties">
        {parties.map(({ side, party }) => (
          <section key={side} aria-labelledby={`party-${side}`} className="card">
            <h2 id={`party-${side}`}>
              <TypeBadge type={party.type} /> <PartyLink party={party} />
            </h2>
            <dl className="facts">
              <dt>{t('matches.organisation')}</dt>
              <dd>
                {party.organisation ? (
                  <a href={`/${lang}/organisations/${party.organisation.id}`}>{party.organisation.name}</a>
                ) : (
                  <span className="meta">{t('postings.notGiven')}</span>
                )}
              </dd>
              <dt>{t('postings.statusLabel')}</dt>
              <dd>
                {t(
                  party.type === 'solution'
                    ? `workflow.status.${party.status}`
                    : `postings.status.${party.status}`,
                )}
              </dd>
            </dl>
            {match.yourSide === side && <p className="badge">{t('matches.yours')}</p>}
          </section>
        ))}
      </div>

      <section aria-labelledby="reasons-heading">
        <h2 id="reasons-heading">{t('matches.whyHeading')}</h2>
        <ReasonList reasons={match.reasons} labelled={false} />
      </section>

      {match.declineReason && (
        <section aria-labelledby="declined-heading">
          <h2 id="declined-heading">{t('matches.declineReasonHeading')}</h2>
          <p className="prose">{match.declineReason}</p>
        </section>
      )}

      {match.agreement && (
        <section aria-labelledby="agreement" id="agreement-section">
          <h2 id="agreement">{t('matches.agreementHeading')}</h2>
          <p className="prose">{match.agreement.summary}</p>
          <p className="meta">{t('matches.agreedOn', { date: when(match.agreement.agreedAt) })}</p>
          {match.projectId && (
            <p>
              <a href={`/${lang}/projects/${match.projectId}`}>{t('matches.projectLink')}</a>
            </p>
          )}
        </section>
      )}

      {match.yourSide && (
        <section aria-labelledby="actions-heading" className="workflow">
          <h2 id="actions-heading">{t('matches.actionsHeading')}</h2>
          {steps.length === 0 && <p>{t('matches.nothingToDo')}</p>}
          {may('interest') && (
            <Form method="post" className="editor" noValidate>
              <h3>{t('matches.interest')}</h3>
              {formError('interest')}
              <input type="hidden" name="intent" value="interest" />
              <TextArea
                name="note"
                label={t('matches.interestNote')}
                hint={t('matches.interestHint')}
                value={sentValue('interest', 'note')}
                error={error('interest', 'note')}
                rows={3}
              />
              <div className="form-actions">
                <button type="submit">{t('matches.interest')}</button>
              </div>
            </Form>
          )}
          {may('accept') && (
            <Form method="post" className="editor">
              <h3>{t('matches.accept')}</h3>
              {formError('accept')}
              <p className="hint">{t('matches.acceptHint')}</p>
              <input type="hidden" name="intent" value="accept" />
              <div className="form-actions">
                <button type="submit">{t('matches.accept')}</button>
              </div>
            </Form>
          )}
          {may('agree') && (
            <Form method="post" className="editor" noValidate>
              <h3>{t('matches.agree')}</h3>
              {formError('agree')}
              <input type="hidden" name="intent" value="agree" />
              <TextArea
                name="summary"
                label={t('matches.agreeSummary')}
                hint={t('matches.agreeHint')}
                value={sentValue('agree', 'summary')}
                error={error('agree', 'summary')}
                rows={4}
                required
              />
              <div className="form-actions">
                <button type="submit">{t('matches.agree')}</button>
              </div>
            </Form>
          )}
          {may('project') && (
            <Form method="post" className="editor">
              <h3>{t('matches.project')}</h3>
              {formError('project')}
              <p className="hint">{t('matches.projectHint')}</p>
              <input type="hidden" name="intent" value="project" />
              <div className="form-actions">
                <button type="submit">{t('matches.project')}</button>
              </div>
            </Form>
          )}
          {may('decline') && (
            <Form method="post" className="editor" noValidate>
              <h3>{t('matches.decline')}</h3>
              {formError('decline')}
              <input type="hidden" name="intent" value="decline" />
              <TextArea
                name="reason"
                label={t('matches.declineReason')}
                hint={t('matches.declineHint')}
                value={sentValue('decline', 'reason')}
                error={error('decline', 'reason')}
                rows={3}
                required
              />
              <div className="form-actions">
                <button type="submit" className="secondary">
                  {t('matches.decline')}
                </button>
              </div>
            </Form>
          )}
        </section>
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('matches.historyHeading')}</h2>
        <ol className="history">
          <li>
            <strong>{t('matches.event.suggested')}</strong> ·{' '}
            <time dateTime={match.createdAt}>{when(match.createdAt)}</time>
          </li>
          {match.events.map((event, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows, in order
            <li key={index}>
              <strong>{t(`matches.event.${event.toStatus}`)}</strong>
              {' · '}
              {event.actor ?? t('matches.someone')}
              {event.side && <> ({sideName(event.side as Side)})</>}
              {' · '}
              <time dateTime={event.at}>{when(event.at)}</time>
              {event.note && <p className="post-body">{event.note}</p>}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="messages" id="messages-section">
        <h2 id="messages">{t('matches.messagesHeading')}</h2>
        {messages.length === 0 ? (
          <p>{t('matches.noMessages')}</p>
        ) : (
          <ol className="posts">
            {messages.map((message) => (
              <li key={message.id} id={`message-${message.id}`}>
                <p className="meta">
                  {t('matches.messageBy', {
                    name: message.mine ? t('matches.you') : (message.author ?? t('matches.someone')),
                    side: sideName(message.side),
                    date: when(message.createdAt),
                  })}
                </p>
                <div className="post-body">{message.body}</div>
              </li>
            ))}
          </ol>
        )}
        {may('message') && (
          <Form method="post" className="editor" noValidate>
            {formError('message')}
            <input type="hidden" name="intent" value="message" />
            <TextArea
              name="body"
              label={t('matches.message')}
              hint={t('matches.messageHint')}
              value={sentValue('message', 'body')}
              error={error('message', 'body')}
              rows={4}
              required
            />
            <div className="form-actions">
              <button type="submit">{t('matches.send')}</button>
            </div>
          </Form>
        )}
      </section>
    </article>
  );
}
