import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { LANGUAGE_NAMES, LANGUAGES } from '../../shared/languages';
import { ACTIVITY_STATUSES } from '../../shared/projects';
import type { ProjectFormOptions, ProjectFormValues } from '../project-form.server';
import { HIDDEN_FIELDS, type RowList, rowsWithBlanks } from '../project-rows';
import { Select, TextArea, TextInput } from './form-fields';

const VISIBILITIES = ['public', 'members', 'organization', 'working_group', 'private'] as const;
const RESULT_TYPES = ['1', '2', '3', '9'] as const;
const SOUTH_SOUTH_ROLES = [
  'provider',
  'recipient',
  'facilitator',
  'first-provider',
  'second-provider',
] as const;

type Option = { value: string; label: string };
type Errors = Record<string, string>;

/** One input of a repeatable row: a select when it has choices, a text or date input otherwise. */
type Column = { field: string; label: string; options?: Option[]; type?: string; hint?: string };

/**
 * A repeatable list (countries, budgets, …): the filled rows and a few empty ones, each a small
 * fieldset; an error about the whole list (shares that do not add up) sits under its legend.
 */
function Rows(props: {
  list: RowList;
  legend: string;
  hint?: string;
  columns: Column[];
  values: ProjectFormValues;
  errors: Errors;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { list, errors } = props;
  const rows = rowsWithBlanks(list, props.values[list]);
  const columns: Column[] = [
    ...props.columns,
    ...(HIDDEN_FIELDS[list] ?? []).map((field) => ({ field, label: field, type: 'hidden' })),
  ];
  const listError = errors[list];
  return (
    <fieldset
      className={listError ? 'rows-field has-error' : 'rows-field'}
      data-list={list}
      aria-describedby={
        [props.hint ? `${id}-hint` : '', listError ? `${id}-error` : ''].join(' ').trim() || undefined
      }
    >
      <legend>{props.legend}</legend>
      {props.hint && (
        <p id={`${id}-hint`} className="hint">
          {props.hint}
        </p>
      )}
      {listError && (
        <p id={`${id}-error`} className="field-error list-error">
          {listError}
        </p>
      )}
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are addressed by their position
        <fieldset key={index} className="form-row">
          <legend>{t('projects.form.row', { label: props.legend, number: index + 1 })}</legend>
          {columns.map((column) => {
            const name = `${list}.${index}.${column.field}`;
            if (column.type === 'hidden')
              return <input key={name} type="hidden" name={name} value={row[column.field] ?? ''} />;
            return column.options ? (
              <Select
                key={name}
                name={name}
                label={column.label}
                empty="—"
                options={column.options}
                value={row[column.field] ?? ''}
                error={errors[name]}
              />
            ) : (
              <TextInput
                key={name}
                name={name}
                type={column.type}
                label={column.label}
                hint={column.hint}
                value={row[column.field] ?? ''}
                error={errors[name]}
              />
            );
          })}
        </fieldset>
      ))}
    </fieldset>
  );
}

/**
 * The project editor, shared by "new" and "edit". It works without JavaScript: rows are plain
 * numbered inputs, errors come back from the server beside each field with a summary on top.
 */
