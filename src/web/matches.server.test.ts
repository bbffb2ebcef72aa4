import { describe, expect, it } from 'vitest';
import { AppError } from '../server/errors';
import type { Viewer } from '../server/modules/access/policy';
import { AgreeInput, DeclineInput, type MatchView, PreviewInput } from '../server/modules/matching/schema';
import {
  errorKeys,
  formatFit,
  MATCH_ERROR_FIELDS,
  matchFormValues,
  matchItem,
  PREVIEW_DEFAULTS,
  previewErrorFields,
  previewFormValues,
  previewInputOf,
  runKeyed,
} from './matches.server';
import { parseInput } from './solution-input.server';

function formOf(entries: Array<[string, string]>): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

/** The error a form helper gets from a schema, as the API would report it. */
function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (AppError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the challenge form', () => {
  it('reads the fields the browser sends, trimmed', () => {
    const values = previewFormValues(
      formOf([
        ['text', '  Alimentación escolar con productos locales  '],
        ['language', ''],
        ['country', 'HND'],
        ['types', 'solution'],
        ['types', 'offer'],
      ]),
    );
    expect(values).toEqual({
      text: 'Alimentación escolar con productos locales',
      language: '',
      country: 'HND',
      types: ['solution', 'offer'],
    });
  });

  it('leaves an empty language to be detected and an empty country out', () => {
    const input = parseInput(PreviewInput, previewInputOf({ ...PREVIEW_DEFAULTS, text: 'school feeding' }));
    expect(input).toMatchObject({ text: 'school feeding', types: ['solution', 'offer'] });
    expect(input.language).toBeUndefined();
    expect(input.country).toBeUndefined();
    const chosen = previewInputOf({ text: 'x y z', language: 'vi', country: 'VNM', types: ['offer'] });
    expect(chosen).toEqual({ text: 'x y z', language: 'vi', country: 'VNM', types: ['offer'] });
  });

  it('puts each problem beside its field, in the interface’s words', () => {
    const values = { ...PREVIEW_DEFAULTS, text: '', types: [] };
    const error = refusal(() => parseInput(PreviewInput, previewInputOf(values)));
    expect(errorKeys(error.errors, previewErrorFields(values), 'home.match.errors.form')).toEqual({
      text: 'home.match.errors.text',
      types: 'home.match.errors.types',
    });
  });

  it('tells a language it could not detect from one it does not know', () => {
    const detected = [{ field: 'body.language', message: 'could not tell the language' }];
    expect(errorKeys(detected, previewErrorFields(PREVIEW_DEFAULTS), 'f')).toEqual({
      language: 'home.match.errors.languageUndetected',
    });
    expect(errorKeys(detected, previewErrorFields({ ...PREVIEW_DEFAULTS, language: 'xx' }), 'f')).toEqual({
      language: 'home.match.errors.languageUnknown',
    });
  });

  it('reports an unknown country beside the country', () => {
    const errors = [{ field: 'body.country', message: 'unknown country "ZZZ"' }];
    expect(errorKeys(errors, previewErrorFields(PREVIEW_DEFAULTS), 'f')).toEqual({
      country: 'home.match.errors.country',
    });
  });
});

describe('message keys for form errors', () => {
  it('keeps the first problem of a field, and sends unknown fields to the form', () => {
    const keys = errorKeys(
      [
        { field: 'body.types.0', message: 'invalid' },
        { field: 'body.types.1', message: 'invalid too' },
        { field: 'body.themes.0', message: 'unknown theme' },
      ],
      { types: 'types-key' },
      'form-key',
    );
    expect(keys).toEqual({ types: 'types-key', form: 'form-key' });
  });

  it('gives a failure that names no field one message for the whole form', () => {
    expect(errorKeys([], {}, 'form-key')).toEqual({ form: 'form-key' });
  });
});

describe('running a match step', () => {
  it('passes the answer through', async () => {
    expect(await runKeyed(async () => 42, {}, 'f')).toEqual({ ok: true, value: 42 });
  });

  it('puts a decline without a reason beside the reason', async () => {
    const result = await runKeyed(
      async () => parseInput(DeclineInput, { reason: '' }),
      MATCH_ERROR_FIELDS.decline,
      'matches.errors.form',
    );
    expect(result).toEqual({ ok: false, errors: { reason: 'matches.errors.reason' } });
  });

  it('puts too short an agreement beside the summary', async () => {
    const result = await runKeyed(
      async () => parseInput(AgreeInput, { summary: 'Too short' }),
      MATCH_ERROR_FIELDS.agree,
      'matches.errors.form',
    );
    expect(result).toEqual({ ok: false, errors: { summary: 'matches.errors.summary' } });
  });

  it('explains a refusal above the form', async () => {
    const conflict = new AppError('conflict', 'This match is declined', [
      { field: 'status', message: 'is declined' },
    ]);
    expect(await runKeyed(() => Promise.reject(conflict), MATCH_ERROR_FIELDS.accept, 'f')).toEqual({
      ok: false,
      errors: { form: 'matches.errors.conflict' },
    });
    const turn = new AppError('forbidden', 'The other side accepts');
    expect(await runKeyed(() => Promise.reject(turn), {}, 'f')).toEqual({
      ok: false,
      errors: { form: 'matches.errors.forbidden' },
    });
  });

  it('lets a hidden match and unexpected failures through', async () => {
    const hidden = AppError.notFound('Match', 'x');
    await expect(runKeyed(() => Promise.reject(hidden), {}, 'f')).rejects.toBe(hidden);
    const broken = new Error('database down');
    await expect(runKeyed(() => Promise.reject(broken), {}, 'f')).rejects.toBe(broken);
  });
});

describe('the match page forms', () => {
  it('reads the intent and the text of the form that was sent', () => {
    expect(
      matchFormValues(
        formOf([
          ['intent', 'decline'],
          ['reason', '  No budget this year  '],
        ]),
      ),
    ).toEqual({
      intent: 'decline',
      note: '',
      reason: 'No budget this year',
      summary: '',
      body: '',
    });
    expect(matchFormValues(formOf([['intent', 'delete']])).intent).toBeNull();
  });
});

describe('matches in lists', () => {
  const match = {
    id: '00000000-0000-4000-8000-000000000001',
    score: 0.4234,
    yourSide: null,
  } as unknown as MatchView;
  const member: Viewer = { userId: 'u1', role: 'member', organisationId: null, workingGroupIds: [] };
  const staff: Viewer = { userId: 'u2', role: 'secretariat', organisationId: null, workingGroupIds: [] };

  it('writes the score as the reader writes numbers', () => {
    expect(formatFit(0.4234, 'en')).toBe('0.42');
    expect(formatFit(0.5, 'fr')).toBe('0,50');
    expect(formatFit(1, 'en')).toBe('1.00');
  });

  it('lets the sides and the secretariat open a match, and other readers only see it', () => {
    expect(matchItem(match, 'en', member)).toMatchObject({ fit: '0.42', canOpen: false });
    expect(matchItem({ ...match, yourSide: 'need' }, 'en', member).canOpen).toBe(true);
    expect(matchItem(match, 'en', staff).canOpen).toBe(true);
  });
});
