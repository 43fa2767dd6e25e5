import type { RelationData } from '../api/types';
import { OPEN_END, OPEN_START, relationInterval } from '../workspace/filters';

/**
 * A histogram of when the relations on the canvas happened, for the date
 * filter's brush. Bins are days, months or years depending on the span, so a
 * range of decades and a single week both read well; brushing a range and
 * then looking again shows that range in finer bins.
 */
export type BinUnit = 'day' | 'month' | 'year';

export interface Bin {
  /** First and last day the bin covers (YYYY-MM-DD). */
  start: string;
  end: string;
  label: string;
  count: number;
}

export interface Histogram {
  unit: BinUnit;
  bins: Bin[];
  /** Relations with no date (not in any bin). */
  undated: number;
}

const MS_PER_DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function toDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return toDay(new Date(toDate(day).getTime() + n * MS_PER_DAY));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / MS_PER_DAY);
}

/** Days for up to ~3 months, months for up to 4 years, years beyond. */
export function chooseUnit(from: string, to: string): BinUnit {
  const span = daysBetween(from, to) + 1;
  if (span <= 92) return 'day';
  if (span <= 4 * 366) return 'month';
  return 'year';
}

/** A UTC date; unlike Date.UTC, years 0–99 stay themselves instead of becoming 1900–1999. */
function utc(y: number, m: number, d: number): Date {
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(y, m, d);
  return date;
}

function binAt(day: string, unit: BinUnit): Bin {
  const d = toDate(day);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a day: "${day}"`);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const year = String(y).padStart(4, '0');
  if (unit === 'day') return { start: day, end: day, label: `${d.getUTCDate()} ${MONTHS[m]} ${y}`, count: 0 };
  if (unit === 'month') {
    const start = toDay(utc(y, m, 1));
    const end = toDay(utc(y, m + 1, 0));
    return { start, end, label: `${MONTHS[m]} ${y}`, count: 0 };
  }
  return { start: `${year}-01-01`, end: `${year}-12-31`, label: String(y), count: 0 };
}

/** The bins from the one holding `from` to the one holding `to`. */
export function binsFor(from: string, to: string, unit: BinUnit = chooseUnit(from, to)): Bin[] {
  const bins: Bin[] = [];
  let bin = binAt(from, unit);
  while (bin.start <= to && bins.length < 5_000) {
    bins.push(bin);
    bin = binAt(addDays(bin.end, 1), unit);
  }
  return bins;
}

/** The span of the dated relations, or null when none is dated. */
export function dateExtent(relations: readonly RelationData[]): { from: string; to: string } | null {
  let from: string | null = null;
  let to: string | null = null;
  for (const r of relations) {
    const i = relationInterval(r);
    if (!i) continue;
    // An open start or end would stretch the axis to year 0 or 9999: use the known end's or start's year instead.
    const start = i.start === OPEN_START ? i.end.slice(0, 4) + '-01-01' : i.start;
    const end = i.end === OPEN_END ? i.start.slice(0, 4) + '-12-31' : i.end;
    if (from === null || start < from) from = start;
    if (to === null || end > to) to = end;
  }
  return from !== null && to !== null ? { from, to } : null;
}

/**
 * Counts relations per bin over `domain` (default: their own extent). A
 * relation that spans several bins counts in each of them.
 */
export function histogram(relations: readonly RelationData[], domain?: { from: string; to: string } | null): Histogram {
  const span = domain ?? dateExtent(relations);
  let undated = 0;
  if (!span) return { unit: 'day', bins: [], undated: relations.filter((r) => !relationInterval(r)).length };
  const unit = chooseUnit(span.from, span.to);
  const bins = binsFor(span.from, span.to, unit);
  for (const r of relations) {
    const i = relationInterval(r);
    if (!i) {
      undated++;
      continue;
    }
    for (const bin of bins) if (i.start <= bin.end && i.end >= bin.start) bin.count++;
  }
  return { unit, bins, undated };
}

/** The day range covered by bins i..j (in either order). */
export function rangeOfBins(bins: readonly Bin[], i: number, j: number): { from: string; to: string } | null {
  const a = bins[Math.max(0, Math.min(i, j))];
  const b = bins[Math.min(bins.length - 1, Math.max(i, j))];
  return a && b ? { from: a.start, to: b.end } : null;
}
