import { describe, expect, it } from 'vitest';
import { ProjectInput, ProjectPatch } from '../server/modules/projects/schema';
import {
  EMPTY_ROWS,
  type ProjectFormValues,
  projectErrors,
  projectFormValues,
  projectInputOf,
  projectPatchOf,
  rowsWithBlanks,
} from './project-form.server';

function formOf(entries: Array<[string, string]>): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

const blank = { iso3: '', percentage: '' };

const values: ProjectFormValues = {
  language: 'es',
  title: 'Alimentación escolar',
  description: 'Comedores escolares abastecidos por pequeños productores.',
  organisation: '',
  status: '2',
  cooperationType: 'triangular',
  defaultCurrency: 'USD',
  visibility: 'public',
  workingGroupId: '',
  'dates.plannedStart': '2026-01-01',
  'dates.actualStart': '',
  'dates.plannedEnd': '2027-12-31',
  'dates.actualEnd': '',
  sdgGoals: ['2', '4'],
  modalities: [],
  countries: [{ iso3: 'NER', percentage: '60' }, blank, { iso3: 'MLI', percentage: '40' }, blank],
  regions: [],
  sectors: [{ code: '11250', percentage: '' }],
  themes: [{ id: 'school-feeding', percentage: '' }],
  participants: [
    { organisation: 'org-1', name: '', role: '1', southSouthRole: 'provider' },
    { organisation: '', name: 'Ministère de l’Éducation', role: '4', southSouthRole: 'recipient' },
  ],
  budgets: [
    { periodStart: '', periodEnd: '', amount: '', currency: '' },
    { periodStart: '2026-01-01', periodEnd: '2026-12-31', amount: '500000', currency: 'USD' },
  ],
  transactions: [
    { type: '3', date: '2026-03-01', amount: '250000.05', currency: 'USD', provider: 'PNUD', receiver: '' },
  ],
};

