import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { LANGUAGE_NAMES, LANGUAGES } from '../../shared/languages';
import type {
  AllocationFormValues,
  ContributionEditValues,
  ContributionFormValues,
  FundFormValues,
  LineFormValues,
} from '../funding-form.server';

type Option = { value: string; label: string };
type Errors = Record<string, string>;

/** The id of the input named `name`: the error summary links to it. */
export const fieldId = (name: string) => `field-${name}`;
const errorId = (name: string) => `${fieldId(name)}-error`;
const hintId = (name: string) => `${fieldId(name)}-hint`;

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? hintId(name) : null, error ? errorId(name) : null].filter(Boolean).join(' ') || undefined;

function LabelText({ label, required }: { label: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {label}
      {required && <span className="required-mark"> {t('fundingForms.required')}</span>}
    </>
  );
}

function Hint({ name, hint }: { name: string; hint?: string }) {
  return hint ? (
    <p id={hintId(name)} className="hint">
      {hint}
    </p>
  ) : null;
}

function FieldError({ name, error }: { name: string; error?: string }) {
  return error ? (
    <p id={errorId(name)} className="field-error">
      {error}
    </p>
  ) : null;
}

type FieldProps = {
  name: string;
  label: string;
  errors: Errors;
  hint?: string;
  required?: boolean;
};

/** A labelled control, its hint, and its error right beside it. */
function Field({
  name,
  label,
  errors,
  hint,
  required,
  children,
}: FieldProps & { children: (aria: Record<string, unknown>) => ReactNode }) {
  const error = errors[name];
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={fieldId(name)}>
        <LabelText label={label} required={required} />
      </label>
      <Hint name={name} hint={hint} />
      {children({
        id: fieldId(name),
        name,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(name, hint, error),
        'aria-required': required ? true : undefined,
      })}
      <FieldError name={name} error={error} />
    </div>
  );
}

function TextField(
  props: FieldProps & {
    value?: string;
    type?: string;
    inputMode?: 'text' | 'decimal' | 'numeric';
    list?: string;
    maxLength?: number;
    dir?: 'ltr' | 'auto';
  },
) {
  return (
    <Field {...props}>
      {(aria) => (
        <input
          {...aria}
          type={props.type ?? 'text'}
          defaultValue={props.value ?? ''}
          inputMode={props.inputMode}
          list={props.list}
          maxLength={props.maxLength}
          dir={props.dir}
          autoComplete="off"
        />
      )}
    </Field>
  );
}

function TextAreaField(props: FieldProps & { value?: string; rows?: number }) {
  return (
    <Field {...props}>
      {(aria) => <textarea {...aria} rows={props.rows ?? 4} defaultValue={props.value ?? ''} />}
    </Field>
  );
}

