import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { LANGUAGE_NAMES, LANGUAGES } from '../../shared/languages';
import type { PostingFormOptions, PostingFormValues, PostingKind } from '../posting-form.server';
import { Select, TextArea, TextInput } from './form-fields';

const VISIBILITIES = ['members', 'organization', 'working_group', 'private', 'public'] as const;

/**
 * The need and offer editor, shared by "new" and "edit". It works without JavaScript; errors,
 * nested ones included (`timeframe.endsOn`, `capacity.currency`), appear beside their inputs.
 */
export function PostingForm(props: {
  kind: PostingKind;
  options: PostingFormOptions;
  values: PostingFormValues;
  errors: Record<string, string>;
  isNew: boolean;
  cancelHref: string;
}) {
  const { t } = useTranslation();
  const { kind, options, values, errors } = props;
  const path = kind === 'need' ? 'needs' : 'offers';
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
          label={t('postings.form.language')}
          hint={t('postings.form.languageHint')}
          value={values.language ?? ''}
          error={errors.language}
          options={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
        />
      )}
      <TextInput
        name="title"
        label={t('postings.form.title')}
        value={values.title}
        error={errors.title}
        required
      />
      <TextArea
        name="description"
        label={t('postings.form.description')}
        hint={t(`${path}.form.descriptionHint`)}
        value={values.description}
        error={errors.description}
        rows={8}
        required
      />
      {options.organisations ? (
        <Select
          name="organisation"
          label={t(`${path}.organisation`)}
          empty={t('postings.form.ownOrganisation')}
          options={options.organisations}
          value={values.organisation ?? ''}
          error={errors.organisation}
        />
      ) : (
        <p>
          <strong>{t(`${path}.organisation`)}:</strong>{' '}
          {options.postingFor?.name ?? t('postings.form.noOrganisation')}
          {errors.organisation && <span className="field-error"> {errors.organisation}</span>}
        </p>
      )}
      <Select
        name="country"
        label={t(`${path}.country`)}
        empty="—"
        options={options.countries}
        value={values.country ?? ''}
        error={errors.country}
      />
      {kind === 'need' ? (
        <>
          <fieldset className="checkboxes">
            <legend>{t('needs.window')}</legend>
            <TextInput
              name="timeframe.startsOn"
              type="date"
              label={t('needs.form.startsOn')}
              value={values['timeframe.startsOn']}
              error={errors['timeframe.startsOn']}
            />
            <TextInput
              name="timeframe.endsOn"
              type="date"
              label={t('needs.form.endsOn')}
              value={values['timeframe.endsOn']}
              error={errors['timeframe.endsOn'] ?? errors.timeframe}
            />
          </fieldset>
          <fieldset className="checkboxes">
            <legend>{t('needs.budget')}</legend>
            <TextInput
              name="budget.amount"
              label={t('postings.form.amount')}
              hint={t('postings.form.amountHint')}
              value={values['budget.amount']}
              error={errors['budget.amount'] ?? errors.budget}
            />
            <Select
              name="budget.currency"
              label={t('postings.form.currency')}
              empty="—"
              options={options.currencies}
              value={values['budget.currency'] ?? ''}
              error={errors['budget.currency']}
            />
          </fieldset>
          <TextArea
            name="coFinancing"
            label={t('needs.coFinancing')}
            hint={t('needs.form.coFinancingHint')}
            value={values.coFinancing}
            error={errors.coFinancing}
            rows={3}
          />
        </>
      ) : (
        <>
          <fieldset className="checkboxes">
            <legend>{t('offers.capacity')}</legend>
            <TextInput
              name="capacity.places"
              type="number"
              label={t('offers.form.places')}
              value={values['capacity.places']}
              error={errors['capacity.places']}
            />
            <TextInput
              name="capacity.experts"
              type="number"
              label={t('offers.form.experts')}
              value={values['capacity.experts']}
              error={errors['capacity.experts']}
            />
            <TextInput
              name="capacity.amount"
              label={t('postings.form.amount')}
              hint={t('postings.form.amountHint')}
              value={values['capacity.amount']}
              error={errors['capacity.amount']}
            />
            <Select
              name="capacity.currency"
              label={t('postings.form.currency')}
              empty="—"
              options={options.currencies}
              value={values['capacity.currency'] ?? ''}
              error={errors['capacity.currency'] ?? errors.capacity}
            />
          </fieldset>
          <TextArea
            name="costSharing"
            label={t('offers.costSharing')}
            hint={t('offers.form.costSharingHint')}
            value={values.costSharing}
            error={errors.costSharing}
            rows={3}
          />
          <fieldset className="checkboxes">
            <legend>{t('offers.window')}</legend>
            <TextInput
              name="availability.from"
              type="date"
              label={t('offers.form.from')}
              value={values['availability.from']}
              error={errors['availability.from']}
            />
            <TextInput
              name="availability.until"
              type="date"
              label={t('offers.form.until')}
              value={values['availability.until']}
              error={errors['availability.until'] ?? errors.availability}
            />
          </fieldset>
        </>
      )}
      <Select
        name="themes"
        label={t('postings.themes')}
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
      <Select
        name="modalities"
        label={t('postings.modalities')}
        hint={t('postings.form.multiHint')}
        multiple
        options={options.modalities}
        value={values.modalities}
        error={errors.modalities}
      />
      <Select
        name="workingLanguages"
        label={t('postings.workingLanguages')}
        hint={`${t('postings.form.workingLanguagesHint')} ${t('postings.form.multiHint')}`}
        multiple
        options={options.languages}
        value={values.workingLanguages}
        error={errors.workingLanguages}
      />
      <Select
        name="visibility"
        label={t('postings.visibility')}
        options={VISIBILITIES.map((v) => ({ value: v, label: t(`postings.visibilityOption.${v}`) }))}
        value={values.visibility ?? 'members'}
        error={errors.visibility}
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
        <button type="submit">{props.isNew ? t(`${path}.form.create`) : t('postings.form.save')}</button>
        <a href={props.cancelHref}>{t('postings.form.cancel')}</a>
      </div>
    </Form>
  );
}
