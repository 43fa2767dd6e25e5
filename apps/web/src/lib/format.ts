import { isPartialDate, STANCE_INFO, isStance } from '@steppe/domain';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A partial date at its own precision: "2022" → "2022", "2022-01" → "January
 * 2022", "2022-01-05" → "5 January 2022". Never invents a day or a month;
 * anything else is shown as given.
 */
export function formatPartialDate(value: string | null | undefined): string {
  if (!value) return '';
  if (!isPartialDate(value)) return value;
  const [y, m, d] = value.split('-');
  if (m === undefined) return y ?? value;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** A single date, or a range from what a relation carries; '' when it has none. */
export function formatWhen(date: string | null, startDate: string | null, endDate: string | null): string {
  if (date) return formatPartialDate(date);
  if (startDate && endDate) return `${formatPartialDate(startDate)} – ${formatPartialDate(endDate)}`;
  if (startDate) return `from ${formatPartialDate(startDate)}`;
  if (endDate) return `until ${formatPartialDate(endDate)}`;
  return '';
}

export function stanceLabel(stance: string): string {
  return isStance(stance) ? STANCE_INFO[stance].label : stance.toLowerCase();
}

export function stanceDescription(stance: string): string {
  return isStance(stance) ? STANCE_INFO[stance].description : '';
}

export function formatConfidence(value: number): string {
  if (!Number.isFinite(value)) return '';
  return `${Math.round(Math.min(1, Math.max(0, value)) * 100)}%`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
