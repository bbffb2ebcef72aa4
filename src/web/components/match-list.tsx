import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import type { Language } from '../../shared/languages';
import { langProps, useLanguage } from './format';

type Reason = { kind: string; label: string; weight: number };

/** A record either side of a match, as the lists and the match page show it. */
type Party = { type: 'need' | 'solution' | 'offer'; slug: string; title: string; language: string };

/** The page of a need, solution or offer. */
const PATHS = { need: 'needs', solution: 'solutions', offer: 'offers' } as const;

export function partyHref(lang: Language, party: Pick<Party, 'type' | 'slug'>): string {
  return `/${lang}/${PATHS[party.type]}/${party.slug}`;
}

/** The kind of record: "Solution", "Offer", "Need". */
export function TypeBadge({ type }: { type: Party['type'] }) {
  const { t } = useTranslation();
  return <span className="badge">{t(`search.type.${type}`)}</span>;
}

/** The title, linked to its page, marked with its language when it differs from the page's. */
export function PartyLink({ party }: { party: Party }) {
  const lang = useLanguage();
  return (
    <a href={partyHref(lang, party)} {...langProps(party.language, lang)}>
      {party.title}
    </a>
  );
}

/** The score as a short bar (for the eye) and as text (for everyone): "Fit: 0.42 out of 1". */
export function Fit({ score, fit }: { score: number; fit: string }) {
  const { t } = useTranslation();
  return (
    <span className="fit">
      <meter min={0} max={1} value={score} aria-hidden="true" />
      {t('matches.fit', { score: fit })}
    </span>
  );
}

/**
 * Why a candidate fits, one reason a line, in the reader's language. `labelled` shows the
 * "Why it fits:" lead-in, for lists where no heading says it already.
 */
export function ReasonList({ reasons, labelled = true }: { reasons: Reason[]; labelled?: boolean }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return null;
  return (
    <div className="reasons">
      {labelled && <p className="meta">{t('matches.reasons')}</p>}
      <ul>
        {reasons.map((reason, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: reasons are a fixed list; two may read the same
          <li key={index}>{reason.label}</li>
        ))}
      </ul>
    </div>
  );
}

/** The status of a match as a tag: "Suggested", "Interest expressed"… */
export function MatchStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className="status">{t(`matches.status.${status}`)}</span>;
}

export type MatchListItem = {
  id: string;
  status: string;
  score: number;
  fit: string;
  reasons: Reason[];
  need: Party & { organisation: { id: string; name: string } | null };
  candidate: Party & { organisation: { id: string; name: string } | null };
  actions: string[];
  canOpen: boolean;
};

/**
 * Stored matches, best first or latest first as given. `show` names the side the list is about:
 * a need page lists candidates, an offer page needs, "My matches" both.
 */
export function MatchList({ items, show }: { items: MatchListItem[]; show: 'candidate' | 'need' | 'both' }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <ol className="matches">
      {items.map((match) => {
        const party = show === 'need' ? match.need : match.candidate;
        const title = show === 'both' ? match.need : party;
        return (
          <li key={match.id} className="match">
            <h3>
              {show !== 'both' && (
                <>
                  <TypeBadge type={party.type} />{' '}
                </>
              )}
              <PartyLink party={title} />
            </h3>
            {show === 'both' && (
              <p>
                {t('matches.matchedWith')} <TypeBadge type={match.candidate.type} />{' '}
                <PartyLink party={match.candidate} />
              </p>
            )}
            {show !== 'both' && party.organisation && <p className="meta">{party.organisation.name}</p>}
            <div className="match-meta">
              <MatchStatusTag status={match.status} /> <Fit score={match.score} fit={match.fit} />
            </div>
            <ReasonList reasons={match.reasons} />
            {(match.canOpen || match.actions.includes('interest')) && (
              <div className="form-actions">
                {match.actions.includes('interest') && (
                  <Form method="post" action={`/${lang}/matches/${match.id}`} className="inline-form">
                    <input type="hidden" name="intent" value="interest" />
                    <button type="submit">
                      {t('matches.interest')}
                      <span className="visually-hidden">
                        {': '}
                        <span {...langProps(party.language, lang)}>{party.title}</span>
                      </span>
                    </button>
                  </Form>
                )}
                {match.canOpen && (
                  <a href={`/${lang}/matches/${match.id}`}>
                    {t('matches.open')}
                    <span className="visually-hidden">
                      {': '}
                      <span {...langProps(title.language, lang)}>{title.title}</span>
                    </span>
                  </a>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** The "Matches" section of a need or offer page. */
export function PostingMatches({ kind, items }: { kind: 'need' | 'offer'; items: MatchListItem[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="matches-heading" className="matches-section">
      <h2 id="matches-heading">{t('matches.heading')}</h2>
      <p className="hint">{t(kind === 'need' ? 'matches.needIntro' : 'matches.offerIntro')}</p>
      {items.length === 0 ? (
        <p>{t(kind === 'need' ? 'matches.emptyNeed' : 'matches.emptyOffer')}</p>
      ) : (
        <MatchList items={items} show={kind === 'need' ? 'candidate' : 'need'} />
      )}
    </section>
  );
}