export function ProjectForm(props: {
  options: ProjectFormOptions;
  values: ProjectFormValues;
  errors: Errors;
  isNew: boolean;
  cancelHref: string;
}) {
  const { t } = useTranslation();
  const { options, values, errors } = props;
  const percentage: Column = {
    field: 'percentage',
    label: t('projects.form.percentage'),
    hint: t('projects.form.percentageHint'),
  };
  const currency = (field = 'currency'): Column => ({
    field,
    label: t('projects.currency'),
    options: options.currencies,
  });
  const errorCount = Object.keys(errors).length;
  return (
    <Form method="post" className="editor" noValidate>
      {errorCount > 0 && (
        <div role="alert" className="alert">
          <p>{t('projects.form.errorSummary', { count: errorCount })}</p>
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
        value={values.description}
        error={errors.description}
        rows={8}
        required
      />
      {options.canChooseOrganisation ? (
        <Select
          name="organisation"
          label={t('projects.reportingOrg')}
          empty={t('postings.form.ownOrganisation')}
          options={options.organisations}
          value={values.organisation ?? ''}
          error={errors.organisation}
        />
      ) : (
        <p>
          <strong>{t('projects.reportingOrg')}:</strong>{' '}
          {options.reportingFor?.name ?? t('postings.form.noOrganisation')}
          {errors.organisation && <span className="field-error"> {errors.organisation}</span>}
        </p>
      )}
      <Select
        name="status"
        label={t('projects.status')}
        options={options.statuses.filter((s) => (ACTIVITY_STATUSES as readonly string[]).includes(s.value))}
        value={values.status ?? '1'}
        error={errors.status}
      />
      <Select
        name="cooperationType"
        label={t('projects.cooperationType')}
        hint={t('projects.form.cooperationTypeHint')}
        empty="—"
        options={options.cooperationTypes}
        value={values.cooperationType ?? ''}
        error={errors.cooperationType}
      />
      <fieldset className="checkboxes">
        <legend>{t('projects.plannedDates')}</legend>
        <TextInput
          name="dates.plannedStart"
          type="date"
          label={t('projects.form.start')}
          value={values['dates.plannedStart']}
          error={errors['dates.plannedStart']}
        />
        <TextInput
          name="dates.plannedEnd"
          type="date"
          label={t('projects.form.end')}
          value={values['dates.plannedEnd']}
          error={errors['dates.plannedEnd'] ?? errors.dates}
        />
      </fieldset>
      <fieldset className="checkboxes">
        <legend>{t('projects.actualDates')}</legend>
        <TextInput
          name="dates.actualStart"
          type="date"
          label={t('projects.form.start')}
          value={values['dates.actualStart']}
          error={errors['dates.actualStart']}
        />
        <TextInput
          name="dates.actualEnd"
          type="date"
          label={t('projects.form.end')}
          value={values['dates.actualEnd']}
          error={errors['dates.actualEnd']}
        />
      </fieldset>
      <Select
        name="defaultCurrency"
        label={t('projects.defaultCurrency')}
        empty="—"
        options={options.currencies}
        value={values.defaultCurrency ?? ''}
        error={errors.defaultCurrency}
      />
      <Rows
        list="countries"
        legend={t('projects.countries')}
        hint={t('projects.form.sharesHint')}
        columns={[{ field: 'iso3', label: t('filter.country'), options: options.countries }, percentage]}
        values={values}
        errors={errors}
      />
      <Rows
        list="regions"
        legend={t('projects.regions')}
        columns={[{ field: 'code', label: t('filter.region'), options: options.regions }, percentage]}
        values={values}
        errors={errors}
      />
      <Rows
        list="sectors"
        legend={t('projects.sectors')}
        columns={[{ field: 'code', label: t('projects.sector'), options: options.sectors }, percentage]}
        values={values}
        errors={errors}
      />
      <Rows
        list="themes"
        legend={t('postings.themes')}
        columns={[{ field: 'id', label: t('filter.theme'), options: options.themes }, percentage]}
        values={values}
        errors={errors}
      />
      <Select
        name="sdgGoals"
        label={t('projects.sdgGoals')}
        hint={t('postings.form.multiHint')}
        multiple
        options={options.sdgGoals}
        value={values.sdgGoals}
        error={errors.sdgGoals}
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
      <Rows
        list="participants"
        legend={t('projects.participants')}
        hint={t('projects.form.participantsHint')}
        columns={[
          {
            field: 'organisation',
            label: t('projects.form.platformOrganisation'),
            options: options.organisations,
          },
          { field: 'name', label: t('projects.form.otherName') },
          { field: 'role', label: t('projects.iatiRole'), options: options.roles },
          {
            field: 'southSouthRole',
            label: t('projects.southSouthRole'),
            options: SOUTH_SOUTH_ROLES.map((role) => ({
              value: role,
              label: t(`projects.southSouthRoleOption.${role}`),
            })),
          },
        ]}
        values={values}
        errors={errors}
      />
      <Rows
        list="budgets"
        legend={t('projects.budgets')}
        columns={[
          { field: 'periodStart', label: t('projects.form.start'), type: 'date' },
          { field: 'periodEnd', label: t('projects.form.end'), type: 'date' },
          { field: 'amount', label: t('projects.amount'), hint: t('postings.form.amountHint') },
          currency(),
          {
            field: 'type',
            label: t('projects.budgetKind'),
            options: ['1', '2'].map((v) => ({ value: v, label: t(`projects.budgetType.${v}`) })),
          },
          {
            field: 'status',
            label: t('projects.status'),
            options: ['1', '2'].map((v) => ({ value: v, label: t(`projects.budgetStatus.${v}`) })),
          },
        ]}
        values={values}
        errors={errors}
      />
      <Rows
        list="transactions"
        legend={t('projects.transactions')}
        columns={[
          { field: 'type', label: t('projects.transactionType'), options: options.transactionTypes },
          { field: 'date', label: t('projects.date'), type: 'date' },
          { field: 'amount', label: t('projects.amount'), hint: t('postings.form.amountHint') },
          currency(),
          { field: 'provider', label: t('projects.form.provider') },
          { field: 'receiver', label: t('projects.form.receiver') },
        ]}
        values={values}
        errors={errors}
      />
      <Rows
        list="indicators"
        legend={t('projects.results')}
        hint={t('projects.form.indicatorsHint')}
        columns={[
          {
            field: 'resultType',
            label: t('projects.form.resultType'),
            options: RESULT_TYPES.map((type) => ({ value: type, label: t(`projects.resultType.${type}`) })),
          },
          { field: 'result', label: t('projects.form.result') },
          { field: 'indicator', label: t('projects.form.indicator') },
          {
            field: 'ascending',
            label: t('projects.form.direction'),
            options: [
              { value: 'true', label: t('projects.form.higherIsBetter') },
              { value: 'false', label: t('projects.form.lowerIsBetter') },
            ],
          },
          { field: 'baseline', label: t('projects.baseline') },
          { field: 'baselineYear', label: t('projects.form.baselineYear') },
          { field: 'periodStart', label: t('projects.form.start'), type: 'date' },
          { field: 'periodEnd', label: t('projects.form.end'), type: 'date' },
          { field: 'target', label: t('projects.target') },
          { field: 'actual', label: t('projects.actual') },
        ]}
        values={values}
        errors={errors}
      />
      <Select
        name="visibility"
        label={t('postings.visibility')}
        options={VISIBILITIES.map((v) => ({ value: v, label: t(`postings.visibilityOption.${v}`) }))}
        value={values.visibility ?? 'public'}
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
        <button type="submit">{props.isNew ? t('projects.form.create') : t('postings.form.save')}</button>
        <a href={props.cancelHref}>{t('postings.form.cancel')}</a>
      </div>
    </Form>
  );
}
