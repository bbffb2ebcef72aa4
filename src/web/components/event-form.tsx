import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { LANGUAGE_NAMES, LANGUAGES } from '../../shared/languages';
import { EVENT_KINDS } from '../../shared/vocabularies';
import type { EventFormOptions, EventFormValues } from '../event-form.server';
import { Select, TextArea, TextInput } from './form-fields';

const VISIBILITIES = ['members', 'organization', 'working_group', 'private', 'public'] as const;
const REGISTRATION = ['none', 'open', 'closed'] as const;

/** The event editor, shared by "new" and "edit"; errors appear beside their fields. */
export function EventForm(props: {
  options: EventFormOptions;
  values: EventFormValues;
  errors: Record<string, string>;
  isNew: boolean;
  cancelHref: string;
}) {
  const { t } = useTranslation();
  const allDayId = useId();
  const { options, values, errors } = props;
  const visibilities = VISIBILITIES.filter(
    (v) => v !== 'public' || options.canPublish || values.visibility === 'public',
  );
  return (
    <Form method="post" className="editor" noValidate>
      {Object.keys(errors).length > 0 && (
        <div role="alert" className="alert">
          <p>{t('calendar.form.errorSummary')}</p>
          {errors.form && <p>{errors.form}</p>}
        </div>
      )}
      {props.isNew && (
        <Select
          name="language"
          label={t('calendar.form.language')}
          value={values.language ?? ''}
          error={errors.language}
          options={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
        />
      )}
      <TextInput
        name="title"
        label={t('calendar.form.title')}
        value={values.title}
        error={errors.title}
        required
      />
      <TextArea
        name="description"
        label={t('calendar.form.description')}
        value={values.description}
        error={errors.description}
        rows={5}
      />
      <Select
        name="kind"
        label={t('calendar.form.kind')}
        value={values.kind ?? 'meeting'}
        error={errors.kind}
        options={EVENT_KINDS.map((kind) => ({ value: kind, label: t(`events.kind.${kind}`) }))}
      />
      <TextInput
        name="start"
        type="datetime-local"
        label={t('calendar.form.start')}
        value={
          values.allDay && values.start && values.start.length === 10 ? `${values.start}T00:00` : values.start
        }
        error={errors.start}
        required
      />
      <TextInput
        name="end"
        type="datetime-local"
        label={t('calendar.form.end')}
        value={values.allDay && values.end && values.end.length === 10 ? `${values.end}T00:00` : values.end}
        error={errors.end}
      />
      <div className="field checkbox">
        <input id={allDayId} type="checkbox" name="allDay" defaultChecked={!!values.allDay} />
        <label htmlFor={allDayId}>{t('calendar.form.allDay')}</label>
      </div>
      <Select
        name="timeZone"
        label={t('calendar.form.timeZone')}
        hint={t('calendar.form.timeZoneHint')}
        value={values.timeZone ?? ''}
        error={errors.timeZone}
        options={options.timeZones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
      />
      <TextInput
        name="location"
        label={t('calendar.form.location')}
        value={values.location}
        error={errors.location}
      />
      <TextInput
        name="onlineUrl"
        type="url"
        label={t('calendar.form.onlineUrl')}
        hint={t('calendar.form.onlineUrlHint')}
        value={values.onlineUrl}
        error={errors.onlineUrl}
      />
      <Select
        name="organisers"
        label={t('calendar.form.organisers')}
        hint={t('calendar.form.multiHint')}
        multiple
        options={options.organisations}
        value={values.organisers}
        error={errors.organisers}
      />
      <Select
        name="workingGroupId"
        label={t('calendar.form.group')}
        empty={t('calendar.form.noGroup')}
        options={options.groups}
        value={values.workingGroupId ?? ''}
        error={errors.workingGroupId}
      />
      <Select
        name="visibility"
        label={t('calendar.form.visibility')}
        options={visibilities.map((v) => ({ value: v, label: t(`calendar.visibility.${v}`) }))}
        value={values.visibility ?? 'members'}
        error={errors.visibility}
      />
      <Select
        name="registration"
        label={t('calendar.form.registration')}
        options={REGISTRATION.map((r) => ({ value: r, label: t(`calendar.registrationMode.${r}`) }))}
        value={values.registration ?? 'none'}
        error={errors.registration}
      />
      <TextInput
        name="capacity"
        type="number"
        label={t('calendar.form.capacity')}
        hint={t('calendar.form.capacityHint')}
        value={values.capacity}
        error={errors.capacity}
      />
      <div className="form-actions">
        <button type="submit">{props.isNew ? t('calendar.form.create') : t('calendar.form.save')}</button>
        <a href={props.cancelHref}>{t('calendar.form.back')}</a>
      </div>
    </Form>
  );
}
