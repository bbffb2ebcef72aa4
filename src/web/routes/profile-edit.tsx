import { useTranslation } from 'react-i18next';
import { data, Form, redirect } from 'react-router';
import { CONTACT_FIELDS } from '../../server/modules/directory/schema';
import type { Language } from '../../shared/languages';
import { requirePageRole } from '../auth.server';
import { Select, TextArea, TextInput } from '../components/form-fields';
import { languageName } from '../components/format';
import { PageTitle } from '../components/page-title';
import { runForm } from '../forms.server';
import type { Route } from './+types/profile-edit';

/** Languages offered in the list; any other BCP 47 code goes in the "other languages" field. */
const COMMON_LANGUAGES = [
  'af',
  'am',
  'ar',
  'az',
  'bn',
  'de',
  'en',
  'es',
  'fa',
  'ff',
  'fr',
  'ha',
  'he',
  'hi',
  'hy',
  'id',
  'ig',
  'it',
  'ja',
  'ka',
  'kk',
  'km',
  'ko',
  'ky',
  'lo',
  'mg',
  'mn',
  'ms',
  'my',
  'ne',
  'nl',
  'ps',
  'pt',
  'qu',
  'ru',
  'rw',
  'si',
  'so',
  'sw',
  'ta',
  'tg',
  'th',
  'tk',
  'tl',
  'tr',
  'uk',
  'ur',
  'uz',
  'vi',
  'wo',
  'yo',
  'zh',
  'zu',
];

