import { buildElements, elementsOf } from './elements';
import { edgeId, familyOf, relationIdOf } from '../workspace/ids';
import { addNeighbourhood, EMPTY_GRAPH } from '../workspace/state';
import { accusation, aidRequest, csto, cstoNeighbourhood, deployment, tokayev, tokayevNeighbourhood } from '../test/fixtures';

const ids = (els: { data: { id?: string } }[]) => els.map((e) => e.data.id);

describe('buildElements', () => {
  it('turns an entity and its relations into nodes (endpoints included) and edges', () => {
    const els = buildElements([tokayev], [aidRequest, accusation]);
    expect(ids(els)).toEqual([
      'kassym-jomart-tokayev',
      'csto',
      'january-2022-unrest',
      'relation:tokayev-requested-aid-from-csto',
      'relation:tokayev-accused-unrest',
    ]);
    const node = els[0]!;
    expect(node).toEqual({
      group: 'nodes',
      data: {
        id: 'kassym-jomart-tokayev',
        entityId: 'kassym-jomart-tokayev',
        label: 'Kassym-Jomart Tokayev',
        kind: 'Person',
        expanded: false,
      },
    });
    const edge = els[3]!;
    expect(edge.group).toBe('edges');
    expect(edge.data).toMatchObject({
      source: 'kassym-jomart-tokayev',
      target: 'csto',
      label: 'requested aid from',
      type: 'REQUESTED_AID_FROM',
      family: 'aid',
      stance: 'ASSERTED',
      contested: false,
      relationId: 'tokayev-requested-aid-from-csto',
    });
    expect(els[4]!.data).toMatchObject({ family: 'claims', contested: true });
  });

  it('de-duplicates by id: an entity reached twice is one node, a relation seen twice is one edge', () => {
    const els = buildElements([tokayev, csto, tokayev], [aidRequest, deployment, aidRequest]);
    expect(ids(els)).toEqual([
      'kassym-jomart-tokayev',
      'csto',
      'almaty',
      'relation:tokayev-requested-aid-from-csto',
      'relation:csto-deployed-to-almaty',
    ]);
    expect(new Set(ids(els)).size).toBe(els.length);
  });

  it('lets an explicitly passed entity win over the copy inside a relation', () => {
    const renamed = { ...csto, name: 'CSTO (renamed)' };
    const els = buildElements([renamed], [aidRequest]);
    expect(els.find((e) => e.data.id === 'csto')?.data.label).toBe('CSTO (renamed)');
  });

  it('marks expanded entities', () => {
    const els = buildElements([tokayev, csto], [], new Set(['csto']));
    expect(els.map((e) => e.data.expanded)).toEqual([false, true]);
  });

  it('keeps a relation of a type this build does not know, with no family', () => {
    const future = { ...aidRequest, id: 'r-new', type: 'NEGOTIATED_WITH' as never, label: 'negotiated with' };
    const edge = buildElements([], [future]).find((e) => e.group === 'edges');
    expect(edge?.data.family).toBeNull();
    expect(edge?.data.label).toBe('negotiated with');
  });
});

describe('ids', () => {
  it('prefixes edge ids so they never collide with entity slugs', () => {
    expect(edgeId('csto')).toBe('relation:csto');
    expect(relationIdOf('relation:csto')).toBe('csto');
    expect(relationIdOf('csto')).toBeNull();
  });

  it('finds the style family of a type from the vocabulary', () => {
    expect(familyOf('DEPLOYED_TO')).toBe('aid');
    expect(familyOf('OCCURRED_IN')).toBe('geography');
    expect(familyOf('nope')).toBeNull();
  });
});

describe('elementsOf', () => {
  it('draws everything loaded so far, each entity and relation once, expanded entities marked', () => {
    let graph = addNeighbourhood(EMPTY_GRAPH, tokayevNeighbourhood());
    graph = addNeighbourhood(graph, cstoNeighbourhood());
    const els = elementsOf(graph);
    const nodes = els.filter((e) => e.group === 'nodes');
    const edges = els.filter((e) => e.group === 'edges');
    expect(nodes.map((n) => n.data.id).sort()).toEqual(['almaty', 'csto', 'january-2022-unrest', 'kassym-jomart-tokayev']);
    expect(edges).toHaveLength(3);
    expect(
      nodes
        .filter((n) => n.data.expanded)
        .map((n) => n.data.id)
        .sort(),
    ).toEqual(['csto', 'kassym-jomart-tokayev']);
  });
});
