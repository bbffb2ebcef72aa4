import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_TAGS, LANGUAGES } from '../shared/languages';
import { messages } from './i18n';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Argument names a message uses, e.g. {count} and {query}. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: ReturnType<IntlMessageFormat['getAst']>) => {
    for (const element of elements) {
      if ('value' in element && typeof element.value === 'string' && element.type !== 0)
        names.add(element.value);
      if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, 'en').getAst());
  return [...names].sort();
}

const english = flatten(messages.en as Tree);

describe('interface messages', () => {
  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has exactly the keys English has', (language) => {
    const keys = [...flatten(messages[language] as Tree).keys()].sort();
    expect(keys).toEqual([...english.keys()].sort());
  });

  it.each([...LANGUAGES])('%s messages are valid ICU with the same arguments as English', (language) => {
    for (const [key, message] of flatten(messages[language] as Tree)) {
      const format = new IntlMessageFormat(message, LANGUAGE_TAGS[language]);
      expect(argumentsOf(message), `${language}:${key}`).toEqual(argumentsOf(english.get(key)!));
      for (const count of [0, 1, 2, 5, 11, 21, 100]) {
        const values = Object.fromEntries(
          argumentsOf(message).map((name) => [
            name,
            name === 'count' ? count : name === 'kind' ? 'editorial' : name,
          ]),
        );
        const text = format.format(values);
        expect(String(text).length, `${language}:${key}`).toBeGreaterThan(0);
      }
    }
  });

  it('are translated, not copies of English', () => {
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      expect(flatten(messages[language] as Tree).get('home.title'), language).not.toBe(
        english.get('home.title'),
      );
    }
  });
});
