import { cytoscape } from '../cytoscape';
import { buildElements } from '../elements';
import { accusation, aidRequest, deployment, tokayev } from '../../test/fixtures';
import { runNamedLayout } from './named';
import { seedOf, withSeededRandom } from './seeded';

async function picture(): Promise<Record<string, { x: number; y: number }>> {
  const cy = cytoscape({ headless: true, styleEnabled: true, elements: buildElements([tokayev], [aidRequest, accusation, deployment]) });
  await runNamedLayout(cy, { name: 'fcose', pinned: new Set(), randomize: true });
  const out: Record<string, { x: number; y: number }> = {};
  cy.nodes().forEach((n) => void (out[n.id()] = { ...n.position() }));
  cy.destroy();
  return out;
}

describe('seeded layouts', () => {
  it('lay the same entities out the same way twice', async () => {
    const first = await picture();
    const second = await picture();
    expect(Object.keys(first).length).toBeGreaterThan(3);
    expect(second).toEqual(first);
  });

  it('put Math.random back, also after a throw', () => {
    const original = Math.random;
    expect(() =>
      withSeededRandom(1, () => {
        expect(Math.random).not.toBe(original);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(Math.random).toBe(original);
  });

  it('seed by the set of ids, not their order', () => {
    expect(seedOf(['b', 'a'])).toBe(seedOf(['a', 'b']));
    expect(seedOf(['a', 'b'])).not.toBe(seedOf(['a', 'c']));
  });
});
