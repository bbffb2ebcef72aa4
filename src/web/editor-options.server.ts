import type { Language } from '../shared/languages';
import type { WebContext } from './context';

/** The choices an editor form offers, labelled in the reader's language. */
export async function editorOptions({ services, viewer }: WebContext, lang: Language) {
  const [countries, organisations, themes, modalities, types] = await Promise.all([
    services.reference.listCountries({ lang, limit: 300 }),
    services.organisations.list(viewer, { lang, limit: 100 }),
    services.reference.listTerms('theme', lang),
    services.reference.listTerms('modality', lang),
    services.reference.listTerms('cooperation-type', lang),
  ]);
  let orgs = organisations.items;
  let cursor = organisations.nextCursor;
  while (cursor) {
    const page = await services.organisations.list(viewer, { lang, limit: 100, cursor });
    orgs = [...orgs, ...page.items];
    cursor = page.nextCursor;
  }
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, lang);
  return {
    countries: countries.items.map((c) => ({ value: c.iso3, label: c.name })).sort(byLabel),
    providers: orgs
      .map((o) => ({ value: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name }))
      .sort(byLabel),
    themes: themes.map((t) => ({ value: t.id, label: t.parent ? `— ${t.label}` : t.label })),
    modalities: modalities.map((m) => ({ value: m.id, label: m.label })),
    cooperationTypes: types.map((c) => ({ value: c.id, label: c.label })),
  };
}

export type EditorOptions = Awaited<ReturnType<typeof editorOptions>>;
