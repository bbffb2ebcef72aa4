import { describe, expect, it } from 'vitest';
import {
  expectWellFormed as expectContentLines,
  type Property,
  parseLines,
  splitUnescaped,
} from '../../../tests/support/content-lines.js';
import { foldLine } from './ical.js';
import { toVCard, toVCards, VCARD_MEDIA_TYPE, type VCardContact } from './vcard.js';

// Content lines are read by tests/support/content-lines.ts, written from the RFC rather than from the
// serialiser.

function unescapeText(value: string): string {
  return value.replace(/\\(.)/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

function only(properties: Property[], name: string): Property {
  const found = properties.filter((property) => property.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
}

function textOf(properties: Property[], name: string): string {
  return unescapeText(only(properties, name).value);
}

/** The shared physical checks, plus: the contacts' continuation lines start with exactly one space. */
function expectWellFormed(text: string): string[] {
  const lines = expectContentLines(text);
  for (const line of lines.filter((l) => l.startsWith(' '))) expect(line).not.toMatch(/^ {2}/);
  return lines;
}

const CHINESE = '南南合作与三方合作：发展中国家之间分享知识、技能、专门技术和资源，以实现其发展目标。';
const ARABIC = 'التعاون فيما بين بلدان الجنوب والتعاون الثلاثي، تبادل المعارف والمهارات والخبرات والموارد.';
const VIETNAMESE =
  'Hợp tác Nam–Nam và hợp tác tam giác; chia sẻ kiến thức, kỹ năng, chuyên môn và nguồn lực.';

const full: VCardContact = {
  uid: '7C3A9F2E-1B4D-4E8A-9C6F-0123456789AB',
  fullName: 'Nguyễn Thị Minh Khai',
  givenName: 'Minh Khai',
  familyName: 'Nguyễn Thị',
  organisation: 'Ministry of Planning; Department of International Cooperation',
  title: 'Director, South-South Cooperation',
  emails: ['khai@example.gov.vn', ' ', 'minh.khai@example.org'],
  phones: ['+84 24 3845 5298', '+33 (0)1 23 45 67 89 ext. 12', '024 3845 5298'],
  languages: ['vi', 'en-gb', 'not a tag!', 'EN-GB', 'zh-hans-cn'],
  country: 'Viet Nam',
  note: `${CHINESE}\n${ARABIC}\n${VIETNAMESE} Back\\slash, comma; semicolon.`,
  url: 'https://example.gov.vn/contacts/khai?lang=vi&x=a,b',
  revision: new Date('2026-03-04T05:06:07.890Z'),
  categories: ['Health, nutrition', 'Agriculture; food security', 'Back\\slash'],
};

describe('toVCard', () => {
  it('writes the required properties, VERSION right after BEGIN, with CRLF line endings', () => {
    const text = toVCard({ uid: 'contact-1', fullName: 'Ana Souza' });
    expectWellFormed(text);
    expect(text).toBe(
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana Souza\r\nN:;;;;\r\nUID;VALUE=text:contact-1\r\nEND:VCARD\r\n',
    );
  });

  it('round-trips every property through an independent reader', () => {
    const text = toVCard(full);
    expectWellFormed(text);
    const properties = parseLines(text);

    expect(properties.map((p) => p.name)).toEqual([
      'BEGIN',
      'VERSION',
      'FN',
      'N',
      'UID',
      'ORG',
      'TITLE',
      'EMAIL',
      'EMAIL',
      'TEL',
      'TEL',
      'TEL',
      'LANG',
      'LANG',
      'LANG',
      'ADR',
      'NOTE',
      'URL',
      'CATEGORIES',
      'REV',
      'END',
    ]);
    expect(only(properties, 'VERSION').value).toBe('4.0');
    expect(textOf(properties, 'FN')).toBe(full.fullName);
    expect(splitUnescaped(only(properties, 'N').value, ';').map(unescapeText)).toEqual([
      'Nguyễn Thị',
      'Minh Khai',
      '',
      '',
      '',
    ]);
    expect(only(properties, 'UID').value).toBe('urn:uuid:7c3a9f2e-1b4d-4e8a-9c6f-0123456789ab');
    expect(only(properties, 'UID').params).toEqual({});
    // ORG is compound: the semicolon inside the name must not become a unit separator.
    expect(splitUnescaped(only(properties, 'ORG').value, ';').map(unescapeText)).toEqual([full.organisation]);
    expect(textOf(properties, 'TITLE')).toBe(full.title);
    expect(textOf(properties, 'NOTE')).toBe(full.note);
    expect(only(properties, 'URL').value).toBe(full.url);
    expect(only(properties, 'REV').value).toBe('20260304T050607Z');

    const emails = properties.filter((p) => p.name === 'EMAIL');
    expect(emails.map((p) => unescapeText(p.value))).toEqual([
      'khai@example.gov.vn',
      'minh.khai@example.org',
    ]);
    for (const email of emails) expect(email.params.TYPE).toEqual(['work']);

    const adr = splitUnescaped(only(properties, 'ADR').value, ';').map(unescapeText);
    expect(adr).toEqual(['', '', '', '', '', '', 'Viet Nam']);

    const categories = splitUnescaped(only(properties, 'CATEGORIES').value, ',').map(unescapeText);
    expect(categories).toEqual(full.categories);
  });

  it('escapes backslashes, commas, semicolons and newlines in text values', () => {
    const text = toVCard({
      uid: 'x',
      fullName: 'Smith, John; Jr.',
      note: 'a\\b,c;d\ne\r\nf\rg',
      familyName: 'Smith; Jones',
      givenName: 'John, Paul',
    });
    const lines = expectWellFormed(text);
    expect(lines).toContain('FN:Smith\\, John\\; Jr.');
    expect(lines).toContain('NOTE:a\\\\b\\,c\\;d\\ne\\nf\\ng');
    expect(lines).toContain('N:Smith\\; Jones;John\\, Paul;;;');
    expect(textOf(parseLines(text), 'NOTE')).toBe('a\\b,c;d\ne\nf\ng');
  });

  it('removes control characters other than tab, and lone surrogates', () => {
    const text = toVCard({ uid: 'x', fullName: 'A\u0000B\u0007C\tD\u001FE\u007F\uD800F' });
    expect(only(parseLines(text), 'FN').value).toBe('ABC\tDE\uFFFDF');
  });

  it('folds long multilingual lines within multi-byte text, and unfolding restores them', () => {
    for (const note of [CHINESE.repeat(3), ARABIC.repeat(3), VIETNAMESE.repeat(3), '🌏a'.repeat(80)]) {
      const text = toVCard({ uid: 'x', fullName: 'x', note });
      const lines = expectWellFormed(text);
      const noteLines = lines.slice(lines.findIndex((line) => line.startsWith('NOTE:')));
      expect(noteLines.length).toBeGreaterThan(3);
      // Folded as late as the octet limit allows: no line ends early with room for the next character.
      for (const line of noteLines.slice(0, -2)) {
        expect(new TextEncoder().encode(line).length, line).toBeGreaterThan(75 - 4);
      }
      expect(textOf(parseLines(text), 'NOTE')).toBe(note);
    }
  });

  it('folds at exactly 75 octets, continuation lines carrying their space', () => {
    expect(foldLine('N'.repeat(75))).toBe('N'.repeat(75));
    expect(foldLine('N'.repeat(76))).toBe(`${'N'.repeat(75)}\r\n N`);
    expect(foldLine('N'.repeat(75 + 74 + 1))).toBe(`${'N'.repeat(75)}\r\n ${'N'.repeat(74)}\r\n N`);
    // 74 ASCII octets then a 3-octet character: it cannot be split, so it starts the next line.
    expect(foldLine(`${'N'.repeat(74)}中`)).toBe(`${'N'.repeat(74)}\r\n 中`);
    expect(foldLine(`${'N'.repeat(72)}中`)).toBe(`${'N'.repeat(72)}中`);
    // A 4-octet character (a surrogate pair in UTF-16) stays whole.
    expect(foldLine(`${'N'.repeat(73)}🌏`)).toBe(`${'N'.repeat(73)}\r\n 🌏`);
  });

  it('writes UIDs as urn:uuid, other URIs as they are, anything else as text', () => {
    const uid = (value: string) => only(parseLines(toVCard({ uid: value, fullName: 'x' })), 'UID');
    expect(uid('7c3a9f2e-1b4d-4e8a-9c6f-0123456789ab').value).toBe(
      'urn:uuid:7c3a9f2e-1b4d-4e8a-9c6f-0123456789ab',
    );
    expect(uid('urn:uuid:7c3a9f2e-1b4d-4e8a-9c6f-0123456789ab').value).toBe(
      'urn:uuid:7c3a9f2e-1b4d-4e8a-9c6f-0123456789ab',
    );
    expect(uid('https://example.org/org/42').value).toBe('https://example.org/org/42');
    const text = uid('org 42, unit;7');
    expect(text.params.VALUE).toEqual(['text']);
    expect(unescapeText(text.value)).toBe('org 42, unit;7');
    expect(() => toVCard({ uid: ' ', fullName: 'x' })).toThrow(RangeError);
  });

  it('writes international numbers as tel: URIs and local numbers as text', () => {
    const tels = parseLines(toVCard(full)).filter((p) => p.name === 'TEL');
    expect(tels.map((p) => [p.params.VALUE, p.value])).toEqual([
      [['uri'], 'tel:+84-24-3845-5298'],
      [['uri'], 'tel:+33-1-23-45-67-89;ext=12'],
      [['text'], '024 3845 5298'],
    ]);
    for (const tel of tels) expect(tel.params.TYPE).toEqual(['work']);
  });

  it('canonicalises language tags, drops invalid ones and duplicates, and numbers PREF in order', () => {
    const langs = parseLines(toVCard(full)).filter((p) => p.name === 'LANG');
    expect(langs.map((p) => [p.params.PREF, p.value])).toEqual([
      [['1'], 'vi'],
      [['2'], 'en-GB'],
      [['3'], 'zh-Hans-CN'],
    ]);
  });

  it('leaves out empty optional properties and URLs that do not parse', () => {
    const text = toVCard({
      uid: 'x',
      fullName: 'x',
      organisation: ' ',
      emails: [],
      phones: [''],
      languages: [],
      country: '',
      note: '',
      url: 'not a url',
      categories: [' '],
    });
    expect(parseLines(text).map((p) => p.name)).toEqual(['BEGIN', 'VERSION', 'FN', 'N', 'UID', 'END']);
  });

  it('percent-encodes what a URI cannot hold instead of escaping it', () => {
    const url = only(
      parseLines(toVCard({ uid: 'x', fullName: 'x', url: 'https://example.org/a b/é' })),
      'URL',
    );
    expect(url.value).toBe('https://example.org/a%20b/%C3%A9');
  });
});

describe('toVCards', () => {
  it('concatenates cards', () => {
    const text = toVCards([full, { uid: 'contact-2', fullName: 'Ana Souza' }]);
    expectWellFormed(text);
    expect(text).toBe(toVCard(full) + toVCard({ uid: 'contact-2', fullName: 'Ana Souza' }));
    expect(parseLines(text).filter((p) => p.name === 'BEGIN')).toHaveLength(2);
    expect(toVCards([])).toBe('');
  });

  it('names the media type', () => {
    expect(VCARD_MEDIA_TYPE).toBe('text/vcard; charset=utf-8');
  });
});