describe('project form', () => {
  it('reads single fields, multiple choices and numbered rows as the browser sends them', () => {
    const read = projectFormValues(
      formOf([
        ['title', '  Alimentación  '],
        ['sdgGoals', '2'],
        ['sdgGoals', '4'],
        ['countries.0.iso3', 'NER'],
        ['countries.0.percentage', ' 60 '],
        ['countries.2.iso3', 'MLI'],
        ['budgets.0.amount', '1000'],
        ['countries.1.unknown', 'x'],
        ['nothing.0.iso3', 'x'],
        ['dates.plannedEnd', '2027-12-31'],
      ]),
    );
    expect(read.title).toBe('Alimentación');
    expect(read.sdgGoals).toEqual(['2', '4']);
    expect(read['dates.plannedEnd']).toBe('2027-12-31');
    // Positions are kept, so an error about the third row finds the third row's inputs.
    expect(read.countries).toEqual([
      { iso3: 'NER', percentage: '60' },
      { iso3: '', percentage: '' },
      { iso3: 'MLI', percentage: '' },
    ]);
    expect(read.budgets).toEqual([
      { periodStart: '', periodEnd: '', amount: '1000', currency: '', type: '', status: '' },
    ]);
    expect(read.sectors).toEqual([]);
    expect(read).not.toHaveProperty('nothing');
  });

  it('builds the input the API takes: blank rows left out, empty optional fields null', () => {
    const { input, rows } = projectInputOf(values);
    expect(input).toMatchObject({
      language: 'es',
      status: '2',
      cooperationType: 'triangular',
      dates: { plannedStart: '2026-01-01', actualStart: null, plannedEnd: '2027-12-31', actualEnd: null },
      countries: [
        { iso3: 'NER', percentage: '60' },
        { iso3: 'MLI', percentage: '40' },
      ],
      sectors: [{ code: '11250', percentage: null }],
      participants: [
        { organisation: 'org-1', role: '1', southSouthRole: 'provider' },
        { name: 'Ministère de l’Éducation', role: '4', southSouthRole: 'recipient' },
      ],
      budgets: [{ periodStart: '2026-01-01', periodEnd: '2026-12-31', amount: '500000', currency: 'USD' }],
      transactions: [
        {
          type: '3',
          date: '2026-03-01',
          amount: '250000.05',
          currency: 'USD',
          provider: { name: 'PNUD' },
          receiver: null,
        },
      ],
    });
    expect(input.organisation).toBeUndefined();
    expect(input.workingGroupId).toBeUndefined();
    expect(rows.countries).toEqual([0, 2]);
    expect(rows.budgets).toEqual([1]);
    expect(ProjectInput.safeParse(input).success).toBe(true);
  });

  it('sends malformed rows as typed, so the schema names the field', () => {
    const { input } = projectInputOf({
      ...values,
      budgets: [{ periodStart: '2026-01-01', periodEnd: '', amount: '12.345', currency: 'USD' }],
    });
    const parsed = ProjectInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(
      expect.arrayContaining(['budgets.0.periodEnd', 'budgets.0.amount']),
    );
  });

  it('edits only what changed, lists as a whole, never the language', () => {
    expect(projectPatchOf(values, { ...values }).patch).toEqual({});
    const { patch, rows } = projectPatchOf(values, {
      ...values,
      language: 'fr',
      title: 'Alimentación escolar local',
      countries: [{ iso3: 'NER', percentage: '100' }, blank, blank],
      'dates.actualStart': '2026-02-01',
    });
    expect(patch).toEqual({
      title: 'Alimentación escolar local',
      countries: [{ iso3: 'NER', percentage: '100' }],
      dates: {
        plannedStart: '2026-01-01',
        actualStart: '2026-02-01',
        plannedEnd: '2027-12-31',
        actualEnd: null,
      },
    });
    expect(rows.countries).toEqual([0]);
    expect(ProjectPatch.safeParse(patch).success).toBe(true);
  });

  it('keeps an organisation or group left unchosen, and can empty a list', () => {
    const before = { ...values, organisation: 'org-1', workingGroupId: 'group-1' };
    expect(
      projectPatchOf(before, { ...before, organisation: '', workingGroupId: '', transactions: [] }).patch,
    ).toEqual({ transactions: [] });
  });

  it('maps API error paths back to the form row they came from', () => {
    const { rows } = projectInputOf(values);
    expect(
      projectErrors(
        [
          { field: 'body.countries.1.percentage', message: 'must be a percentage' },
          { field: 'body.countries', message: 'percentages must add up to 100 (they add up to 80)' },
          { field: 'body.budgets.0.amount', message: 'must be a positive amount' },
          { field: 'body.transactions.0.provider.name', message: 'must not be empty' },
          { field: 'body.participants.1.organisation', message: 'unknown organisation' },
          { field: 'body.sdgGoals.1', message: 'must be an SDG goal from 1 to 17' },
          { field: 'body.modalities.0', message: 'unknown modality' },
          { field: 'body.dates.plannedEnd', message: 'must not be before the planned start' },
          { field: 'body.title', message: 'must not be empty' },
          { field: 'body.title', message: 'a second message' },
          { field: 'body', message: 'change at least one field' },
          { field: 'publication', message: 'is already published' },
        ],
        rows,
      ),
    ).toEqual({
      'countries.2.percentage': 'must be a percentage',
      countries: 'percentages must add up to 100 (they add up to 80)',
      'budgets.1.amount': 'must be a positive amount',
      'transactions.0.provider': 'must not be empty',
      'participants.1.organisation': 'unknown organisation',
      sdgGoals: 'must be an SDG goal from 1 to 17',
      modalities: 'unknown modality',
      'dates.plannedEnd': 'must not be before the planned start',
      title: 'must not be empty',
      form: 'change at least one field',
      publication: 'is already published',
    });
  });

  it('without positions, keeps the API’s own row numbers', () => {
    expect(projectErrors([{ field: 'body.sectors.3.code', message: 'unknown DAC sector' }])).toEqual({
      'sectors.3.code': 'unknown DAC sector',
    });
  });

  it('shows the filled rows, then a fixed number of empty ones', () => {
    expect(rowsWithBlanks('countries', undefined)).toHaveLength(EMPTY_ROWS);
    const shown = rowsWithBlanks('countries', [{ iso3: 'NER', percentage: '60' }, blank, blank]);
    expect(shown).toHaveLength(1 + EMPTY_ROWS);
    expect(shown[0]).toEqual({ iso3: 'NER', percentage: '60' });
    // A blank row between filled ones stays, so errors keep their positions.
    expect(rowsWithBlanks('countries', [blank, { iso3: 'MLI', percentage: '' }])).toHaveLength(
      2 + EMPTY_ROWS,
    );
    expect(rowsWithBlanks('budgets', [])[0]).toEqual({
      periodStart: '',
      periodEnd: '',
      amount: '',
      currency: '',
      type: '',
      status: '',
    });
  });

  const indicatorRow = (overrides: Record<string, string> = {}) => ({
    resultType: '2',
    result: 'Niños que reciben comidas escolares',
    indicator: 'Número de escolares',
    ascending: '',
    baseline: '12000',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    target: '20000',
    actual: '17500',
    measure: '',
    baselineYear: '2025',
    baselineDate: '',
    resultDescription: '',
    indicatorDescription: '',
    ...overrides,
  });

  it('groups indicator rows into results, indicators and periods', () => {
    const { input, rows } = projectInputOf({
      ...values,
      indicators: [
        indicatorRow(),
        { ...indicatorRow(), ...Object.fromEntries(Object.keys(indicatorRow()).map((k) => [k, ''])) },
        indicatorRow({ periodStart: '2027-01-01', periodEnd: '2027-12-31', target: '25000', actual: '' }),
        indicatorRow({
          indicator: 'Escuelas abastecidas',
          ascending: 'false',
          baseline: '',
          baselineYear: '',
          target: '5',
          actual: '7',
        }),
        indicatorRow({
          resultType: '1',
          result: 'Cocinas equipadas',
          indicator: 'Cocinas',
          baseline: '',
          baselineYear: '',
        }),
      ],
    });
    expect(input.results).toEqual([
      {
        type: '2',
        title: 'Niños que reciben comidas escolares',
        indicators: [
          {
            title: 'Número de escolares',
            measure: '1',
            ascending: true,
            baseline: { year: 2025, date: null, value: '12000' },
            periods: [
              { start: '2026-01-01', end: '2026-12-31', target: '20000', actual: '17500' },
              { start: '2027-01-01', end: '2027-12-31', target: '25000', actual: null },
            ],
          },
          {
            title: 'Escuelas abastecidas',
            measure: '1',
            ascending: false,
            baseline: null,
            periods: [{ start: '2026-01-01', end: '2026-12-31', target: '5', actual: '7' }],
          },
        ],
      },
      {
        type: '1',
        title: 'Cocinas equipadas',
        indicators: [
          {
            title: 'Cocinas',
            measure: '1',
            ascending: true,
            baseline: null,
            periods: [{ start: '2026-01-01', end: '2026-12-31', target: '20000', actual: '17500' }],
          },
        ],
      },
    ]);
    expect(rows.results).toEqual({
      '0': 0,
      '0.0': 0,
      '0.0.0': 0,
      '0.0.1': 2,
      '0.1': 3,
      '0.1.0': 3,
      '1': 4,
      '1.0': 4,
      '1.0.0': 4,
    });
    expect(ProjectInput.safeParse(input).success).toBe(true);
  });

  it('keeps what the form hides (measure, baseline year, descriptions) through an edit', () => {
    const before: ProjectFormValues = {
      ...values,
      indicators: [
        indicatorRow({
          measure: '2',
          baselineYear: '2025',
          resultDescription: 'Una descripción',
          actual: '',
        }),
      ],
    };
    expect(projectPatchOf(before, { ...before }).patch).toEqual({});
    const { patch } = projectPatchOf(before, {
      ...before,
      indicators: [{ ...before.indicators![0]!, actual: '18000' }],
    });
    expect(patch.results).toEqual([
      {
        type: '2',
        title: 'Niños que reciben comidas escolares',
        description: 'Una descripción',
        indicators: [
          {
            title: 'Número de escolares',
            measure: '2',
            ascending: true,
            baseline: { year: 2025, date: null, value: '12000' },
            periods: [{ start: '2026-01-01', end: '2026-12-31', target: '20000', actual: '18000' }],
          },
        ],
      },
    ]);
    expect(ProjectPatch.safeParse(patch).success).toBe(true);
    // A row whose visible inputs are emptied is removed, hidden ones notwithstanding.
    const emptied = Object.fromEntries(
      Object.entries(before.indicators![0]!).map(([k, v]) => [k, k === 'measure' ? v : '']),
    );
    expect(projectPatchOf(before, { ...before, indicators: [emptied] }).patch).toEqual({ results: [] });
  });

  it('maps errors about results, indicators and periods to the row they came from', () => {
    const { rows } = projectInputOf({
      ...values,
      indicators: [
        { ...indicatorRow(), ...Object.fromEntries(Object.keys(indicatorRow()).map((k) => [k, ''])) },
        indicatorRow(),
        indicatorRow({ periodStart: '2027-01-01', periodEnd: '2027-12-31', target: 'lots' }),
      ],
    });
    expect(
      projectErrors(
        [
          { field: 'body.results.0.indicators.0.periods.1.target', message: 'must be a number' },
          { field: 'body.results.0.indicators.0.baseline.value', message: 'must be a number' },
          { field: 'body.results.0.title', message: 'must not be empty' },
          { field: 'body.results.0.indicators.0.periods.0.end', message: 'must not be before the start' },
          { field: 'body.results', message: 'too many' },
        ],
        rows,
      ),
    ).toEqual({
      'indicators.2.target': 'must be a number',
      'indicators.1.baseline': 'must be a number',
      'indicators.1.result': 'must not be empty',
      'indicators.1.periodEnd': 'must not be before the start',
      indicators: 'too many',
    });
  });

  it('keeps identifiers and activity links the form does not show, and budget kinds', () => {
    const { input } = projectInputOf({
      ...values,
      participants: [
        {
          organisation: '',
          name: 'Agencia',
          role: '3',
          southSouthRole: '',
          ref: 'XM-DAC-0000',
          type: '10',
          activityId: 'XM-DAC-0000-1',
        },
        // A platform organisation brings its own reference: a stale hidden one is not sent.
        {
          organisation: 'org-1',
          name: '',
          role: '1',
          southSouthRole: 'provider',
          ref: 'OLD-REF',
          type: '40',
          activityId: '',
        },
        // Hidden fields alone do not make a row.
        {
          organisation: '',
          name: '',
          role: '',
          southSouthRole: '',
          ref: 'XM-DAC-0000',
          type: '',
          activityId: '',
        },
      ],
      budgets: [
        {
          periodStart: '2026-01-01',
          periodEnd: '2026-12-31',
          amount: '550000',
          currency: 'USD',
          type: '2',
          status: '2',
        },
      ],
      transactions: [
        {
          type: '1',
          date: '2026-02-01',
          amount: '1000',
          currency: 'USD',
          provider: '',
          receiver: '',
          ref: 'TX-1',
          description: 'Primer tramo',
          providerRef: 'XM-DAC-0000',
          providerActivityId: 'XM-DAC-0000-1',
          receiverRef: '',
          receiverActivityId: '',
        },
      ],
    });
    expect(input.participants).toEqual([
      {
        name: 'Agencia',
        role: '3',
        southSouthRole: null,
        ref: 'XM-DAC-0000',
        type: '10',
        activityId: 'XM-DAC-0000-1',
      },
      { organisation: 'org-1', role: '1', southSouthRole: 'provider', activityId: null },
    ]);
    expect(input.budgets).toEqual([
      {
        type: '2',
        status: '2',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        amount: '550000',
        currency: 'USD',
      },
    ]);
    expect(input.transactions).toEqual([
      {
        type: '1',
        date: '2026-02-01',
        amount: '1000',
        currency: 'USD',
        ref: 'TX-1',
        description: 'Primer tramo',
        provider: { name: null, ref: 'XM-DAC-0000', activityId: 'XM-DAC-0000-1' },
        receiver: null,
      },
    ]);
    expect(ProjectInput.safeParse(input).success).toBe(true);
  });
});
