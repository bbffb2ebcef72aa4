import { describe, expect, it } from 'vitest';
import { type EventFormValues, eventInputOf, eventPatchOf } from './event-form.server';

const loaded: EventFormValues = {
  language: 'en',
  title: 'Meeting',
  description: '',
  kind: 'meeting',
  start: '2026-07-01T14:00',
  end: '2026-07-01T16:00',
  allDay: false,
  timeZone: 'Europe/Paris',
  location: 'Geneva',
  onlineUrl: '',
  organisers: [],
  workingGroupId: '',
  visibility: 'members',
  registration: 'none',
  capacity: '',
};

describe('event form', () => {
  it('sends nothing when nothing changed', () => {
    expect(eventPatchOf(loaded, { ...loaded })).toEqual({});
  });

  it('sends only changed fields, clearing emptied optional ones with null', () => {
    expect(eventPatchOf(loaded, { ...loaded, title: 'Renamed', location: '', capacity: '20' })).toEqual({
      title: 'Renamed',
      location: null,
      capacity: 20,
    });
  });

  it('sends start, end and zone together when any of them changes', () => {
    expect(eventPatchOf(loaded, { ...loaded, timeZone: 'Asia/Tokyo' })).toEqual({
      start: '2026-07-01T14:00',
      end: '2026-07-01T16:00',
      timeZone: 'Asia/Tokyo',
    });
    expect(eventPatchOf(loaded, { ...loaded, allDay: true })).toEqual({
      start: '2026-07-01',
      end: '2026-07-01',
      timeZone: null,
    });
  });

  it('keeps a date-only event’s dates when the form shows them unchanged', () => {
    const dateOnly = { ...loaded, allDay: true, start: '2009-12-01', end: '', timeZone: '' };
    expect(eventPatchOf(dateOnly, { ...dateOnly, start: '2009-12-01T00:00', timeZone: 'UTC' })).toEqual({});
  });

  it('drops seconds from datetime-local values and passes odd capacities on for validation', () => {
    const input = eventInputOf({ ...loaded, start: '2026-07-01T14:00:00', capacity: 'ten' });
    expect(input.start).toBe('2026-07-01T14:00');
    expect(input.capacity).toBe('ten');
  });
});
