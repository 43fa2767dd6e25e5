import { dateEnd, dateStart, isPartialDate } from '../src';

describe('partial dates', () => {
  it.each(['2022', '2022-01', '2022-01-05', '2024-02-29'])('accepts %s', (d) => expect(isPartialDate(d)).toBe(true));
  it.each(['2022-13', '2022-02-30', '2023-02-29', '22-01-05', '2022/01/05', '2022-1-5', ''])('rejects %j', (d) =>
    expect(isPartialDate(d)).toBe(false),
  );
  it('expands to the first and last day covered', () => {
    expect(dateStart('2022')).toBe('2022-01-01');
    expect(dateEnd('2022')).toBe('2022-12-31');
    expect(dateEnd('2022-02')).toBe('2022-02-28');
    expect(dateStart('2022-01-05')).toBe('2022-01-05');
  });
});
