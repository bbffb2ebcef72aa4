import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { LANGUAGE_NAMES, LANGUAGES } from '../../shared/languages';
import type { EditorOptions } from '../editor-options.server';
import { Select, TextArea, TextInput } from './form-fields';

export type SolutionFormValues = {
  language?: string;
  title?: string;
  summary?: string;
  description?: string;
  countries?: string[];
  replicatedIn?: string[];
  providers?: string[];
  themes?: string[];
  sdgTargets?: string[];
  modalities?: string[];
  cooperationType?: string;
  visibility?: string;
  contact?: { name: string; email?: string };
  evidence?: Array<{ url: string }>;
};

const VISIBILITIES = ['public', 'members', 'organization', 'working_group', 'private'] as const;

/** The solution editor, shared by "new" and "edit"; errors appear beside their fields. */
export function SolutionForm(props: {
  options: EditorOptions;
  values: SolutionFormValues;
  errors: Record<string, string>;
  isNew: boolean;
  cancelHref: string;
}) {
  const { t } = useTranslation();
  const { options, values, errors } = props;
  return (
    <Form method="post" className="editor" noValidate>
      {Object.keys(errors).length > 0 && (
        <div role="alert" className="alert">
          <p>{t('editor.errorSummary')}</p>
          {errors.form && <p>{errors.form}</p>}
        </div>
      )}
      {props.isNew && (
        <Select
          name="language"
          label={t('editor.language')}
          value={values.language ?? ''}
          error={errors.language}
          options={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
        />
      )}
      <TextInput name="title" label={t('editor.title')} value={values.title} error={errors.title} required />
      <TextArea
        name="summary"
        label={t('editor.summary')}
        value={values.summary}
        error={errors.summary}
        rows={3}
        required
      />
      <TextArea
        name="description"
        label={t('editor.description')}
        value={values.description}
        error={errors.description}
        rows={8}
      />
      <Select
        name="countries"
        label={t('editor.countries')}
        hint={t('editor.multiHint')}
        multiple
        options={options.countries}
        value={values.countries}
        error={errors.countries}
      />
      <Select
        name="replicatedIn"
        label={t('editor.replicatedIn')}
        hint={t('editor.multiHint')}
        multiple
        options={options.countries}
        value={values.replicatedIn}
        error={errors.replicatedIn}
      />
      <Select
        name="providers"
        label={t('editor.providers')}
        hint={t('editor.multiHint')}
        multiple
        options={options.providers}
        value={values.providers}
        error={errors.providers}
      />
      <Select
        name="themes"
        label={t('editor.themes')}
        hint={`${t('editor.themesHint')} ${t('editor.multiHint')}`}
        multiple
        options={options.themes}
        value={values.themes}
        error={errors.themes}
      />
      <TextInput
        name="sdgTargets"
        label={t('editor.sdgTargets')}
        hint={t('editor.sdgTargetsHint')}
        value={values.sdgTargets?.join(', ')}
        error={errors.sdgTargets}
      />
      <Select
        name="modalities"
        label={t('editor.modalities')}
        hint={t('editor.multiHint')}
        multiple
        options={options.modalities}
        value={values.modalities}
        error={errors.modalities}
      />
      <Select
        name="cooperationType"
        label={t('editor.cooperationType')}
        empty="—"
        options={options.cooperationTypes}
        value={values.cooperationType}
        error={errors.cooperationType}
      />
      <Select
        name="visibility"
        label={t('editor.visibility')}
        options={VISIBILITIES.map((v) => ({ value: v, label: t(`editor.visibilityOption.${v}`) }))}
        value={values.visibility ?? 'public'}
        error={errors.visibility}
      />
      <TextInput
        name="contactName"
        label={t('editor.contactName')}
        value={values.contact?.name}
        error={errors.contact}
      />
      <TextInput
        name="contactEmail"
        type="email"
        label={t('editor.contactEmail')}
        value={values.contact?.email}
      />
      <TextArea
        name="evidence"
        label={t('editor.evidence')}
        hint={t('editor.evidenceHint')}
        value={values.evidence?.map((e) => e.url).join('\n')}
        error={errors.evidence}
        rows={3}
      />
      <div className="form-actions">
        <button type="submit">{props.isNew ? t('editor.create') : t('editor.save')}</button>
        <a href={props.cancelHref}>{t('editor.cancel')}</a>
      </div>
    </Form>
  );
}
