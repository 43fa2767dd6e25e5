import { dateEnd, dateStart, ENTITY_KINDS, isEntityKind, isPartialDate, type EntityKind } from '@steppe/domain';
import type { RelationData } from '../api/types';

/**
 * What the analyst has filtered out. Filters hide elements on the canvas;
 * they never remove them, so clearing a filter brings the same picture back.
 * Stored as what is hidden (not what is shown) so that an empty filter means
 * "everything" whatever the vocabulary holds.
 */
export interface Filters {
  hiddenKinds: EntityKind[];
  hiddenTypes: string[];
  /** Relations cited by fewer distinct sources are hidden; 1 hides nothing. */
  minSources: number;
  /** Inclusive day range, YYYY-MM-DD; null is open. */
  from: string | null;
  to: string | null;
  /** Whether relations without a date stay visible while a date range is set (the API's rule). */
  includeUndated: boolean;
}

export const NO_FILTERS: Filters = {
  hiddenKinds: [],
  hiddenTypes: [],
  minSources: 1,
  from: null,
  to: null,
  includeUndated: true,
};

export const MAX_MIN_SOURCES = 20;

/**
 * Typed days: YYYY-MM-DD, with one- or two-digit month and day. The year must
 * have four digits and not start with 0: a half-typed year ("0002", "0202")
 * is not a day anyone means, and years before 1000 break the calendar
 * arithmetic in browsers (Date.UTC maps 0–99 to 1900–1999).
 */
const TYPED_DAY = /^([1-9]\d{3})-(\d{1,2})-(\d{1,2})$/;

export const DAY_FORMAT_HINT = 'YYYY-MM-DD, e.g. 2022-01-05';

export type ParsedDay = { ok: true; day: string | null } | { ok: false; error: string };

/**
 * The one place a date typed or read for a filter is parsed: an empty value
 * is an open end (null); a real calendar day comes back as YYYY-MM-DD;
 * anything else is an error message for the person typing and never reaches
 * the filters.
 */
export function parseDay(text: string | null | undefined): ParsedDay {
  const value = (text ?? '').trim();
  if (value === '') return { ok: true, day: null };
  const m = TYPED_DAY.exec(value);
  if (!m) return { ok: false, error: `Type a date as ${DAY_FORMAT_HINT}.` };
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  if (!isPartialDate(day)) return { ok: false, error: `${value} is not a day in the calendar.` };
  return { ok: true, day };
}

/** A YYYY-MM-DD string that is a real day, or null (anything else, e.g. from the address bar, is dropped). */
export function validDay(value: string | null | undefined): string | null {
  const parsed = parseDay(value);
  return parsed.ok ? parsed.day : null;
}

/** Sorted, de-duplicated, clamped; from ≤ to (swapped if given the other way round). */
export function normaliseFilters(f: Filters): Filters {
  let from = validDay(f.from);
  let to = validDay(f.to);
  if (from && to && from > to) [from, to] = [to, from];
  const minSources = Number.isFinite(f.minSources) ? Math.min(MAX_MIN_SOURCES, Math.max(1, Math.round(f.minSources))) : 1;
  return {
    hiddenKinds: ENTITY_KINDS.filter((k) => f.hiddenKinds.includes(k)),
    hiddenTypes: [...new Set(f.hiddenTypes)].sort(),
    minSources,
    from,
    to,
    includeUndated: f.includeUndated,
  };
}

export function sameFilters(a: Filters, b: Filters): boolean {
  return (
    a.hiddenKinds.join() === b.hiddenKinds.join() &&
    a.hiddenTypes.join() === b.hiddenTypes.join() &&
    a.minSources === b.minSources &&
    a.from === b.from &&
    a.to === b.to &&
    a.includeUndated === b.includeUndated
  );
}

/** Whether any filter that hides relations is on (kinds hide entities, not relations). */
export function relationFiltersActive(f: Filters): boolean {
  return f.hiddenTypes.length > 0 || f.minSources > 1 || f.from !== null || f.to !== null;
}

export function filtersActive(f: Filters): boolean {
  return f.hiddenKinds.length > 0 || relationFiltersActive(f);
}

/** Before any date: the start of a relation known only to have ended by some date. */
export const OPEN_START = '0000-01-01';
/** After any date: the end of a relation that started and has not (as far as the sources say) ended. */
export const OPEN_END = '9999-12-31';

/**
 * The days a relation covers: a partial date covers all its days; a span
 * from its start to its end. A span with only a start is still going on (a
 * membership since 2010 with no end is "on" in January 2022); one with only
 * an end is open towards the past. Null when undated. A date filter keeps a
 * relation whose days overlap its range.
 */
export function relationInterval(r: Pick<RelationData, 'date' | 'startDate' | 'endDate'>): { start: string; end: string } | null {
  const valid = (v: string | null) => (v && isPartialDate(v) ? v : null);
  const date = valid(r.date);
  if (date) return { start: dateStart(date), end: dateEnd(date) };
  const start = valid(r.startDate);
  const end = valid(r.endDate);
  if (!start && !end) return null;
  return { start: start ? dateStart(start) : OPEN_START, end: end ? dateEnd(end) : OPEN_END };
}

/** Whether a relation passes the type, source-count and date filters. */
export function relationPasses(r: RelationData, f: Filters): boolean {
  if (f.hiddenTypes.includes(r.type)) return false;
  if (r.sourceCount < f.minSources) return false;
  if (f.from === null && f.to === null) return true;
  const interval = relationInterval(r);
  if (!interval) return f.includeUndated;
  if (f.from !== null && interval.end < f.from) return false;
  if (f.to !== null && interval.start > f.to) return false;
  return true;
}

export function toggleKind(f: Filters, kind: string): Filters {
  if (!isEntityKind(kind)) return f;
  const hidden = f.hiddenKinds.includes(kind) ? f.hiddenKinds.filter((k) => k !== kind) : [...f.hiddenKinds, kind];
  return normaliseFilters({ ...f, hiddenKinds: hidden });
}

export function toggleType(f: Filters, type: string): Filters {
  const hidden = f.hiddenTypes.includes(type) ? f.hiddenTypes.filter((t) => t !== type) : [...f.hiddenTypes, type];
  return normaliseFilters({ ...f, hiddenTypes: hidden });
}

/**
 * Toggles a group of types (a relation family in the legend): when all of
 * them are hidden they are all shown again, otherwise all are hidden.
 */
export function toggleTypes(f: Filters, types: readonly string[]): Filters {
  if (types.length === 0) return f;
  const allHidden = types.every((t) => f.hiddenTypes.includes(t));
  const hidden = allHidden ? f.hiddenTypes.filter((t) => !types.includes(t)) : [...f.hiddenTypes, ...types];
  return normaliseFilters({ ...f, hiddenTypes: hidden });
}
