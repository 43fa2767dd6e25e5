import { formatConfidence, formatPartialDate, formatWhen, plural, stanceLabel } from './format';

describe('formatPartialDate', () => {
  it('keeps the precision the source gave', () => {
    expect(formatPartialDate('2022')).toBe('2022');
    expect(formatPartialDate('2022-01')).toBe('January 2022');
    expect(formatPartialDate('2022-01-05')).toBe('5 January 2022');
  });

  it('shows anything that is not a partial date as given, and nothing for no date', () => {
    expect(formatPartialDate('early 2022')).toBe('early 2022');
    expect(formatPartialDate('2022-02-30')).toBe('2022-02-30');
    expect(formatPartialDate(null)).toBe('');
  });
});

describe('formatWhen', () => {
  it('prefers a single date, then a range, then an open range', () => {
    expect(formatWhen('2022-01-05', '2022-01-01', null)).toBe('5 January 2022');
    expect(formatWhen(null, '2022-01-06', '2022-01-19')).toBe('6 January 2022 – 19 January 2022');
    expect(formatWhen(null, '2019-03', null)).toBe('from March 2019');
    expect(formatWhen(null, null, '2022')).toBe('until 2022');
    expect(formatWhen(null, null, null)).toBe('');
  });
});

describe('small formatters', () => {
  it('labels stances from the vocabulary', () => {
    expect(stanceLabel('ASSERTED')).toBe('asserted');
    expect(stanceLabel('DENIED')).toBe('denied');
    expect(stanceLabel('NEW_STANCE')).toBe('new_stance');
  });

  it('formats confidence as a clamped percentage', () => {
    expect(formatConfidence(0.955)).toBe('96%');
    expect(formatConfidence(1.4)).toBe('100%');
    expect(formatConfidence(Number.NaN)).toBe('');
  });

  it('pluralises', () => {
    expect(plural(1, 'source')).toBe('1 source');
    expect(plural(3, 'source')).toBe('3 sources');
    expect(plural(2, 'entity', 'entities')).toBe('2 entities');
  });
});
