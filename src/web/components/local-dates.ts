const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A local date as the instant the API compares with: the first millisecond of that day here, or
 * the last. Anything else is passed on as typed, so that the server names the field at fault.
 */
export function localInstant(value: string, edge: 'start' | 'end'): string {
  const m = DATE.exec(value);
  if (!m) return value;
  const day = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (edge === 'end' ? 1 : 0));
  if (Number.isNaN(day.getTime())) return value;
  return new Date(day.getTime() - (edge === 'end' ? 1 : 0)).toISOString();
}

/** A Date as the local YYYY-MM-DD a date input holds. */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
