import { describe, expect, it } from 'vitest';
import { AppError } from '../server/errors';
import {
  allocationInputOf,
  type ContributionFormValues,
  contributionEditValues,
  contributionFormValues,
  contributionInputOf,
  contributionPatchOf,
  type FundingFormValues,
  fundFormValues,
  fundInputOf,
  fundingErrors,
  lineFormValues,
  lineInputOf,
  safeReturnTo,
} from './funding-form.server';

function formOf(entries: Array<[string, string]>): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

/** The errors a parse throws, keyed by form field as the page shows them; never anything but a 422. */
function errorsOf(parse: () => unknown, values: FundingFormValues): Record<string, string> {
  try {
    parse();
  } catch (error) {
    if (!AppError.is(error)) throw error;
    expect(error.status).toBe(422);
    return fundingErrors(error.errors, values);
  }
  throw new Error('expected the form to be refused');
}

const contribution: ContributionFormValues = {
  donor: '',
  donorName: 'Government of Qatar',
  appeal: 'ct-multi-year-appeal-2021-2022',
  fund: '',
  project: 'border-security-sahel',
  amount: '250000.00',
  currency: 'USD',
  otherCurrency: '',
  status: 'paid',
  madeOn: '2024-03-15',
  note: '',
  returnTo: '',
};

