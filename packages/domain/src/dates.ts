/**
 * Dates in Steppe are calendar dates at the precision a source gives:
 * a year ("2019"), a month ("2022-01") or a day ("2022-01-05"). They are kept
 * as strings so that "January 2022" is not silently turned into 1 January.
 */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isPartialDate(value: string): boolean {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  const month = mo === undefined ? 1 : Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** The first day a partial date covers ("2022-01" → "2022-01-01"). */
export function dateStart(value: string): string {
  if (!isPartialDate(value)) throw new Error(`Not a date: "${value}"`);
  const [y, m = '01', d = '01'] = value.split('-');
  return `${y}-${m}-${d}`;
}

/** The last day a partial date covers ("2022-02" → "2022-02-28"). */
export function dateEnd(value: string): string {
  if (!isPartialDate(value)) throw new Error(`Not a date: "${value}"`);
  const parts = value.split('-');
  const y = Number(parts[0]);
  if (parts.length === 1) return `${y}-12-31`;
  const m = Number(parts[1]);
  if (parts.length === 2) {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${parts[0]}-${parts[1]}-${String(last).padStart(2, '0')}`;
  }
  return value;
}
