import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, timeZoneNames } from './time-zones';

describe('time zones', () => {
  it('spells zones canonically, by their current IANA names', () => {
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('Asia/Ho_Chi_Minh')).toBe('Asia/Ho_Chi_Minh');
    expect(canonicalTimeZone('asia/saigon')).toBe('Asia/Ho_Chi_Minh');
    expect(canonicalTimeZone('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
  });

  it('refuses offsets and unknown names', () => {
    expect(canonicalTimeZone('+05:30')).toBeUndefined();
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(canonicalTimeZone('')).toBeUndefined();
  });

  it('offers current names in the zone list', () => {
    const names = timeZoneNames();
    expect(names[0]).toBe('UTC');
    expect(names).toContain('Asia/Ho_Chi_Minh');
    expect(names).not.toContain('Asia/Saigon');
    expect(names).toContain('Europe/Kyiv');
  });
});
