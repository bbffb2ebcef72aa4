import { useTranslation } from 'react-i18next';
import { data, Form, redirect } from 'react-router';
import { AppError, fieldErrorsFromZod } from '../../server/errors';
import { MAX_UPLOAD_BYTES } from '../../server/files/limits';
import { isStaff } from '../../server/modules/access/policy';
import { ResourceFormInput } from '../../server/modules/library/schema';
import { formFields, readLimitedFormData, uploadedFile } from '../../server/modules/library/upload';
import { LANGUAGES, type Language } from '../../shared/languages';
import { Field, Select, TextArea, TextInput } from '../components/form-fields';
import { languageName } from '../components/format';
import { VISIBILITY_CHOICES } from '../components/library';
import { PageTitle } from '../components/page-title';
import { requireMemberPage, runForm } from '../forms.server';
import type { Route } from './+types/library-new';

type Values = Record<string, string | string[]>;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  const lang = params.lang as Language;
  const { services, viewer } = context;
  const [themes, groups] = await Promise.all([
    services.reference.listTerms('theme', lang),
    services.library.groupChoices(viewer, lang),
  ]);
  const wanted = new URL(request.url).searchParams.get('group');
  const group = groups.find((g) => g.id === wanted)?.id;
  return {
    themes: themes.map((theme) => ({
      value: theme.id,
      label: theme.parent ? `— ${theme.label}` : theme.label,
    })),
    groups: groups.map((g) => ({ value: g.id, label: g.name })),
    visibilities: VISIBILITY_CHOICES.filter(
      (v) =>
        (v !== 'public' || isStaff(viewer)) &&
        (v !== 'organization' || !!viewer.organisationId) &&
        (v !== 'working_group' || groups.length > 0),
    ),
    defaults: {
      language: lang,
      visibility: group ? 'working_group' : 'members',
      workingGroupId: group ?? '',
    } as Values,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requireMemberPage(context.viewer, params.lang, request);
  let values: Values = {};
  const result = await runForm(async () => {
    const fields = formFields(await readLimitedFormData(request));
    values = Object.fromEntries(
      Object.entries(fields).flatMap(([key, value]) => {
        const strings = (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string');
        if (strings.length === 0) return [];
        return [[key, key === 'themes' ? strings : strings[0]!]];
      }),
    );
    const parsed = ResourceFormInput.safeParse(fields);
    if (!parsed.success) {
      // Report a missing file or link together with the other fields, not on the next try.
      const chosen = fields.file instanceof Blob && fields.file.size > 0;
      const errors = fieldErrorsFromZod(parsed.error.issues, 'body');
      if (!chosen && !(typeof fields.url === 'string' && fields.url.trim()))
        errors.push({ field: 'body.file', message: 'attach a file or give a link' });
      throw new AppError('validation_failed', 'Some fields are not valid', errors);
    }
    const input = parsed.data;
    const file = await uploadedFile(input.file);
    return context.services.library.create({ viewer: context.viewer, ip: context.clientIp }, input, file);
  });
  if (result.ok) throw redirect(`/${params.lang}/library/${result.value.slug}`);
  return data({ errors: result.errors, values }, { status: 422 });
}

export default function NewResource({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = params.lang as Language;
  const errors: Record<string, string> = actionData?.errors ?? {};
  // After a refused upload the form shows what was sent; a body too large to read keeps the defaults.
  const values: Values = { ...loaderData.defaults, ...actionData?.values };
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const themes = values.themes === undefined ? [] : ([] as string[]).concat(values.themes);
  return (
    <article className="narrow">
      <PageTitle title={t('library.new.title')} />
      <h1>{t('library.new.title')}</h1>
      <Form method="post" encType="multipart/form-data" className="editor" noValidate>
        {Object.keys(errors).length > 0 && (
          <div role="alert" className="alert">
            <p>{t('library.new.errorSummary')}</p>
            {errors.form && <p>{errors.form}</p>}
            {errors.body && <p>{errors.body}</p>}
          </div>
        )}
        <TextInput
          name="title"
          label={t('library.new.titleField')}
          value={text('title')}
          error={errors.title}
          required
        />
        <TextArea
          name="description"
          label={t('library.new.description')}
          value={text('description')}
          error={errors.description}
          rows={4}
        />
        <fieldset>
          <legend>{t('library.new.fileOrLink')}</legend>
          <Field
            label={t('library.new.file')}
            hint={t('library.new.fileHint', { size: Math.round(MAX_UPLOAD_BYTES / (1024 * 1024)) })}
            error={errors.file}
          >
            {({ id, describedBy }) => (
              <input
                id={id}
                name="file"
                type="file"
                accept=".pdf,.docx,.xlsx,.csv,.txt,.png,.jpg,.jpeg"
                aria-invalid={errors.file ? true : undefined}
                aria-describedby={describedBy}
              />
            )}
          </Field>
          <TextInput
            name="url"
            type="url"
            label={t('library.new.url')}
            hint={t('library.new.urlHint')}
            value={text('url')}
            error={errors.url}
          />
        </fieldset>
        <Select
          name="language"
          label={t('library.language')}
          hint={t('library.new.languageHint')}
          value={text('language') ?? lang}
          error={errors.language}
          options={LANGUAGES.map((code) => ({ value: code, label: languageName(lang, code) }))}
        />
        <Select
          name="themes"
          label={t('library.themes')}
          hint={t('library.new.themesHint')}
          multiple
          options={loaderData.themes}
          value={themes}
          error={errors.themes}
        />
        <Select
          name="visibility"
          label={t('library.visibilityLabel')}
          value={text('visibility') ?? 'members'}
          error={errors.visibility}
          options={loaderData.visibilities.map((v) => ({ value: v, label: t(`library.visibility.${v}`) }))}
        />
        {loaderData.groups.length > 0 && (
          <Select
            name="workingGroupId"
            label={t('library.group')}
            hint={t('library.new.groupHint')}
            empty={t('library.new.noGroup')}
            value={text('workingGroupId') ?? ''}
            error={errors.workingGroupId}
            options={loaderData.groups}
          />
        )}
        <div className="form-actions">
          <button type="submit">{t('library.new.submit')}</button>
          <a href={`/${lang}/library`}>{t('library.new.cancel')}</a>
        </div>
      </Form>
    </article>
  );
}
