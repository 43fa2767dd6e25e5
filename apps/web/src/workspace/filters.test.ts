import { accusation, aidRequest, deployment } from '../test/fixtures';
import {
  filtersActive,
  NO_FILTERS,
  normaliseFilters,
  relationFiltersActive,
  relationInterval,
  relationPasses,
  toggleKind,
  toggleType,
  toggleTypes,
  parseDay,
  validDay,
} from './filters';

describe('relationInterval', () => {
  it('covers every day of a partial date and spans a range', () => {
    expect(relationInterval({ date: '2022-01-05', startDate: null, endDate: null })).toEqual({ start: '2022-01-05', end: '2022-01-05' });
    expect(relationInterval({ date: '2022-01', startDate: null, endDate: null })).toEqual({ start: '2022-01-01', end: '2022-01-31' });
    expect(relationInterval({ date: null, startDate: '2022-01-06', endDate: '2022-01-19' })).toEqual({
      start: '2022-01-06',
      end: '2022-01-19',
    });
    // Started and not ended: still going on.
    expect(relationInterval({ date: null, startDate: '2019', endDate: null })).toEqual({ start: '2019-01-01', end: '9999-12-31' });
    expect(relationInterval({ date: null, startDate: null, endDate: '2021' })).toEqual({ start: '0000-01-01', end: '2021-12-31' });
    expect(relationInterval({ date: null, startDate: null, endDate: null })).toBeNull();
  });
});

describe('relationPasses', () => {
  it('keeps a relation whose span overlaps the range: a membership since 2010 with no end is on in January 2022', () => {
    const membership = { ...deployment, date: null, startDate: '2010', endDate: null };
    const january = { ...NO_FILTERS, from: '2022-01-05', to: '2022-01-31' };
    expect(relationPasses(membership, january)).toBe(true);
    expect(relationPasses(membership, { ...NO_FILTERS, from: '2022-01-05', to: null })).toBe(true);
    expect(relationPasses(membership, { ...NO_FILTERS, from: null, to: '2009-12-31' })).toBe(false);
    const ended = { ...membership, endDate: '2021-06' };
    expect(relationPasses(ended, january)).toBe(false);
    expect(relationPasses(ended, { ...NO_FILTERS, from: '2021-06-30', to: '2022-01-31' })).toBe(true);
  });

  it('passes everything without filters', () => {
    for (const r of [aidRequest, accusation, deployment]) expect(relationPasses(r, NO_FILTERS)).toBe(true);
  });

  it('hides filtered types and relations with too few sources', () => {
    expect(relationPasses(aidRequest, { ...NO_FILTERS, hiddenTypes: ['REQUESTED_AID_FROM'] })).toBe(false);
    expect(relationPasses(deployment, { ...NO_FILTERS, minSources: 2 })).toBe(false);
    expect(relationPasses(aidRequest, { ...NO_FILTERS, minSources: 2 })).toBe(true);
  });

  it('keeps relations that overlap the date range, and undated ones unless told not to', () => {
    const fifth = { ...NO_FILTERS, from: '2022-01-05', to: '2022-01-05' };
    expect(relationPasses(aidRequest, fifth)).toBe(true); // on the 5th
    expect(relationPasses(accusation, fifth)).toBe(false); // on the 7th
    expect(relationPasses(deployment, { ...fifth, from: '2022-01-10', to: '2022-01-10' })).toBe(true); // 6th–19th
    const undated = { ...aidRequest, date: null };
    expect(relationPasses(undated, fifth)).toBe(true);
    expect(relationPasses(undated, { ...fifth, includeUndated: false })).toBe(false);
    expect(relationPasses(accusation, { ...NO_FILTERS, from: '2022-01-06' })).toBe(true);
    expect(relationPasses(aidRequest, { ...NO_FILTERS, from: '2022-01-06' })).toBe(false);
  });
});

describe('normaliseFilters and toggles', () => {
  it('sorts, de-duplicates, clamps and swaps a reversed range', () => {
    const f = normaliseFilters({
      hiddenKinds: ['Place', 'Person', 'Place'],
      hiddenTypes: ['LEADS', 'ACCUSED', 'LEADS'],
      minSources: 99,
      from: '2022-02-01',
      to: '2022-01-01',
      includeUndated: true,
    });
    expect(f).toEqual({
      hiddenKinds: ['Person', 'Place'],
      hiddenTypes: ['ACCUSED', 'LEADS'],
      minSources: 20,
      from: '2022-01-01',
      to: '2022-02-01',
      includeUndated: true,
    });
    expect(normaliseFilters({ ...NO_FILTERS, minSources: -3, from: '2022-02-30' })).toMatchObject({ minSources: 1, from: null });
  });

  it('validDay accepts real days only', () => {
    expect(validDay('2022-01-05')).toBe('2022-01-05');
    expect(validDay('2022-01')).toBeNull();
    expect(validDay('2022-13-01')).toBeNull();
    expect(validDay('')).toBeNull();
    // What a date field holds while a year is being typed digit by digit.
    expect(validDay('0002-01-04')).toBeNull();
    expect(validDay('0202-01-04')).toBeNull();
  });

  it('parseDay: open when empty, a day when real, an error (never a value) otherwise', () => {
    expect(parseDay('')).toEqual({ ok: true, day: null });
    expect(parseDay('  ')).toEqual({ ok: true, day: null });
    expect(parseDay('2022-01-04')).toEqual({ ok: true, day: '2022-01-04' });
    expect(parseDay(' 2022-1-4 ')).toEqual({ ok: true, day: '2022-01-04' });
    for (const typed of ['0', '01', '0104', '01042022', '0002-01-04', '2022-02-30', '2022-13-01', '2022-01', '22-01-04', 'x']) {
      const parsed = parseDay(typed);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/YYYY-MM-DD|not a day/);
    }
    expect(parseDay('2022-02-30')).toEqual({ ok: false, error: '2022-02-30 is not a day in the calendar.' });
  });

  it('toggles kinds, types and whole families', () => {
    const noPeople = toggleKind(NO_FILTERS, 'Person');
    expect(noPeople.hiddenKinds).toEqual(['Person']);
    expect(toggleKind(noPeople, 'Person').hiddenKinds).toEqual([]);
    expect(toggleKind(NO_FILTERS, 'Planet')).toBe(NO_FILTERS);
    expect(toggleType(NO_FILTERS, 'LEADS').hiddenTypes).toEqual(['LEADS']);
    const some = toggleType(NO_FILTERS, 'LEADS');
    const all = toggleTypes(some, ['APPOINTED', 'LEADS']);
    expect(all.hiddenTypes).toEqual(['APPOINTED', 'LEADS']);
    expect(toggleTypes(all, ['APPOINTED', 'LEADS']).hiddenTypes).toEqual([]);
  });

  it('says which filters are on', () => {
    expect(filtersActive(NO_FILTERS)).toBe(false);
    expect(filtersActive({ ...NO_FILTERS, hiddenKinds: ['Event'] })).toBe(true);
    expect(relationFiltersActive({ ...NO_FILTERS, hiddenKinds: ['Event'] })).toBe(false);
    expect(relationFiltersActive({ ...NO_FILTERS, to: '2022-01-05' })).toBe(true);
  });
});