type Values = {
  jobTitle: string;
  country: string;
  languages: string[];
  otherLanguages: string;
  themes: string[];
  expertise: string;
  bio: string;
  phone: string;
  website: string;
  timeZone: string;
  sharedFields: string[];
  listed: boolean;
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const lang = params.lang as Language;
  const { services } = context;
  const [profile, countries, themes] = await Promise.all([
    services.directory.ownProfile(context.viewer),
    services.reference.listCountries({ lang, limit: 300 }),
    services.reference.listTerms('theme', lang),
  ]);
  const organisation = profile.organisationId
    ? (await services.organisations.summaries(context.viewer, [profile.organisationId], lang))[0]
    : undefined;
  const common = new Set(COMMON_LANGUAGES);
  const values: Values = {
    jobTitle: profile.jobTitle ?? '',
    country: profile.country ?? '',
    languages: profile.languages.filter((code) => common.has(code)),
    otherLanguages: profile.languages.filter((code) => !common.has(code)).join(', '),
    themes: profile.themes,
    expertise: profile.expertise ?? '',
    bio: profile.bio ?? '',
    phone: profile.phone ?? '',
    website: profile.website ?? '',
    timeZone: profile.timeZone ?? '',
    sharedFields: profile.sharedFields,
    listed: profile.listed,
  };
  const zones = [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  if (values.timeZone && !zones.includes(values.timeZone)) zones.push(values.timeZone);
  return {
    account: {
      id: profile.id,
      name: profile.name,
      email: profile.email,
      organisation: organisation?.name ?? null,
    },
    values,
    saved: new URL(request.url).searchParams.has('saved'),
    options: {
      countries: countries.items
        .map((c) => ({ value: c.iso3, label: c.name }))
        .sort((a, b) => a.label.localeCompare(b.label, lang)),
      themes: themes.map((theme) => ({
        value: theme.id,
        label: theme.parent ? `— ${theme.label}` : theme.label,
      })),
      zones: zones.sort(),
    },
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requirePageRole(context.viewer, 'member', params.lang, request);
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '');
  const list = (name: string) => form.getAll(name).map(String).filter(Boolean);
  const values: Values = {
    jobTitle: text('jobTitle'),
    country: text('country'),
    languages: list('languages'),
    otherLanguages: text('otherLanguages'),
    themes: list('themes'),
    expertise: text('expertise'),
    bio: text('bio'),
    phone: text('phone'),
    website: text('website'),
    timeZone: text('timeZone'),
    sharedFields: list('sharedFields'),
    listed: form.get('listed') === 'on',
  };
  const { otherLanguages, ...input } = values;
  const result = await runForm(() =>
    context.services.directory.updateOwnProfile(
      { viewer: context.viewer, ip: context.clientIp },
      {
        ...input,
        languages: [
          ...values.languages,
          ...otherLanguages
            .normalize('NFKC')
            .split(/[\s,;、،؛]+/)
            .filter(Boolean),
        ],
      },
    ),
  );
  if (result.ok) throw redirect(`/${params.lang}/account/profile?saved=1`);
  return data({ errors: result.errors, values }, { status: 422 });
}

export default function ProfileEdit({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = params.lang as Language;
  const { account, options } = loaderData;
  const values = actionData?.values ?? loaderData.values;
  const errors = actionData?.errors ?? {};
  const languageOptions = COMMON_LANGUAGES.map((code) => ({
    value: code,
    label: languageName(lang, code),
  })).sort((a, b) => a.label.localeCompare(b.label, lang));
  return (
    <article className="narrow">
      <PageTitle title={t('directory.editor.title')} />
      <h1>{t('directory.editor.title')}</h1>
      {loaderData.saved && !actionData && (
        <p role="status" className="notice">
          {t('directory.editor.saved')}{' '}
          <a href={`/${lang}/directory/${encodeURIComponent(account.id)}`}>{t('directory.editor.view')}</a>
        </p>
      )}
      <p>{t('directory.editor.fromAccount')}</p>
      <dl className="facts inline">
        <dt>{t('directory.column.name')}</dt>
        <dd>{account.name}</dd>
        <dt>{t('directory.profile.email')}</dt>
        <dd dir="ltr">{account.email}</dd>
        {account.organisation && (
          <>
            <dt>{t('directory.profile.organisation')}</dt>
            <dd>{account.organisation}</dd>
          </>
        )}
      </dl>
      <Form method="post" className="editor" noValidate>
        {Object.keys(errors).length > 0 && (
          <div role="alert" className="alert">
            <p>{t('directory.editor.errorSummary')}</p>
            {errors.form && <p>{errors.form}</p>}
          </div>
        )}
        <TextInput
          name="jobTitle"
          label={t('directory.editor.jobTitle')}
          value={values.jobTitle}
          error={errors.jobTitle}
        />
        <Select
          name="country"
          label={t('directory.profile.country')}
          options={options.countries}
          value={values.country}
          error={errors.country}
          empty={t('directory.editor.notGiven')}
        />
        <Select
          name="languages"
          label={t('directory.profile.languages')}
          hint={t('directory.editor.languagesHint')}
          options={languageOptions}
          value={values.languages}
          multiple
        />
        <TextInput
          name="otherLanguages"
          label={t('directory.editor.otherLanguages')}
          hint={t('directory.editor.otherLanguagesHint')}
          value={values.otherLanguages}
          error={errors.languages}
        />
        <Select
          name="themes"
          label={t('directory.profile.themes')}
          hint={t('directory.editor.themesHint')}
          options={options.themes}
          value={values.themes}
          error={errors.themes}
          multiple
        />
        <TextArea
          name="expertise"
          label={t('directory.profile.expertise')}
          hint={t('directory.editor.expertiseHint')}
          value={values.expertise}
          error={errors.expertise}
          rows={5}
        />
        <TextArea
          name="bio"
          label={t('directory.profile.bio')}
          value={values.bio}
          error={errors.bio}
          rows={5}
        />
        <TextInput
          name="phone"
          type="tel"
          label={t('directory.profile.phone')}
          hint={t('directory.editor.phoneHint')}
          value={values.phone}
          error={errors.phone}
        />
        <TextInput
          name="website"
          type="url"
          label={t('directory.profile.website')}
          value={values.website}
          error={errors.website}
        />
        <Select
          name="timeZone"
          label={t('directory.profile.timeZone')}
          options={options.zones.map((zone) => ({ value: zone, label: zone }))}
          value={values.timeZone}
          error={errors.timeZone}
          empty={t('directory.editor.notGiven')}
        />
        <fieldset className={errors.sharedFields ? 'checkboxes has-error' : 'checkboxes'}>
          <legend>{t('directory.editor.sharing')}</legend>
          <p className="hint">{t('directory.editor.sharingHint')}</p>
          {CONTACT_FIELDS.map((field) => (
            <div className="checkbox" key={field}>
              <input
                type="checkbox"
                id={`share-${field}`}
                name="sharedFields"
                value={field}
                defaultChecked={values.sharedFields.includes(field)}
              />
              <label htmlFor={`share-${field}`}>{t(`directory.field.${field}`)}</label>
            </div>
          ))}
          {errors.sharedFields && <p className="field-error">{errors.sharedFields}</p>}
        </fieldset>
        <div className="checkbox">
          <input type="checkbox" id="listed" name="listed" defaultChecked={values.listed} />
          <label htmlFor="listed">{t('directory.editor.listed')}</label>
        </div>
        <div className="form-actions">
          <button type="submit">{t('directory.editor.save')}</button>
          <a href={`/${lang}/directory/${encodeURIComponent(account.id)}`}>{t('directory.editor.view')}</a>
        </div>
      </Form>
    </article>
  );
}