function SelectField(
  props: FieldProps & { options: Option[]; value?: string | string[]; empty?: string; multiple?: boolean },
) {
  return (
    <Field {...props}>
      {(aria) => (
        <select
          {...aria}
          multiple={props.multiple}
          size={props.multiple ? 8 : undefined}
          defaultValue={props.value ?? (props.multiple ? [] : '')}
        >
          {props.empty !== undefined && <option value="">{props.empty}</option>}
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Suggestions for a text field that takes a project's id, slug or IATI identifier. */
function ProjectList({ id, projects }: { id: string; projects: Option[] }) {
  return (
    <datalist id={id}>
      {projects.map((project) => (
        <option key={project.value} value={project.value}>
          {project.label}
        </option>
      ))}
    </datalist>
  );
}

/** A choice among a few values, as radio buttons in a fieldset; the first has the field's id. */
function RadioField(props: FieldProps & { options: Option[]; value?: string }) {
  const { name, errors, hint } = props;
  const error = errors[name];
  return (
    <fieldset
      className={error ? 'checkboxes radios has-error' : 'checkboxes radios'}
      aria-describedby={describedBy(name, hint, error)}
    >
      <legend>
        <LabelText label={props.label} required={props.required} />
      </legend>
      <Hint name={name} hint={hint} />
      {props.options.map((option, index) => {
        const id = index === 0 ? fieldId(name) : `${fieldId(name)}-${option.value}`;
        return (
          <div className="checkbox" key={option.value}>
            <input
              type="radio"
              id={id}
              name={name}
              value={option.value}
              defaultChecked={props.value === option.value}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={id}>{option.label}</label>
          </div>
        );
      })}
      <FieldError name={name} error={error} />
    </fieldset>
  );
}

/** The currency: one of the common ones, or any other ISO 4217 code typed beside it. */
function CurrencyFields(props: {
  label?: string;
  hint?: string;
  currencies: Option[];
  values: { currency?: string; otherCurrency?: string };
  errors: Errors;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="checkboxes">
      <legend>
        <LabelText label={props.label ?? t('fundingForms.currency')} required />
      </legend>
      {props.hint && <p className="hint">{props.hint}</p>}
      <SelectField
        name="currency"
        label={t('fundingForms.commonCurrency')}
        empty={t('fundingForms.otherBelow')}
        options={props.currencies}
        value={props.values.currency ?? ''}
        errors={props.errors}
      />
      <TextField
        name="otherCurrency"
        label={t('fundingForms.otherCurrency')}
        hint={t('fundingForms.otherCurrencyHint')}
        value={props.values.otherCurrency}
        errors={props.errors}
        maxLength={3}
        dir="ltr"
      />
    </fieldset>
  );
}

/**
 * The errors at the top of a form: how many, and each as a link to its input, labelled as the
 * input is. An error about the whole record is shown as plain text.
 */
export function ErrorSummary({ errors, labels }: { errors: Errors; labels: Record<string, string> }) {
  const { t } = useTranslation();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div role="alert" className="alert error-summary">
      <p>{t('fundingForms.errorSummary', { count: entries.length })}</p>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            {name === 'form' || !labels[name] ? (
              message
            ) : (
              <a href={`#${fieldId(name)}`}>
                {labels[name]}: {message}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Actions({ submit, cancelHref }: { submit: string; cancelHref: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" name="intent" value="save">
        {submit}
      </button>
      {cancelHref && <a href={cancelHref}>{t('postings.form.cancel')}</a>}
    </div>
  );
}

/** The labels the error summary uses for the amount and currency fields every form shares. */
function moneyLabels(t: (key: string) => string, amount = t('fundingForms.amount')) {
  return {
    amount,
    currency: t('fundingForms.commonCurrency'),
    otherCurrency: t('fundingForms.otherCurrency'),
  };
}

/** A new appeal (with its period) or trust fund (period optional). */
export function FundForm(props: {
  kind: 'appeal' | 'trust-fund';
  options: { organisations: Option[]; currencies: Option[] };
  values: FundFormValues;
  errors: Errors;
  cancelHref: string;
}) {
  const { t } = useTranslation();
  const { options, values, errors, kind } = props;
  const appeal = kind === 'appeal';
  const labels = {
    name: t('fundingForms.name'),
    description: t('fundingForms.description'),
    language: t('fundingForms.language'),
    periodStart: t('fundingForms.periodStart'),
    periodEnd: t('fundingForms.periodEnd'),
    managers: t('fundingForms.managers'),
    ...moneyLabels(t),
  };
  return (
    <Form method="post" className="editor" noValidate>
      <ErrorSummary errors={errors} labels={labels} />
      <TextField name="name" label={labels.name} value={values.name} errors={errors} required />
      <TextAreaField
        name="description"
        label={labels.description}
        value={values.description}
        errors={errors}
        rows={6}
      />
      <SelectField
        name="language"
        label={labels.language}
        hint={t('fundingForms.languageHint')}
        options={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
        value={values.language ?? ''}
        errors={errors}
        required
      />
      <fieldset className="checkboxes">
        <legend>
          <LabelText label={t('fundingForms.period')} required={appeal} />
        </legend>
        <p className="hint">{appeal ? t('fundingForms.periodHint') : t('fundingForms.fundPeriodHint')}</p>
        <TextField
          name="periodStart"
          label={labels.periodStart}
          value={values.periodStart}
          errors={errors}
          inputMode="numeric"
          maxLength={4}
          required={appeal}
        />
        <TextField
          name="periodEnd"
          label={labels.periodEnd}
          value={values.periodEnd}
          errors={errors}
          inputMode="numeric"
          maxLength={4}
          required={appeal}
        />
      </fieldset>
      <CurrencyFields
        hint={t('fundingForms.reportCurrencyHint')}
        currencies={options.currencies}
        values={values}
        errors={errors}
      />
      <SelectField
        name="managers"
        label={labels.managers}
        hint={t('postings.form.multiHint')}
        options={options.organisations}
        value={values.managers ?? []}
        errors={errors}
        multiple
      />
      <Actions
        submit={appeal ? t('fundingForms.createAppeal') : t('fundingForms.createFund')}
        cancelHref={props.cancelHref}
      />
    </Form>
  );
}

/** A project listed in an appeal, with its requirement and programme. */
export function LineForm(props: {
  options: { projects: Option[]; currencies: Option[] };
  values: LineFormValues;
  errors: Errors;
  cancelHref: string;
}) {
  const { t } = useTranslation();
  const { options, values, errors } = props;
  const labels = {
    project: t('fundingForms.project'),
    programme: t('fundingForms.programme'),
    requirement: t('fundingForms.requirement'),
    ...moneyLabels(t),
  };
  return (
    <Form method="post" className="editor" noValidate>
      <ErrorSummary errors={errors} labels={labels} />
      <TextField
        name="project"
        label={labels.project}
        hint={t('fundingForms.projectHint')}
        value={values.project}
        errors={errors}
        list="funding-projects"
        dir="ltr"
        required
      />
      <ProjectList id="funding-projects" projects={options.projects} />
      <TextField
        name="programme"
        label={labels.programme}
        hint={t('fundingForms.programmeHint')}
        value={values.programme}
        errors={errors}
      />
      <TextField
        name="requirement"
        label={labels.requirement}
        hint={t('postings.form.amountHint')}
        value={values.requirement}
        errors={errors}
        inputMode="decimal"
        dir="ltr"
        required
      />
      <CurrencyFields currencies={options.currencies} values={values} errors={errors} />
      <Actions submit={t('fundingForms.addLine')} cancelHref={props.cancelHref} />
    </Form>
  );
}

function StatusField({ value, errors }: { value?: string; errors: Errors }) {
  const { t } = useTranslation();
  return (
    <RadioField
      name="status"
      label={t('fundingForms.status')}
      options={[
        { value: 'pledged', label: t('fundingForms.statusOption.pledged') },
        { value: 'paid', label: t('fundingForms.statusOption.paid') },
      ]}
      value={value}
      errors={errors}
      required
    />
  );
}

/** A pledge or a paid contribution: who gives, where it goes, how much and when. */
export function ContributionForm(props: {
  options: {
    organisations: Option[];
    appeals: Option[];
    funds: Option[];
    projects: Option[];
    currencies: Option[];
  };
  values: ContributionFormValues;
  errors: Errors;
  cancelHref: string | null;
}) {
  const { t } = useTranslation();
  const { options, values, errors } = props;
  const labels = {
    donor: t('fundingForms.donorOrganisation'),
    donorName: t('fundingForms.donorName'),
    appeal: t('fundingForms.appeal'),
    fund: t('fundingForms.fund'),
    project: t('fundingForms.earmark'),
    status: t('fundingForms.status'),
    madeOn: t('fundingForms.madeOn'),
    note: t('fundingForms.note'),
    ...moneyLabels(t),
  };
  return (
    <Form method="post" className="editor" noValidate>
      <ErrorSummary errors={errors} labels={labels} />
      <input type="hidden" name="returnTo" value={values.returnTo ?? ''} />
      <fieldset className="checkboxes">
        <legend>
          <LabelText label={t('fundingForms.donor')} required />
        </legend>
        <p className="hint">{t('fundingForms.donorHint')}</p>
        <SelectField
          name="donor"
          label={labels.donor}
          empty={t('fundingForms.none')}
          options={options.organisations}
          value={values.donor ?? ''}
          errors={errors}
        />
        <TextField name="donorName" label={labels.donorName} value={values.donorName} errors={errors} />
      </fieldset>
      <fieldset className="checkboxes">
        <legend>
          <LabelText label={t('fundingForms.destination')} required />
        </legend>
        <p className="hint">{t('fundingForms.destinationHint')}</p>
        <SelectField
          name="appeal"
          label={labels.appeal}
          empty={t('fundingForms.none')}
          options={options.appeals}
          value={values.appeal ?? ''}
          errors={errors}
        />
        <SelectField
          name="fund"
          label={labels.fund}
          empty={t('fundingForms.none')}
          options={options.funds}
          value={values.fund ?? ''}
          errors={errors}
        />
        <TextField
          name="project"
          label={labels.project}
          hint={t('fundingForms.earmarkHint')}
          value={values.project}
          errors={errors}
          list="funding-projects"
          dir="ltr"
        />
        <ProjectList id="funding-projects" projects={options.projects} />
      </fieldset>
      <TextField
        name="amount"
        label={labels.amount}
        hint={t('postings.form.amountHint')}
        value={values.amount}
        errors={errors}
        inputMode="decimal"
        dir="ltr"
        required
      />
      <CurrencyFields currencies={options.currencies} values={values} errors={errors} />
      <StatusField value={values.status} errors={errors} />
      <TextField
        name="madeOn"
        type="date"
        label={labels.madeOn}
        hint={t('fundingForms.madeOnHint')}
        value={values.madeOn}
        errors={errors}
        required
      />
      <TextAreaField name="note" label={labels.note} value={values.note} errors={errors} rows={3} />
      <Actions submit={t('fundingForms.record')} cancelHref={props.cancelHref} />
    </Form>
  );
}

/** Changing a contribution: its status (a pledge now paid), date, amount, currency and note. */
export function ContributionEditForm(props: {
  options: { currencies: Option[] };
  values: ContributionEditValues;
  errors: Errors;
  cancelHref: string;
}) {
  const { t } = useTranslation();
  const { options, values, errors } = props;
  const labels = {
    status: t('fundingForms.status'),
    madeOn: t('fundingForms.madeOn'),
    note: t('fundingForms.note'),
    ...moneyLabels(t),
  };
  return (
    <Form method="post" className="editor" noValidate>
      <ErrorSummary errors={errors} labels={labels} />
      <input type="hidden" name="returnTo" value={values.returnTo ?? ''} />
      <StatusField value={values.status} errors={errors} />
      <TextField
        name="madeOn"
        type="date"
        label={labels.madeOn}
        hint={t('fundingForms.madeOnHint')}
        value={values.madeOn}
        errors={errors}
        required
      />
      <TextField
        name="amount"
        label={labels.amount}
        hint={t('postings.form.amountHint')}
        value={values.amount}
        errors={errors}
        inputMode="decimal"
        dir="ltr"
        required
      />
      <CurrencyFields currencies={options.currencies} values={values} errors={errors} />
      <TextAreaField name="note" label={labels.note} value={values.note} errors={errors} rows={3} />
      <Actions submit={t('fundingForms.save')} cancelHref={props.cancelHref} />
    </Form>
  );
}

/** Deleting a contribution recorded in error: a second form, confirmed with a checkbox. */
export function ContributionDeleteForm(props: { returnTo: string; errors: Errors }) {
  const { t } = useTranslation();
  const { errors } = props;
  const error = errors.confirm;
  return (
    <section aria-labelledby="delete-heading" className="workflow">
      <h2 id="delete-heading">{t('fundingForms.deleteHeading')}</h2>
      <Form method="post" className="editor" noValidate>
        <ErrorSummary errors={errors} labels={{ confirm: t('fundingForms.confirmDelete') }} />
        <p className="hint">{t('fundingForms.deleteHint')}</p>
        <input type="hidden" name="returnTo" value={props.returnTo} />
        <div className={error ? 'checkbox has-error' : 'checkbox'}>
          <input
            type="checkbox"
            id={fieldId('confirm')}
            name="confirm"
            value="yes"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId('confirm') : undefined}
          />
          <label htmlFor={fieldId('confirm')}>{t('fundingForms.confirmDelete')}</label>
        </div>
        <FieldError name="confirm" error={error} />
        <div className="form-actions">
          <button type="submit" name="intent" value="delete" className="danger">
            {t('fundingForms.delete')}
          </button>
        </div>
      </Form>
    </section>
  );
}

/** Money a trust fund commits to a project, optionally in answer to an appeal. */
export function AllocationForm(props: {
  options: { appeals: Option[]; projects: Option[]; currencies: Option[] };
  values: AllocationFormValues;
  errors: Errors;
  cancelHref: string;
}) {
  const { t } = useTranslation();
  const { options, values, errors } = props;
  const labels = {
    project: t('fundingForms.project'),
    appeal: t('fundingForms.allocationAppeal'),
    allocatedOn: t('fundingForms.allocatedOn'),
    note: t('fundingForms.note'),
    ...moneyLabels(t),
  };
  return (
    <Form method="post" className="editor" noValidate>
      <ErrorSummary errors={errors} labels={labels} />
      <TextField
        name="project"
        label={labels.project}
        hint={t('fundingForms.projectHint')}
        value={values.project}
        errors={errors}
        list="funding-projects"
        dir="ltr"
        required
      />
      <ProjectList id="funding-projects" projects={options.projects} />
      <SelectField
        name="appeal"
        label={labels.appeal}
        hint={t('fundingForms.allocationAppealHint')}
        empty={t('fundingForms.none')}
        options={options.appeals}
        value={values.appeal ?? ''}
        errors={errors}
      />
      <TextField
        name="amount"
        label={labels.amount}
        hint={t('postings.form.amountHint')}
        value={values.amount}
        errors={errors}
        inputMode="decimal"
        dir="ltr"
        required
      />
      <CurrencyFields currencies={options.currencies} values={values} errors={errors} />
      <TextField
        name="allocatedOn"
        type="date"
        label={labels.allocatedOn}
        value={values.allocatedOn}
        errors={errors}
        required
      />
      <TextAreaField name="note" label={labels.note} value={values.note} errors={errors} rows={3} />
      <Actions submit={t('fundingForms.allocate')} cancelHref={props.cancelHref} />
    </Form>
  );
}
