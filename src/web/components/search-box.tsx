import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';

/**
 * The search form; a plain GET form, so it works without JavaScript. A page that shows a second one
 * names it with `labelledBy` so the two search landmarks stay distinguishable.
 */
export function SearchBox({
  language,
  defaultValue,
  labelledBy,
}: {
  language: string;
  defaultValue?: string;
  labelledBy?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Form
      method="get"
      action={`/${language}/search`}
      role="search"
      className="search-box"
      aria-labelledby={labelledBy}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder={t('search.placeholder')}
        maxLength={200}
      />
      <button type="submit">{t('search.submit')}</button>
    </Form>
  );
}
