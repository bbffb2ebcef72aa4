import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';

type Suggestion = { text: string; kind: 'concept' | 'title' };

/**
 * The search form: a plain GET form, so it works without JavaScript. With JavaScript, suggestions
 * from /api/v1/search/suggest fill the input's datalist as the user types. A page that shows a second
 * box names it with `labelledBy` so the two search landmarks stay distinguishable.
 */
export function SearchBox({
  language,
  defaultValue,
  labelledBy,
  hidden = [],
}: {
  language: string;
  defaultValue?: string;
  labelledBy?: string;
  hidden?: Array<[string, string]>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const controller = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      controller.current?.abort();
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  function onInput(value: string) {
    if (timer.current) clearTimeout(timer.current);
    const q = value.trim();
    if (q.length < 2) {
      setSuggestions([]);
      return;
    }
    timer.current = setTimeout(async () => {
      controller.current?.abort();
      controller.current = new AbortController();
      try {
        const response = await fetch(`/api/v1/search/suggest?lang=${language}&q=${encodeURIComponent(q)}`, {
          signal: controller.current.signal,
        });
        if (response.ok) setSuggestions(((await response.json()) as { items: Suggestion[] }).items);
      } catch {
        // A cancelled or failed suggestion request leaves the box usable as a plain form.
      }
    }, 150);
  }

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
        list={`${id}-suggestions`}
        autoComplete="off"
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <datalist id={`${id}-suggestions`} aria-label={t('search.suggestions')}>
        {suggestions.map((s) => (
          <option key={`${s.kind}:${s.text}`} value={s.text} />
        ))}
      </datalist>
      {hidden.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit">{t('search.submit')}</button>
    </Form>
  );
}
