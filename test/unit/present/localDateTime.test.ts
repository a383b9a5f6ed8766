import { describe, expect, it } from 'vitest';
import { localDateTime } from '../../../shared/present/localDateTime.ts';

describe('local date and time on paper', () => {
  it('names the zone and its offset, in winter and in summer', () => {
    expect(localDateTime('2026-12-03T06:14:00.000Z', 'Europe/Paris')).toBe('3 December 2026, 07:14 CET (UTC+01:00)');
    expect(localDateTime('2026-07-03T06:14:00.000Z', 'Europe/Paris')).toBe('3 July 2026, 08:14 CEST (UTC+02:00)');
    expect(localDateTime('2026-12-03T06:14:00.000Z', 'UTC')).toBe('3 December 2026, 06:14 UTC (UTC+00:00)');
  });

  it('gives the offset alone where the zone has no abbreviation, and negative and half-hour offsets right', () => {
    expect(localDateTime('2026-12-03T06:14:00.000Z', 'Asia/Kolkata')).toBe('3 December 2026, 11:44 (UTC+05:30)');
    expect(localDateTime('2026-12-03T06:14:00.000Z', 'America/St_Johns')).toBe('3 December 2026, 02:44 (UTC-03:30)');
    expect(localDateTime('2026-12-03T23:30:00.000Z', 'Pacific/Auckland')).toMatch(/^4 December 2026, 12:30 .*\(UTC\+13:00\)$/);
  });

  it('leaves text that is not a time as it is', () => {
    expect(localDateTime('not a time')).toBe('not a time');
  });
});