describe('funding forms', () => {
  it('reads a contribution as the browser sends it, trimmed, into the API input', () => {
    const values = contributionFormValues(
      formOf([
        ['donor', 'org-1'],
        ['donorName', '  '],
        ['appeal', 'ct-multi-year-appeal-2021-2022'],
        ['project', ' border-security-sahel '],
        ['amount', ' 250 000.50 '],
        ['currency', 'USD'],
        ['otherCurrency', ''],
        ['status', 'paid'],
        ['madeOn', '2024-03-15'],
        ['note', 'First tranche'],
        ['unknown', 'ignored'],
      ]),
    );
    expect(values.project).toBe('border-security-sahel');
    expect(values.donorName).toBe('');
    expect(values.fund).toBe('');
    expect(contributionInputOf(values)).toEqual({
      donor: 'org-1',
      appeal: 'ct-multi-year-appeal-2021-2022',
      project: 'border-security-sahel',
      amount: '250000.50',
      currency: 'USD',
      status: 'paid',
      madeOn: '2024-03-15',
      note: 'First tranche',
    });
  });

  it('takes a currency typed as "other" over the one chosen, upper-cased', () => {
    const input = contributionInputOf({ ...contribution, currency: 'USD', otherCurrency: 'xof' });
    expect(input.currency).toBe('XOF');
  });

  it('places a bad amount, an unknown currency and a badly written date beside their inputs', () => {
    const values = { ...contribution, amount: '12,5O', otherCurrency: 'XYZ', madeOn: '15/03/2024' };
    const errors = errorsOf(() => contributionInputOf(values), values);
    expect(errors).toEqual({
      amount: expect.stringMatching(/positive amount/),
      otherCurrency: 'unknown currency',
      madeOn: 'must be a date such as 2027-01-31',
    });
    // A currency chosen from the list (no "other") is reported beside the list.
    const chosen = { ...contribution, currency: 'usd' };
    expect(errorsOf(() => contributionInputOf(chosen), chosen)).toEqual({
      currency: expect.stringMatching(/ISO 4217/),
    });
  });

  it('asks for a donor, a destination and a status', () => {
    const values = {
      ...contribution,
      donor: '',
      donorName: '',
      appeal: '',
      project: '',
      status: '',
      amount: '',
    };
    const errors = errorsOf(() => contributionInputOf(values), values);
    expect(errors.donor).toBe('choose the donor, or write its name');
    expect(errors.appeal).toMatch(/appeal, the fund or the project/);
    expect(errors.status).toBe('must be one of pledged, paid');
    expect(errors.amount).toMatch(/positive amount/);
    expect(Object.keys(errors)).not.toContain('form');
  });

  it('maps the write errors of the API to the form fields', () => {
    expect(
      fundingErrors([
        { field: 'body.amount', message: 'must be more than 0' },
        { field: 'body.madeOn', message: 'a paid contribution cannot be dated in the future' },
        { field: 'body.managers.2', message: 'unknown organisation "nowhere"' },
        { field: 'body.managers.3', message: 'unknown organisation "elsewhere"' },
        { field: 'body.project', message: 'is not listed in the appeal "x"' },
        { field: 'body', message: 'change at least one field' },
        { field: 'path.id', message: 'not a uuid' },
      ]),
    ).toEqual({
      amount: 'must be more than 0',
      madeOn: 'a paid contribution cannot be dated in the future',
      managers: 'unknown organisation "nowhere"',
      project: 'is not listed in the appeal "x"',
      form: 'change at least one field',
    });
  });

  it('reads an appeal with its period and managers; a year must be four digits', () => {
    const values = fundFormValues(
      formOf([
        ['name', 'Counter-terrorism appeal 2027–2028'],
        ['description', ''],
        ['language', 'en'],
        ['currency', 'USD'],
        ['otherCurrency', ''],
        ['periodStart', '2027'],
        ['periodEnd', '2028'],
        ['managers', 'unoct'],
        ['managers', 'uncct'],
      ]),
    );
    expect(fundInputOf(values)).toEqual({
      name: 'Counter-terrorism appeal 2027–2028',
      language: 'en',
      currency: 'USD',
      periodStart: 2027,
      periodEnd: 2028,
      managers: ['unoct', 'uncct'],
    });
    const bad = { ...values, name: ' ', periodStart: '27', periodEnd: 'soon' };
    expect(errorsOf(() => fundInputOf(bad), bad)).toEqual({
      name: 'must not be empty',
      periodStart: 'must be a year such as 2027',
      periodEnd: 'must be a year such as 2027',
    });
  });

  it('reads an appeal line and asks for its project and requirement', () => {
    const values = lineFormValues(
      formOf([
        ['project', 'border-security-sahel'],
        ['programme', 'Border security'],
        ['requirement', '1 200 000'],
        ['currency', ''],
        ['otherCurrency', 'eur'],
      ]),
    );
    expect(lineInputOf(values)).toEqual({
      project: 'border-security-sahel',
      input: { requirement: '1200000', currency: 'EUR', programme: 'Border security' },
    });
    const bad = { ...values, project: '', requirement: '-5' };
    expect(errorsOf(() => lineInputOf(bad), bad)).toEqual({
      project: 'choose the project',
      requirement: expect.stringMatching(/positive amount/),
    });
  });

  it('reads an allocation and asks for its project', () => {
    const values = {
      project: '',
      appeal: '',
      amount: '5000',
      currency: 'USD',
      otherCurrency: '',
      allocatedOn: '2024-02-30',
      note: '',
    };
    expect(errorsOf(() => allocationInputOf(values), values)).toEqual({
      project: 'choose the project',
      allocatedOn: 'must be a date such as 2027-01-31',
    });
    expect(allocationInputOf({ ...values, project: 'p', allocatedOn: '2024-02-29' })).toEqual({
      project: 'p',
      amount: '5000',
      currency: 'USD',
      allocatedOn: '2024-02-29',
    });
  });

  it('edits only what changed: marking a pledge paid, or nothing at all', () => {
    const before = {
      status: 'pledged',
      madeOn: '2024-01-10',
      amount: '1000.00',
      currency: 'USD',
      otherCurrency: '',
      note: '',
    };
    expect(contributionPatchOf(before, { ...before })).toEqual({});
    const after = contributionEditValues(
      formOf([
        ['status', 'paid'],
        ['madeOn', '2024-02-01'],
        ['amount', '1000.00'],
        ['currency', 'USD'],
        ['otherCurrency', ''],
        ['note', ''],
      ]),
    );
    expect(contributionPatchOf(before, after)).toEqual({ status: 'paid', madeOn: '2024-02-01' });
    const bad = { ...after, amount: 'a lot' };
    expect(errorsOf(() => contributionPatchOf(before, bad), bad)).toEqual({
      amount: expect.stringMatching(/positive amount/),
    });
  });

  it('goes back only to a local appeal or fund page in the reader’s language', () => {
    expect(safeReturnTo('en', '/en/appeals/ct-multi-year-appeal-2021-2022')).toBe(
      '/en/appeals/ct-multi-year-appeal-2021-2022',
    );
    expect(safeReturnTo('en', '/en/funds/ibsa-fund?groupBy=country')).toBe(
      '/en/funds/ibsa-fund?groupBy=country',
    );
    for (const unsafe of [
      'https://evil.example/en/appeals/x',
      '//evil.example/en/appeals/x',
      '/en/appeals/../../admin/audit',
      '/fr/appeals/x',
      '/en/projects/x',
      '/en/appealsx',
      '/en/appeals/x\\y',
      'javascript:alert(1)',
      '',
      null,
    ])
      expect(safeReturnTo('en', unsafe), String(unsafe)).toBeNull();
  });
});
