import { findHubs, HUB_DEGREE } from '../src/hubs';

describe('findHubs', () => {
  const rel = (from: string, to: string) => ({ from, to });

  it('counts each relation once per end, a self-loop once', () => {
    const relations = [rel('a', 'b'), rel('c', 'a'), rel('a', 'a'), rel('b', 'c')];
    expect(findHubs(relations, 3)).toEqual(['a']);
    expect(findHubs(relations, 2).sort()).toEqual(['a', 'b', 'c']);
    expect(findHubs(relations, 4)).toEqual([]);
  });

  it('uses the documented threshold by default', () => {
    const star = Array.from({ length: HUB_DEGREE }, (_, i) => rel('centre', `leaf-${i}`));
    expect(findHubs(star)).toEqual(['centre']);
    expect(findHubs(star.slice(1))).toEqual([]);
  });
});
