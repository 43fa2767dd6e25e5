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
  validDay,
} from './filters';

describe('relationInterval', () => {
  it('covers every day of a partial date and spans a range', () => {
    expect(relationInterval({ date: '2022-01-05', startDate: null, endDate: null })).toEqual({ start: '2022-01-05', end: '2022-01-05' });
    expect(relationInterval({ date: '2022-01', startDate: null, endDate: null })).toEqual({ start: '2022-01-01', end: '2022-01-31' });
    expect(relationInterval({ date: null, startDate: '2022-01-06', endDate: '2022-01-19' })).toEqual({ start: '2022-01-06', end: '2022-01-19' });
    expect(relationInterval({ date: null, startDate: '2019', endDate: null })).toEqual({ start: '2019-01-01', end: '2019-12-31' });
    expect(relationInterval({ date: null, startDate: null, endDate: '2021' })).toEqual({ start: '0000-01-01', end: '2021-12-31' });
    expect(relationInterval({ date: null, startDate: null, endDate: null })).toBeNull();
  });
});

describe('relationPasses', () => {
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
