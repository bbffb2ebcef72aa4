import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../shared/languages';
import { Select, TextArea } from '../components/form-fields';
import { languageName, useLanguage } from '../components/format';
import { Fit, PartyLink, ReasonList, TypeBadge } from '../components/match-list';
import { SearchBox } from '../components/search-box';
import { SolutionCard } from '../components/solution-card';
import { PREVIEW_DEFAULTS, previewAction } from '../matches.server';
import type { Route } from './+types/home';

export async function loader({ params, context }: Route.LoaderArgs) {
  const lang = params.lang as Language;
  const { services, viewer } = context;
  const [solutions, organisations, events, reference, latest, themes, countries] = await Promise.all([
    services.solutions.count(viewer),
    services.organisations.count(viewer),
    services.events.count(viewer),
    services.reference.counts(),
    services.solutions.list(viewer, { lang, limit: 6 }),
    services.reference.listTerms('theme', lang, { kind: ['theme'] }),
    services.reference.listCountries({ lang, limit: 300 }),
  ]);
  return {
    counts: { solutions, organisations, events, countries: reference.countries },
    latest: latest.items,
    themes: themes.filter((theme) => !theme.parent),
    countries: countries.items
      .map((c) => ({ value: c.iso3, label: c.name }))
      .sort((a, b) => a.label.localeCompare(b.label, lang)),
    challenge: PREVIEW_DEFAULTS,
  };
}

/** "Describe your challenge": ranks solutions and offers for the text; visitors may use it. */
export const action = (args: Route.ActionArgs) => previewAction(args);

export default function Home({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { counts, latest, themes } = loaderData;
  return (
    <>
      <title>{`${t('site.name')} · ${t('site.tagline')}`}</title>
      <section className="hero">
        <h1 id="page-heading">{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
        <SearchBox language={params.lang} labelledBy="page-heading" />
      </section>
      <ChallengeForm countries={loaderData.countries} defaults={loaderData.challenge} sent={actionData} />
      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading" className="visually-hidden">
          {t('home.countsLabel')}
        </h2>
        <ul className="counts">
          <li>
            <a href={`/${params.lang}/solutions`}>
              {t('home.counts.solutions', { count: counts.solutions })}
            </a>
          </li>
          <li>
            <a href={`/${params.lang}/organisations`}>
              {t('home.counts.organisations', { count: counts.organisations })}
            </a>
          </li>
          <li>
            <a href={`/${params.lang}/events`}>{t('home.counts.events', { count: counts.events })}</a>
          </li>
          <li>{t('home.counts.countries', { count: counts.countries })}</li>
        </ul>
      </section>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">{t('home.latest')}</h2>
        <div className="cards">
          {latest.map((solution) => (
            <SolutionCard key={solution.id} solution={solution} />
          ))}
        </div>
        <p>
          <a href={`/${params.lang}/solutions`}>{t('home.allSolutions')}</a>
        </p>
      </section>
      <section aria-labelledby="themes-heading">
        <h2 id="themes-heading">{t('home.themes')}</h2>
        <ul className="tags large">
          {themes.map((theme) => (
            <li key={theme.id}>
              <a href={`/${params.lang}/solutions?theme=${theme.id}`}>{theme.label}</a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

type Sent = Route.ComponentProps['actionData'];

/**
 * The challenge form and its results. A plain form posting to this page, so it works without
 * JavaScript; errors appear beside their fields, results below the form.
 */
function ChallengeForm({
  countries,
  defaults,
  sent,
}: {
  countries: Array<{ value: string; label: string }>;
  defaults: Route.ComponentProps['loaderData']['challenge'];
  sent: Sent;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const typesId = useId();
  const values = sent?.values ?? defaults;
  const errors: Record<string, string> = sent?.errors ?? {};
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  const preview = sent?.preview;
  return (
    <section aria-labelledby="challenge-heading" id="challenge">
      <h2 id="challenge-heading">{t('home.match.heading')}</h2>
      <p>{t('home.match.intro')}</p>
      {/* A full page post even with JavaScript: the same page comes back with the results. */}
      <Form method="post" className="editor" noValidate reloadDocument>
        {Object.keys(errors).length > 0 && (
          <div role="alert" className="alert">
            <p>{t('home.match.errorSummary')}</p>
            {errors.form && <p>{t(errors.form)}</p>}
          </div>
        )}
        <TextArea
          name="text"
          label={t('home.match.text')}
          hint={t('home.match.textHint')}
          value={values.text}
          error={error('text')}
          rows={5}
          required
        />
        <Select
          name="language"
          label={t('home.match.language')}
          hint={t('home.match.languageHint')}
          empty={t('home.match.detect')}
          options={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
          value={values.language}
          error={error('language')}
        />
        <Select
          name="country"
          label={t('home.match.country')}
          empty={t('home.match.anyCountry')}
          options={countries}
          value={values.country}
          error={error('country')}
        />
        <fieldset
          className={errors.types ? 'checkboxes has-error' : 'checkboxes'}
          aria-describedby={errors.types ? `${typesId}-error` : undefined}
        >
          <legend>{t('home.match.types')}</legend>
          {(['solution', 'offer'] as const).map((type) => (
            <div className="checkbox" key={type}>
              <input
                type="checkbox"
                id={`${typesId}-${type}`}
                name="types"
                value={type}
                defaultChecked={values.types.includes(type)}
              />
              <label htmlFor={`${typesId}-${type}`}>{t(`home.match.type.${type}`)}</label>
            </div>
          ))}
          {errors.types && (
            <p id={`${typesId}-error`} className="field-error">
              {t(errors.types)}
            </p>
          )}
        </fieldset>
        <div className="form-actions">
          <button type="submit">{t('home.match.submit')}</button>
        </div>
      </Form>
      {preview && (
        <section aria-labelledby="challenge-results" className="challenge-results">
          <h3 id="challenge-results">{t('home.match.results', { count: preview.items.length })}</h3>
          <p className="meta">
            {t(preview.detected ? 'home.match.detected' : 'home.match.readIn', {
              language: languageName(lang, preview.language),
            })}
          </p>
          {preview.items.length === 0 ? (
            <p>{t('home.match.noResults')}</p>
          ) : (
            <ol className="matches">
              {preview.items.map((item) => (
                <li key={`${item.type}-${item.id}`} className="match">
                  <h4>
                    <TypeBadge type={item.type} /> <PartyLink party={item} />
                  </h4>
                  <div className="match-meta">
                    <Fit score={item.score} fit={item.fit} />
                  </div>
                  <ReasonList reasons={item.reasons} />
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </section>
  );
}
