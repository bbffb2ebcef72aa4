import { useTranslation } from 'react-i18next';
import { data, Form, redirect } from 'react-router';
import { AppError } from '../../server/errors';
import { TranslationInput } from '../../server/modules/solutions/schema';
import { LANGUAGE_NAMES, LANGUAGES } from '../../shared/languages';
import { Select, TextArea, TextInput } from '../components/form-fields';
import { PageTitle } from '../components/page-title';
import { requireMemberPage, runForm } from '../forms.server';
import { parseInput } from '../solution-input.server';
import type { Route } from './+types/solution-translate';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  try {
    const solution = await context.services.solutions.get(context.viewer, params.slug, params.lang);
    return {
      slug: solution.slug,
      title: solution.original.title,
      originalLanguage: solution.originalLanguage,
    };
  } catch (error) {
    if (AppError.is(error) && error.code === 'not_found') throw data(null, { status: 404 });
    throw error;
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const form = await request.formData();
  const language = String(form.get('language') ?? '');
  if (!/^[a-z]{2,3}$/.test(language)) {
    return data(
      {
        errors: { language: 'choose a language' },
        values: { language, title: '', summary: '', description: undefined, source: '' },
      },
      { status: 422 },
    );
  }
  const values = {
    title: String(form.get('title') ?? '').trim(),
    summary: String(form.get('summary') ?? '').trim(),
    description: String(form.get('description') ?? '').trim() || undefined,
    source: String(form.get('source') ?? ''),
  };
  const result = await runForm(() =>
    context.services.lifecycle.translate(
      { viewer: context.viewer },
      params.slug,
      language,
      parseInput(TranslationInput, values),
    ),
  );
  if (result.ok) throw redirect(`/${language}/solutions/${result.value.slug}`);
  return data({ errors: result.errors, values: { ...values, language } }, { status: 422 });
}

export default function TranslateSolution({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.values;
  return (
    <article className="narrow">
      <PageTitle title={t('editor.translate')} />
      <h1>{t('editor.translate')}</h1>
      <p className="lead" lang={loaderData.originalLanguage}>
        {loaderData.title}
      </p>
      <Form method="post" className="editor" noValidate>
        {Object.keys(errors).length > 0 && (
          <div role="alert" className="alert">
            <p>{t('editor.errorSummary')}</p>
          </div>
        )}
        <Select
          name="language"
          label={t('editor.translationLanguage')}
          value={values?.language ?? ''}
          error={errors.language}
          empty="—"
          options={LANGUAGES.filter((code) => code !== loaderData.originalLanguage).map((code) => ({
            value: code,
            label: LANGUAGE_NAMES[code],
          }))}
        />
        <TextInput name="title" label={t('editor.title')} value={values?.title} error={errors.title} />
        <TextArea
          name="summary"
          label={t('editor.summary')}
          value={values?.summary}
          error={errors.summary}
          rows={3}
        />
        <TextArea
          name="description"
          label={t('editor.description')}
          value={values?.description}
          error={errors.description}
          rows={8}
        />
        <Select
          name="source"
          label={t('editor.translationSource')}
          value={values?.source ?? 'community'}
          error={errors.source}
          options={(['author', 'editorial', 'community'] as const).map((source) => ({
            value: source,
            label: t(`solutions.translationKind.${source}`),
          }))}
        />
        <div className="form-actions">
          <button type="submit">{t('editor.save')}</button>
          <a href={`/${params.lang}/solutions/${loaderData.slug}`}>{t('editor.cancel')}</a>
        </div>
      </Form>
    </article>
  );
}
