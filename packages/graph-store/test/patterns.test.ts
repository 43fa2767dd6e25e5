import { hopPattern, relTypeAlternation } from '../src/patterns';

describe('relationship patterns', () => {
  it('writes only vocabulary types into the query', () => {
    expect(relTypeAlternation(['RESIGNED', 'ACCUSED', 'RESIGNED'])).toBe(':RESIGNED|ACCUSED');
    expect(relTypeAlternation(undefined)).toBe('');
  });

  it.each(['RESIGNED]->(x) DETACH DELETE x //', 'resigned', 'FOO'])('rejects %j', (t) => {
    expect(() => relTypeAlternation([t])).toThrow(/Unknown relation type/);
  });

  it('encodes direction', () => {
    expect(hopPattern('OUT', ['ACCUSED'])).toBe('-[r:ACCUSED]->');
    expect(hopPattern('IN', undefined)).toBe('<-[r]-');
    expect(hopPattern('BOTH', undefined, 'x')).toBe('-[x]-');
  });
});
