/**
 * A stored ISO time as people read it on paper: local date and time with the zone and its offset,
 * e.g. "3 December 2026, 07:14 CET (UTC+01:00)". `timeZone` is an IANA name; the machine's zone when absent.
 */
export function localDateTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' })
      .formatToParts(date).map((p) => [p.type, p.value]),
  );
  const offsetMinutes = zoneOffsetMinutes(date, timeZone);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  // en-GB names a zone without an abbreviation "GMT+1"; the offset in brackets is then enough.
  const zone = parts.timeZoneName && !/^(GMT|UTC)[+-]/.test(parts.timeZoneName) ? `${parts.timeZoneName} ` : '';
  return `${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute} ${zone}(${offset})`;
}

// The zone's offset from UTC at that instant: the wall-clock fields read back as if they were UTC.
function zoneOffsetMinutes(date: Date, timeZone: string | undefined): number {
  const f = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' })
      .formatToParts(date).map((p) => [p.type, Number(p.value)]),
  );
  const wall = Date.UTC(f.year!, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!);
  return Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}
