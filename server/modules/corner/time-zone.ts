/** IANA time zones and hours of the week, for availability overlap across zones. */

export const HOURS_PER_WEEK = 168;

/** True for a time zone Intl knows (Asia/Shanghai, America/New_York, UTC …). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z0-9_+\-/]{1,64}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at the given instant, in minutes (east positive). */
export function offsetMinutes(zone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/**
 * Local hours of the week → UTC hours of the week, with today's offset (daylight saving shifts a
 * schedule by an hour twice a year; good enough for "usually free"). Half-hour zones round to the hour.
 */
export function toUtcHours(localHours: Iterable<number>, zone: string, at: number): Set<number> {
  const shift = Math.round(offsetMinutes(zone, at) / 60);
  const out = new Set<number>();
  for (const h of localHours) out.add((((h - shift) % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK);
  return out;
}

/** Stored form: 168 characters, '1' for a free hour. */
export function encodeAvailability(hours: number[]): string {
  const bits = Array<string>(HOURS_PER_WEEK).fill('0');
  for (const h of hours) bits[h] = '1';
  return bits.join('');
}

export function decodeAvailability(stored: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.min(stored.length, HOURS_PER_WEEK); i++) if (stored[i] === '1') out.push(i);
  return out;
}
