import { describe, expect, it } from 'vitest';
import { NeedInput, NeedPatch, OfferInput } from '../server/modules/needs-offers/schema';
import {
  type PostingFormValues,
  postingErrors,
  postingFormValues,
  postingInputOf,
  postingPatchOf,
} from './posting-form.server';

const need: PostingFormValues = {
  language: 'es',
  title: 'Comedores escolares',
  description: 'Apoyo para abastecer comedores escolares con productos locales.',
  organisation: '',
  country: 'SEN',
  themes: ['health'],
  sdgTargets: '2.1, 4.1',
  modalities: [],
  workingLanguages: ['es', 'fr'],
  visibility: 'members',
  workingGroupId: '',
  'timeframe.startsOn': '2027-01-01',
  'timeframe.endsOn': '2027-06-30',
  'budget.amount': '',
  'budget.currency': '',
  coFinancing: '',
};

const offer: PostingFormValues = {
  language: 'fr',
  title: 'Formation',
  description: 'Des formations pour les techniciens.',
  country: 'SEN',
  themes: [],
  sdgTargets: '',
  modalities: [],
  workingLanguages: [],
  visibility: 'members',
  'capacity.places': '12',
  'capacity.experts': '',
  'capacity.amount': '',
  'capacity.currency': '',
  costSharing: '',
  'availability.from': '',
  'availability.until': '',
};

function formOf(entries: Array<[string, string]>): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

describe('need and offer forms', () => {
  it('reads the fields a browser sends, nested ones by their API path', () => {
    const values = postingFormValues(
      'need',
      formOf([
        ['title', '  Comedores  '],
        ['themes', 'health'],
        ['themes', 'education'],
        ['timeframe.endsOn', '2027-06-30'],
        ['budget.amount', '25000'],
        ['capacity.places', '3'],
      ]),
    );
    expect(values.title).toBe('Comedores');
    expect(values.themes).toEqual(['health', 'education']);
    expect(values['timeframe.endsOn']).toBe('2027-06-30');
    expect(values['budget.amount']).toBe('25000');
    expect(values).not.toHaveProperty('capacity.places');
  });

  it('builds the input the API takes, with empty optional fields as null', () => {
    const input = postingInputOf('need', need);
    expect(input).toMatchObject({
      language: 'es',
      country: 'SEN',
      sdgTargets: ['2.1', '4.1'],
      timeframe: { startsOn: '2027-01-01', endsOn: '2027-06-30' },
      budget: null,
      coFinancing: null,
    });
    expect(input.organisation).toBeUndefined();
    expect(input.workingGroupId).toBeUndefined();
    expect(NeedInput.safeParse(input).success).toBe(true);
  });

  it('splits SDG targets typed with other scripts’ commas and full-width digits', () => {
    expect(postingInputOf('need', { ...need, sdgTargets: '２.１、4.1؛ 17.9' }).sdgTargets).toEqual([
      '2.1',
      '4.1',
      '17.9',
    ]);
  });

  it('sends a whole-number capacity as a number and anything else as typed, for the schema to refuse', () => {
    expect(postingInputOf('offer', offer).capacity).toEqual({
      places: 12,
      experts: null,
      amount: null,
      currency: null,
    });
    const odd = postingInputOf('offer', { ...offer, 'capacity.experts': 'two' });
    const parsed = OfferInput.safeParse(odd);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['capacity', 'experts']);
  });

  it('sends a budget once an amount or a currency is given, so a missing half is reported', () => {
    const input = postingInputOf('need', { ...need, 'budget.amount': '25000.00' });
    expect(input.budget).toEqual({ amount: '25000.00', currency: '' });
    const parsed = NeedInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain('budget.currency');
  });

  it('edits only what changed, nested fields as a whole', () => {
    expect(postingPatchOf('need', need, { ...need })).toEqual({});
    const patch = postingPatchOf('need', need, {
      ...need,
      title: 'Comedores escolares locales',
      'timeframe.endsOn': '2027-12-31',
      coFinancing: 'La mitad',
    });
    expect(patch).toEqual({
      title: 'Comedores escolares locales',
      timeframe: { startsOn: '2027-01-01', endsOn: '2027-12-31' },
      coFinancing: 'La mitad',
    });
    expect(NeedPatch.safeParse(patch).success).toBe(true);
  });

  it('clears emptied optional fields with null but never the language, organisation or group', () => {
    const before = { ...need, coFinancing: 'La mitad', organisation: 'org-1', workingGroupId: 'group-1' };
    expect(
      postingPatchOf('need', before, {
        ...before,
        language: '',
        coFinancing: '',
        organisation: '',
        workingGroupId: '',
        'timeframe.startsOn': '',
        'timeframe.endsOn': '',
      }),
    ).toEqual({ coFinancing: null, timeframe: { startsOn: null, endsOn: null } });
  });

  it('keys errors by the form’s field names, nested paths kept and list positions dropped', () => {
    expect(
      postingErrors([
        { field: 'body.timeframe.endsOn', message: 'must not be before the start' },
        { field: 'body.capacity.currency', message: 'is required with an amount' },
        { field: 'body.budget.amount', message: 'must be a positive amount' },
        { field: 'body.themes.1', message: 'unknown theme' },
        { field: 'body.themes.2', message: 'another unknown theme' },
        { field: 'body', message: 'change at least one field' },
        { field: 'status', message: 'is already closed' },
      ]),
    ).toEqual({
      'timeframe.endsOn': 'must not be before the start',
      'capacity.currency': 'is required with an amount',
      'budget.amount': 'must be a positive amount',
      themes: 'unknown theme',
      form: 'change at least one field',
      status: 'is already closed',
    });
  });
});
