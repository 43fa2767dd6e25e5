import { accusation, aidRequest, deployment } from '../test/fixtures';
import { addDays, binsFor, chooseUnit, dateExtent, histogram, rangeOfBins } from './histogram';

describe('date helpers', () => {
  it('adds days across months and picks a bin size for the span', () => {
    expect(addDays('2022-01-31', 1)).toBe('2022-02-01');
    expect(chooseUnit('2022-01-01', '2022-01-31')).toBe('day');
    expect(chooseUnit('2021-01-01', '2022-01-31')).toBe('month');
    expect(chooseUnit('1991-01-01', '2022-01-31')).toBe('year');
  });

  it('makes whole bins that cover the span', () => {
    expect(binsFor('2022-01-30', '2022-02-02').map((b) => b.start)).toEqual(['2022-01-30', '2022-01-31', '2022-02-01', '2022-02-02']);
    const months = binsFor('2021-11-15', '2022-01-10', 'month');
    expect(months.map((b) => [b.start, b.end, b.label])).toEqual([
      ['2021-11-01', '2021-11-30', 'Nov 2021'],
      ['2021-12-01', '2021-12-31', 'Dec 2021'],
      ['2022-01-01', '2022-01-31', 'Jan 2022'],
    ]);
  });
});

describe('histogram', () => {
  it('counts relations per day over their extent; a range counts in every day it covers', () => {
    const undated = { ...aidRequest, id: 'u', date: null };
    const h = histogram([aidRequest, accusation, deployment, undated]);
    expect(dateExtent([aidRequest, deployment])).toEqual({ from: '2022-01-05', to: '2022-01-19' });
    expect(h.unit).toBe('day');
    expect(h.undated).toBe(1);
    const count = (day: string) => h.bins.find((b) => b.start === day)?.count;
    expect(count('2022-01-05')).toBe(1);
    expect(count('2022-01-06')).toBe(1);
    expect(count('2022-01-07')).toBe(2);
    expect(count('2022-01-19')).toBe(1);
    expect(h.bins).toHaveLength(15);
  });

  it('uses the given domain (the date filter) and is empty without dated relations', () => {
    expect(histogram([aidRequest], { from: '2022-01-01', to: '2022-01-10' }).bins).toHaveLength(10);
    expect(histogram([{ ...aidRequest, date: null }])).toEqual({ unit: 'day', bins: [], undated: 1 });
  });

  it('turns a brushed run of bins into a day range', () => {
    const bins = binsFor('2021-11-15', '2022-01-10', 'month');
    expect(rangeOfBins(bins, 2, 1)).toEqual({ from: '2021-12-01', to: '2022-01-31' });
    expect(rangeOfBins([], 0, 0)).toBeNull();
  });
});

describe('early years', () => {
  it('bins a domain that starts in year 2 without throwing (a half-typed year once crashed the page)', () => {
    const years = binsFor('0002-01-04', '0005-06-01', 'year');
    expect(years.map((b) => b.start)).toEqual(['0002-01-01', '0003-01-01', '0004-01-01', '0005-01-01']);
    const months = binsFor('0099-11-15', '0100-01-10', 'month');
    expect(months.map((b) => [b.start, b.end])).toEqual([
      ['0099-11-01', '0099-11-30'],
      ['0099-12-01', '0099-12-31'],
      ['0100-01-01', '0100-01-31'],
    ]);
    expect(binsFor('0002-01-04', '2022-01-31').length).toBe(2021);
  });
});

describe('open-ended relations', () => {
  it('counts a relation that started and has not ended in every bin from its start, without stretching the axis to 9999', () => {
    const membership = { ...deployment, id: 'member', date: null, startDate: '2021-12', endDate: null };
    const h = histogram([membership, { ...deployment, date: '2022-01-05', startDate: null, endDate: null }]);
    expect(dateExtent([membership])).toEqual({ from: '2021-12-01', to: '2021-12-31' });
    expect(h.unit).toBe('day');
    expect(h.bins[0]!.start).toBe('2021-12-01');
    expect(h.bins[h.bins.length - 1]!.end).toBe('2022-01-05');
    expect(h.bins.every((b) => b.count >= 1)).toBe(true);
    expect(h.bins.find((b) => b.start === '2022-01-05')!.count).toBe(2);
  });
});
