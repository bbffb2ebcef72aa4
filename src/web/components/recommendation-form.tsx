import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { LANGUAGE_NAMES, LANGUAGES } from '../../shared/languages';
import type { RecommendationFormValues } from '../recommendations.server';
import { Select, TextArea, TextInput } from './form-fields';

type Option = { value: string; label: string };

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export const STATUSES = ['open', 'in-progress', 'addressed', 'closed'] as const;
const VISIBILITIES = ['members', 'organization', 'working_group', 'private', 'public'] as const;

/**
 * The recommendation editor for the secretariat, shared by "new" and "edit". It works without
 * JavaScript; each error appears beside its input.
 */
export function RecommendationForm(props: {
  options: { countries: Option[]; themes: Option[]; organisations: Option[]; groups: Option[] };
  values: RecommendationFormValues;
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
          <p>{t('postings.form.errorSummary')}</p>
          {errors.form && <p>{errors.form}</p>}
        </div>
      )}
      {props.isNew && (
        <Select
          name="language"
          label={t('recommendations.form.language')}
          value={values.language ?? ''}
          error={errors.language}
          options={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
        />
      )}
      <TextInput
        name="title"
        label={t('recommendations.form.title')}
        value={values.title}
        error={errors.title}
        required
      />
      <TextArea
        name="text"
        label={t('recommendations.form.text')}
        hint={t('recommendations.form.textHint')}
        value={values.text}
        error={errors.text}
        rows={6}
        required
      />
      <Select
        name="country"
        label={t('recommendations.country')}
        empty="—"
        options={options.countries}
        value={values.country ?? ''}
        error={errors.country}
      />
      <Select
        name="mainTheme"
        label={t('recommendations.form.mainTheme')}
        hint={t('recommendations.form.mainThemeHint')}
        empty="—"
        options={options.themes}
        value={values.mainTheme ?? ''}
        error={errors.mainTheme}
      />
      <Select
        name="themes"
        label={t('recommendations.form.otherThemes')}
        hint={t('postings.form.multiHint')}
        multiple
        options={options.themes}
        value={values.themes}
        error={errors.themes}
      />
      <TextInput
        name="sdgTargets"
        label={t('postings.sdgTargets')}
        hint={t('postings.form.sdgTargetsHint')}
        value={values.sdgTargets}
        error={errors.sdgTargets}
      />
      <TextInput
        name="sourceAssessment"
        label={t('recommendations.sourceAssessment')}
        hint={t('recommendations.form.sourceAssessmentHint')}
        value={values.sourceAssessment}
        error={errors.sourceAssessment}
        required
      />
      <TextInput
        name="issuedOn"
        type="date"
        label={t('recommendations.issuedOn')}
        value={values.issuedOn}
        error={errors.issuedOn}
        required
      />
      <Select
        name="priority"
        label={t('recommendations.priority')}
        options={PRIORITIES.map((p) => ({ value: p, label: t(`recommendations.priorityOption.${p}`) }))}
        value={values.priority ?? 'medium'}
        error={errors.priority}
      />
      {props.isNew && (
        <Select
          name="status"
          label={t('recommendations.status')}
          options={STATUSES.map((s) => ({ value: s, label: t(`recommendations.statusOption.${s}`) }))}
          value={values.status ?? 'open'}
          error={errors.status}
        />
      )}
      <Select
        name="visibility"
        label={t('postings.visibility')}
        options={VISIBILITIES.map((v) => ({ value: v, label: t(`postings.visibilityOption.${v}`) }))}
        value={values.visibility ?? 'members'}
        error={errors.visibility}
      />
      <Select
        name="organisation"
        label={t('recommendations.form.organisation')}
        hint={t('recommendations.form.organisationHint')}
        empty="—"
        options={options.organisations}
        value={values.organisation ?? ''}
        error={errors.organisation}
      />
      <Select
        name="workingGroupId"
        label={t('postings.group')}
        hint={t('postings.form.groupHint')}
        empty={t('postings.form.noGroup')}
        options={options.groups}
        value={values.workingGroupId ?? ''}
        error={errors.workingGroupId}
      />
      <div className="form-actions">
        <button type="submit">
          {props.isNew ? t('recommendations.form.create') : t('postings.form.save')}
        </button>
        <a href={props.cancelHref}>{t('postings.form.cancel')}</a>
      </div>
    </Form>
  );
}
