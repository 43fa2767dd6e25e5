import { addNeighbourhood, EMPTY_GRAPH, entityCount, isDetailed, relationsOf } from './state';
import { aidRequest, csto, cstoNeighbourhood, tokayev, tokayevNeighbourhood } from '../test/fixtures';

describe('addNeighbourhood', () => {
  it('adds the entity, its relations and their endpoints, and records the expansion', () => {
    const graph = addNeighbourhood(EMPTY_GRAPH, tokayevNeighbourhood());
    expect(Object.keys(graph.entities).sort()).toEqual(['csto', 'january-2022-unrest', 'kassym-jomart-tokayev']);
    expect(Object.keys(graph.relations).sort()).toEqual(['tokayev-accused-unrest', 'tokayev-requested-aid-from-csto']);
    expect(graph.expansions['kassym-jomart-tokayev']).toEqual({ loaded: 2, totalCount: 2, hasNextPage: false, endCursor: 'c2' });
    expect(isDetailed(graph.entities['kassym-jomart-tokayev'])).toBe(true);
    expect(isDetailed(graph.entities.csto)).toBe(false);
  });

  it('does not change the state it was given', () => {
    const before = addNeighbourhood(EMPTY_GRAPH, tokayevNeighbourhood());
    const snapshot = JSON.stringify(before);
    addNeighbourhood(before, cstoNeighbourhood());
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(EMPTY_GRAPH).toEqual({ entities: {}, relations: {}, expansions: {} });
  });

  it('keeps the details it has when an entity shows up again as a bare endpoint', () => {
    let graph = addNeighbourhood(EMPTY_GRAPH, tokayevNeighbourhood());
    graph = addNeighbourhood(graph, cstoNeighbourhood()); // Tokayev appears only as an endpoint here
    const t = graph.entities['kassym-jomart-tokayev'];
    expect(isDetailed(t) && t.facts.roles).toEqual(['President of Kazakhstan']);
    expect(Object.keys(graph.relations)).toHaveLength(3);
  });

  it('accumulates pages of one entity', () => {
    let graph = addNeighbourhood(
      EMPTY_GRAPH,
      tokayevNeighbourhood({ relations: [aidRequest], totalCount: 2, hasNextPage: true, endCursor: 'c1' }),
    );
    expect(graph.expansions['kassym-jomart-tokayev']).toMatchObject({ loaded: 1, hasNextPage: true, endCursor: 'c1' });
    graph = addNeighbourhood(graph, tokayevNeighbourhood({ relations: [tokayevNeighbourhood().relations[1]!], endCursor: 'c2' }));
    expect(graph.expansions['kassym-jomart-tokayev']).toMatchObject({ loaded: 2, totalCount: 2, hasNextPage: false, endCursor: 'c2' });
    expect(entityCount(graph)).toBe(3);
  });
});

describe('relationsOf', () => {
  it('lists the relations at an entity, in both directions', () => {
    let graph = addNeighbourhood(EMPTY_GRAPH, tokayevNeighbourhood());
    graph = addNeighbourhood(graph, cstoNeighbourhood());
    expect(relationsOf(graph, csto.id).map((r) => r.id)).toEqual(['csto-deployed-to-almaty', 'tokayev-requested-aid-from-csto']);
    expect(relationsOf(graph, tokayev.id).map((r) => r.label)).toEqual(['accused', 'requested aid from']);
    expect(relationsOf(graph, 'nobody')).toEqual([]);
  });
});
