import neo4j, { type Driver, type ProfiledPlan } from 'neo4j-driver';
import { RELATION_TYPES, type Entity, type EntityKind, type Relation, type RelationType } from '@steppe/domain';
import {
  createGraphStore,
  findHubs,
  HUB_NEIGHBOUR_KEYS,
  HUB_RELATION_KEYS,
  loadGraph,
  relationProps,
  type Direction,
  type GraphData,
  type GraphStore,
  type RelationFilter,
} from '../src';
import { subgraphStatement } from '../src/explore';
import { dropGraph, testDriver, uniqueGraph } from './support/neo4j';

/** A small random graph with hubs, parallel and reciprocal relations, dates and repeated sources. */
function randomGraph(seed: number): GraphData {
  let state = seed;
  const rand = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const kinds: EntityKind[] = ['Person', 'Organisation', 'Place', 'Event'];
  const entities: Entity[] = Array.from({ length: 60 }, (_, i) => {
    const kind = kinds[i % 4]!;
    const base = { id: `e-${String(i).padStart(2, '0')}`, name: `Entity ${i}`, aliases: [], description: '' };
    return kind === 'Person' ? { ...base, kind, roles: [] } : { ...base, kind };
  });
  const byKind = (k: EntityKind) => entities.filter((e) => e.kind === k);
  const relations: Relation[] = [];
  for (let i = 0; relations.length < 420; i++) {
    const type = RELATION_TYPES[Math.floor(rand() * RELATION_TYPES.length)]!;
    const froms = type.from.flatMap(byKind);
    const tos = type.to.flatMap(byKind);
    // heavy-tailed endpoints: a few entities take most relations
    const from = froms[Math.floor(froms.length * rand() ** 2.5)]!;
    const to = tos[Math.floor(tos.length * rand() ** 2.5)]!;
    if (from.id === to.id) continue;
    const day = `2022-0${1 + Math.floor(rand() * 6)}-1${Math.floor(rand() * 9)}`;
    const evidence = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => ({
      sourceId: `s-${Math.floor(rand() * 3)}`,
      quote: `quote ${i}`,
    }));
    relations.push({
      id: `r-${String(i).padStart(4, '0')}`,
      type: type.name as RelationType,
      from: from.id,
      to: to.id,
      ...(type.dated && rand() < 0.7 ? { date: day } : {}),
      stance: 'REPORTED',
      confidence: 0.5,
      evidence,
    });
  }
  const sources = [0, 1, 2].map((i) => ({ id: `s-${i}`, title: `Source ${i}`, languages: ['en'] }));
  return { sources, entities, relations };
}

/**
 * Two dense hubs (degree above Neo4j's dense-node threshold of 50, and far above
 * everything else) among many leaves, relations in both directions, parallel
 * relations, leaf-to-leaf relations, and a self-loop on the second hub: the
 * relations among a neighbourhood are found by different plans depending on the
 * members' degrees (see edgesAmongSubquery), and the loop rules one of them out.
 */
function hubGraph(): GraphData {
  const person = (id: string): Entity => ({ id, kind: 'Person', name: id, aliases: [], description: '', roles: [] });
  const leaves = Array.from({ length: 150 }, (_, i) => `p-${String(i).padStart(3, '0')}`);
  const entities = [person('hub'), person('loophub'), ...leaves.map(person)];
  const relations: Relation[] = [];
  const add = (type: RelationType, from: string, to: string, i: number) =>
    relations.push({
      id: `h-${String(relations.length).padStart(4, '0')}`,
      type,
      from,
      to,
      ...(i % 2 === 0 ? { date: `2022-0${1 + (i % 6)}-15` } : {}),
      stance: 'REPORTED',
      confidence: 0.5,
      evidence: Array.from({ length: 1 + (i % 3) }, (_, k) => ({ sourceId: `s-${k}`, quote: `quote ${i}` })),
    });
  leaves.forEach((leaf, i) => {
    if (i < 120) {
      if (i % 3 === 0) add('ACCUSED', 'hub', leaf, i);
      else add('DENIED', leaf, 'hub', i);
      if (i % 7 === 0) add('ACCUSED', leaf, 'hub', i);
    }
    if (i >= 60) {
      if (i % 2 === 0) add('ACCUSED', 'loophub', leaf, i);
      else add('DENIED', leaf, 'loophub', i);
    }
    if (i % 4 === 0 && i + 1 < leaves.length) add('ACCUSED', leaf, leaves[i + 1]!, i);
    if (i % 5 === 0 && i + 2 < leaves.length) add('DENIED', leaves[i + 2]!, leaf, i);
  });
  add('ACCUSED', 'hub', 'loophub', 1);
  add('DENIED', 'loophub', 'hub', 2);
  add('ACCUSED', 'loophub', 'loophub', 3);
  const sources = [0, 1, 2].map((i) => ({ id: `s-${i}`, title: `Source ${i}`, languages: ['en'] }));
  return { sources, entities, relations };
}

/** Relationships the subgraph statement expands for these entities (rows out of Expand operators, from PROFILE). */
async function subgraphExpansions(driver: Driver, graph: string, ids: string[]): Promise<number> {
  const { summary } = await driver.executeQuery(`PROFILE ${subgraphStatement({ evidence: false })}`, {
    graph,
    ids,
    edgeLimit: neo4j.int(2000),
  });
  const expanded = (plan: ProfiledPlan): number =>
    (plan.operatorType.startsWith('Expand') ? plan.rows : 0) + plan.children.reduce((sum, c) => sum + expanded(c), 0);
  return expanded(summary.profile as ProfiledPlan);
}

interface Expected {
  nodes: string[];
  edges: string[];
  truncated: boolean;
  omittedNodes: number;
  omittedEdges: number;
  missingIds: string[];
}

/** The parts of a neighbourhood answer the reference implementation computes. */
function comparable(got: Awaited<ReturnType<GraphStore['neighbourhood']>>) {
  return {
    nodes: got.nodes.map((n) => n.id),
    edges: got.edges.map((e) => e.id),
    truncated: got.truncated,
    omittedNodes: got.omittedNodes,
    omittedEdges: got.omittedEdges,
    missingIds: got.missingIds,
  };
}

/** The documented neighbourhood semantics, written out plainly over the in-memory graph. */
function referenceNeighbourhood(
  data: GraphData,
  ids: string[],
  opts: RelationFilter & { depth: number; direction: Direction; nodeLimit: number; edgeLimit: number },
): Expected {
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const passes = (r: Relation) => {
    const p = relationProps(r) as { sourceCount: number; sortStart?: string; sortEnd?: string };
    if (opts.types && opts.types.length > 0 && !opts.types.includes(r.type)) return false;
    if (opts.minSources && opts.minSources > 1 && p.sourceCount < opts.minSources) return false;
    // Ranges overlap: a relation that began and has not ended runs on to today.
    const openEnded = r.startDate !== undefined && r.endDate === undefined && r.date === undefined;
    if (opts.from && p.sortEnd !== undefined && p.sortEnd < opts.from && !openEnded) return false;
    if (opts.to && p.sortStart !== undefined && p.sortStart > opts.to) return false;
    return true;
  };
  const strengthOf = (r: Relation) => (relationProps(r) as { sourceCount: number }).sourceCount;
  const starts: string[] = [];
  for (const id of new Set(ids)) if (entities.has(id)) starts.push(id);
  const missingIds = ids.filter((id) => !entities.has(id));
  /** One breadth-first level: the new neighbours of `frontier`, ranked by their strongest relation, then id. */
  const level = (frontier: string[], seen: string[]) => {
    const strength = new Map<string, number>();
    for (const r of data.relations) {
      if (!passes(r)) continue;
      const ends: [string, string][] = [];
      if (opts.direction !== 'IN') ends.push([r.from, r.to]);
      if (opts.direction !== 'OUT') ends.push([r.to, r.from]);
      for (const [n, m] of ends) {
        if (!frontier.includes(n) || seen.includes(m)) continue;
        if (opts.kinds && opts.kinds.length > 0 && !opts.kinds.includes(entities.get(m)!.kind)) continue;
        strength.set(m, Math.max(strength.get(m) ?? 0, strengthOf(r)));
      }
    }
    return [...strength.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  };
  // Returned: levels until the limit is reached.
  const nodes = [...starts];
  let frontier = [...nodes];
  for (let depth = 0; depth < opts.depth && frontier.length > 0; depth++) {
    const room = Math.max(opts.nodeLimit - nodes.length, 0);
    const ranked = level(frontier, nodes);
    const page = ranked.slice(0, room);
    nodes.push(...page);
    frontier = page;
    if (ranked.length > page.length) break;
  }
  // Held back: everything within `depth` hops with no limit, less what was returned.
  const reach = [...starts];
  frontier = [...starts];
  for (let depth = 0; depth < opts.depth && frontier.length > 0; depth++) {
    frontier = level(frontier, reach);
    reach.push(...frontier);
  }
  const omittedNodes = reach.length - nodes.length;
  const among = data.relations
    .filter((r) => nodes.includes(r.from) && nodes.includes(r.to) && passes(r))
    .map((r) => r.id)
    .sort();
  const edges = among.slice(0, opts.edgeLimit);
  return {
    nodes,
    edges,
    truncated: omittedNodes > 0 || among.length > edges.length,
    omittedNodes,
    omittedEdges: among.length - edges.length,
    missingIds,
  };
}

describe('neighbourhood, subgraph and paths against a plain reference implementation', () => {
  let driver: Driver;
  let store: GraphStore;
  let statements = 0;
  const graph = uniqueGraph('explore');
  const data = randomGraph(11);

  const hubGraphName = uniqueGraph('explore-hubs');
  const hubData = hubGraph();
  let hubStore: GraphStore;

  // The same graphs loaded with a low hub threshold, so that many of their entities carry
  // the hub index (hubs.ts) and the relations among a neighbourhood are found through it.
  const indexedGraph = uniqueGraph('explore-indexed');
  const indexedHubGraph = uniqueGraph('explore-hubs-indexed');
  const INDEXED_DEGREE = { random: 12, hubs: 10 };
  let indexedStore: GraphStore;
  let indexedHubStore: GraphStore;

  beforeAll(async () => {
    driver = testDriver();
    await loadGraph(driver, data, { graph });
    await loadGraph(driver, hubData, { graph: hubGraphName });
    await loadGraph(driver, data, { graph: indexedGraph, hubDegree: INDEXED_DEGREE.random });
    await loadGraph(driver, hubData, { graph: indexedHubGraph, hubDegree: INDEXED_DEGREE.hubs });
    store = createGraphStore({ driver, graph, onQuery: () => statements++ });
    hubStore = createGraphStore({ driver, graph: hubGraphName });
    indexedStore = createGraphStore({ driver, graph: indexedGraph });
    indexedHubStore = createGraphStore({ driver, graph: indexedHubGraph });
    // Four loads: on a shared, busy machine this takes longer than one test's budget.
  }, 300_000);
  afterAll(async () => {
    for (const g of [graph, hubGraphName, indexedGraph, indexedHubGraph]) await dropGraph(driver, g);
    await driver.close();
  });

  const cases: [string, string[], RelationFilter & { depth: number; direction: Direction; nodeLimit: number; edgeLimit: number }][] = [
    ['a hub, 1 hop', ['e-00'], { depth: 1, direction: 'BOTH', nodeLimit: 100, edgeLimit: 2000 }],
    ['a hub, 1 hop, truncated', ['e-00'], { depth: 1, direction: 'BOTH', nodeLimit: 6, edgeLimit: 2000 }],
    ['a leaf, 2 hops', ['e-57'], { depth: 2, direction: 'BOTH', nodeLimit: 25, edgeLimit: 2000 }],
    ['a leaf, 3 hops, few edges', ['e-41'], { depth: 3, direction: 'BOTH', nodeLimit: 40, edgeLimit: 7 }],
    ['outgoing only, 2 hops', ['e-05'], { depth: 2, direction: 'OUT', nodeLimit: 500, edgeLimit: 2000 }],
    ['incoming only, 2 hops', ['e-02'], { depth: 2, direction: 'IN', nodeLimit: 500, edgeLimit: 2000 }],
    ['several starts, an unknown id', ['e-10', 'e-33', 'nobody', 'e-10'], { depth: 2, direction: 'BOTH', nodeLimit: 30, edgeLimit: 2000 }],
    [
      'kinds and minSources',
      ['e-01'],
      { depth: 2, direction: 'BOTH', nodeLimit: 500, edgeLimit: 2000, kinds: ['Person', 'Place'], minSources: 2 },
    ],
    [
      'a date window and types',
      ['e-00'],
      {
        depth: 2,
        direction: 'BOTH',
        nodeLimit: 50,
        edgeLimit: 2000,
        from: '2022-02-01',
        to: '2022-04-30',
        types: ['APPOINTED', 'ACCUSED', 'MET_WITH'].filter((t) => RELATION_TYPES.some((x) => x.name === t)),
      },
    ],
    ['the limit reached exactly by the start entities', ['e-03', 'e-04'], { depth: 2, direction: 'BOTH', nodeLimit: 2, edgeLimit: 2000 }],
  ];

  type Case = [string, string[], RelationFilter & { depth: number; direction: Direction; nodeLimit: number; edgeLimit: number }];
  const hubCases: Case[] = [
    ['a leaf of one hub, 1 hop', ['p-001'], { depth: 1, direction: 'BOTH', nodeLimit: 100, edgeLimit: 2000 }],
    ['a leaf of both hubs, 1 hop', ['p-090'], { depth: 1, direction: 'BOTH', nodeLimit: 100, edgeLimit: 2000 }],
    ['a leaf of the looped hub, 1 hop', ['p-130'], { depth: 1, direction: 'BOTH', nodeLimit: 100, edgeLimit: 2000 }],
    ['a leaf, 2 hops through a hub', ['p-004'], { depth: 2, direction: 'BOTH', nodeLimit: 60, edgeLimit: 2000 }],
    ['a leaf, 2 hops, one type', ['p-010'], { depth: 2, direction: 'BOTH', nodeLimit: 200, edgeLimit: 2000, types: ['DENIED'] }],
    ['a leaf, 2 hops, outgoing only', ['p-061'], { depth: 2, direction: 'OUT', nodeLimit: 200, edgeLimit: 2000 }],
    ['a leaf, 2 hops, incoming only', ['p-062'], { depth: 2, direction: 'IN', nodeLimit: 200, edgeLimit: 2000 }],
    ['the hub, 1 hop, truncated', ['hub'], { depth: 1, direction: 'BOTH', nodeLimit: 30, edgeLimit: 2000 }],
    ['the looped hub, 1 hop', ['loophub'], { depth: 1, direction: 'BOTH', nodeLimit: 500, edgeLimit: 50 }],
    ['both hubs, 1 hop', ['hub', 'loophub'], { depth: 1, direction: 'BOTH', nodeLimit: 500, edgeLimit: 2000 }],
    [
      'a leaf, 2 hops, minSources and a date window',
      ['p-004'],
      { depth: 2, direction: 'BOTH', nodeLimit: 200, edgeLimit: 2000, minSources: 2, from: '2022-02-01', to: '2022-12-31' },
    ],
  ];

  it.each(cases)('%s', async (_name, ids, opts) => {
    const expected = referenceNeighbourhood(data, ids, opts);
    const before = statements;
    const got = await store.neighbourhood(ids, opts);
    expect(comparable(got)).toEqual(expected);
    expect(statements - before).toBeLessThanOrEqual(opts.depth);
    // relations come with their evidence and endpoints by default
    for (const e of got.edges) {
      const source = data.relations.find((r) => r.id === e.id)!;
      expect(e).toMatchObject({ from: source.from, to: source.to, type: source.type });
      expect(e.evidence.map((x) => x.sourceId)).toEqual(source.evidence.map((x) => x.sourceId));
    }
  });

  it('can leave the relations out, or only their evidence, without changing anything else', async () => {
    const opts = { depth: 2, direction: 'BOTH' as const, nodeLimit: 30, edgeLimit: 2000 };
    const full = await store.neighbourhood(['e-57'], opts);
    const nodesOnly = await store.neighbourhood(['e-57'], { ...opts, withEdges: false });
    expect(nodesOnly.nodes).toEqual(full.nodes);
    expect(nodesOnly.omittedNodes).toBe(full.omittedNodes);
    expect(nodesOnly.edges).toEqual([]);
    const summary = await store.neighbourhood(['e-57'], { ...opts, evidence: false, details: false });
    expect(summary.edges.map((e) => [e.id, e.type, e.from, e.to, e.sourceCount, e.contested])).toEqual(
      full.edges.map((e) => [e.id, e.type, e.from, e.to, e.sourceCount, e.contested]),
    );
    expect(full.edges.some((e) => e.date !== undefined)).toBe(true);
    expect(summary.edges.every((e) => e.date === undefined && e.stance === undefined && e.evidence.length === 0)).toBe(true);
    expect(summary.nodes).toEqual(full.nodes);
    const light = await store.neighbourhood(['e-57'], { ...opts, evidence: false });
    expect(light.edges.length).toBe(full.edges.length);
    expect(light.edges.length).toBeGreaterThan(0);
    light.edges.forEach((e, i) => {
      const { evidence, ...rest } = full.edges[i]!;
      expect(evidence.length).toBeGreaterThan(0);
      expect(e).toEqual({ ...rest, evidence: [] });
    });
  });

  it('reports each statement with the parameters it ran with (the bench replays them)', async () => {
    const seen: { params: Record<string, unknown>; atTheTime: string }[] = [];
    const recording = createGraphStore({
      driver,
      graph,
      onQuery: (e) => seen.push({ params: e.params, atTheTime: JSON.stringify(e.params) }),
    });
    await recording.neighbourhood(['e-57'], { depth: 3, direction: 'BOTH', nodeLimit: 40, edgeLimit: 2000 });
    expect(seen.length).toBeGreaterThan(1);
    for (const s of seen) expect(JSON.stringify(s.params)).toBe(s.atTheTime);
  });

  it('uses no deprecated feature but id(), whose notices the driver turns off (driver.ts)', async () => {
    const statements: { cypher: string; params: Record<string, unknown> }[] = [];
    const recording = createGraphStore({ driver, graph, onQuery: (e) => statements.push({ cypher: e.cypher, params: e.params }) });
    await recording.neighbourhood(['e-57'], { depth: 3, direction: 'BOTH', nodeLimit: 40, edgeLimit: 2000 });
    await recording.neighbourhood(['e-00'], { depth: 2, direction: 'BOTH', nodeLimit: 6, edgeLimit: 2000, expansionBudget: 5 });
    await recording.subgraph(['e-00', 'e-01', 'e-02'], 2000);
    // A driver with Neo4j's default notifications, to see what the API's driver does not ask for.
    const password = process.env.NEO4J_PASSWORD;
    const plain = neo4j.driver(
      process.env.NEO4J_URI!,
      password ? neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', password) : undefined,
    );
    try {
      const deprecated = new Set<string>();
      for (const { cypher, params } of statements) {
        const { summary } = await plain.executeQuery(cypher, params, { routing: 'READ' });
        for (const n of summary.notifications) if (n.category === 'DEPRECATION') deprecated.add(n.description);
      }
      expect(statements.length).toBeGreaterThanOrEqual(6);
      expect([...deprecated]).toEqual(['The query used a deprecated function: `id`.']);
    } finally {
      await plain.close();
    }
  });

  it('returns the induced subgraph in one statement', async () => {
    const ids = ['e-00', 'e-01', 'e-02', 'e-03', 'e-07', 'nobody'];
    const before = statements;
    const sub = await store.subgraph(ids, 5);
    expect(statements - before).toBe(1);
    const among = data.relations
      .filter((r) => ids.includes(r.from) && ids.includes(r.to))
      .map((r) => r.id)
      .sort();
    expect(sub.nodes.map((n) => n.id)).toEqual(ids.slice(0, 5));
    expect(sub.edges.map((e) => e.id)).toEqual(among.slice(0, 5));
    expect(sub.omittedEdges).toBe(among.length - Math.min(5, among.length));
    expect(sub.truncated).toBe(among.length > 5);
    expect(sub.missingIds).toEqual(['nobody']);
  });

  it('finds paths and reports missing endpoints in one statement', async () => {
    const r = data.relations[0]!;
    const direct = await store.findPaths(r.from, r.to, { maxHops: 3, mode: 'SHORTEST', limit: 1 });
    expect(direct.missingIds).toEqual([]);
    expect(direct.paths).toHaveLength(1);
    expect(direct.paths[0]!.nodes.map((n) => n.id)).toEqual([r.from, r.to]);
    expect(direct.paths[0]!.relations[0]!.evidence.length).toBeGreaterThan(0);
    const light = await store.findPaths(r.from, r.to, { maxHops: 3, mode: 'SHORTEST', limit: 1, evidence: false });
    expect(light.paths[0]!.relations[0]!.evidence).toEqual([]);
    const before = statements;
    expect(await store.findPaths('nobody', r.to, { maxHops: 3, mode: 'ALL_SHORTEST', limit: 5 })).toEqual({
      paths: [],
      missingIds: ['nobody'],
    });
    expect(await store.findPaths('nobody', 'none', { maxHops: 3, mode: 'ALL', limit: 5 })).toEqual({
      paths: [],
      missingIds: ['nobody', 'none'],
    });
    expect(statements - before).toBe(2);
  });

  it.each([1, 2, 3])(
    'counts every entity held back at depth %i: omittedNodes is the unlimited answer less what is returned',
    async (depth) => {
      let state = depth * 7_919;
      const rand = () => {
        state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
        return state / 2 ** 31;
      };
      for (let i = 0; i < 8; i++) {
        const start = data.entities[Math.floor(rand() * data.entities.length)]!.id;
        const nodeLimit = 1 + Math.floor(rand() * 30);
        const direction = (['BOTH', 'OUT', 'IN'] as const)[i % 3]!;
        const unlimited = await store.neighbourhood([start], { depth, direction, nodeLimit: 100_000, edgeLimit: 1, withEdges: false });
        const limited = await store.neighbourhood([start], { depth, direction, nodeLimit, edgeLimit: 1, withEdges: false });
        expect(unlimited.omittedNodes).toBe(0);
        expect({ start, nodeLimit, direction, omitted: limited.omittedNodes, exact: limited.omittedNodesExact }).toEqual({
          start,
          nodeLimit,
          direction,
          omitted: unlimited.nodes.length - limited.nodes.length,
          exact: true,
        });
      }
    },
  );

  it('estimates omittedNodes, and says so, when a depth would read more than the expansion budget', async () => {
    const opts = { depth: 2, direction: 'BOTH' as const, nodeLimit: 5, edgeLimit: 2000 };
    const exact = await hubStore.neighbourhood(['p-004'], opts);
    const estimated = await hubStore.neighbourhood(['p-004'], { ...opts, expansionBudget: 20 });
    expect(exact.omittedNodesExact).toBe(true);
    expect(estimated.omittedNodesExact).toBe(false);
    expect(estimated.nodes.length).toBeLessThanOrEqual(5);
    expect(estimated.omittedNodes).toBeGreaterThan(0);
    expect(estimated.truncated).toBe(true);
  });

  it.each(hubCases)('with hubs: %s', async (_name, ids, opts) => {
    const expected = referenceNeighbourhood(hubData, ids, opts);
    const got = await hubStore.neighbourhood(ids, opts);
    expect(comparable(got)).toEqual(expected);
    expect(got.edges.length).toBeGreaterThan(0);
  });

  it.each([
    ['both hubs and some leaves', ['hub', 'loophub', 'p-000', 'p-001', 'p-002', 'p-060', 'p-061', 'p-100']],
    ['one hub and its leaves', ['hub', 'p-000', 'p-001', 'p-002', 'p-003', 'p-004', 'p-005']],
    ['the looped hub and its leaves', ['loophub', 'p-060', 'p-061', 'p-062', 'p-063']],
    ['the looped hub alone', ['loophub']],
  ])('with hubs, the induced subgraph of %s', async (_name, ids) => {
    const sub = await hubStore.subgraph(ids, 2000);
    const among = hubData.relations
      .filter((r) => ids.includes(r.from) && ids.includes(r.to))
      .map((r) => r.id)
      .sort();
    expect(among.length).toBeGreaterThan(0);
    expect(sub.edges.map((e) => e.id)).toEqual(among);
    expect(sub.omittedEdges).toBe(0);
  });

  it('does not expand the hub to find the relations between it and a few leaves', async () => {
    const ids = ['hub', 'p-000', 'p-001', 'p-002', 'p-003', 'p-004', 'p-005'];
    const hubDegree = hubData.relations.filter((r) => r.from === 'hub' || r.to === 'hub').length;
    expect(hubDegree).toBeGreaterThan(100);
    const rows = await subgraphExpansions(driver, hubGraphName, ids);
    const leafDegrees = hubData.relations.filter((r) => ids.slice(1).includes(r.from) || ids.slice(1).includes(r.to)).length;
    expect(rows).toBeLessThanOrEqual(2 * leafDegrees);
    expect(rows).toBeLessThan(hubDegree);
  });

  describe('with the hub index', () => {
    /** Per entity id, the hub index as stored: [other hub's entity id, relation id] pairs, sorted. */
    async function storedIndex(graphName: string): Promise<Map<string, string[]>> {
      const { records } = await driver.executeQuery(
        `MATCH (sg:SteppeGraph {name: $graph}) WITH sg.active AS g
         MATCH (h:Entity {graph: g}) WHERE h.${HUB_RELATION_KEYS} IS NOT NULL
         CALL (h) {
           UNWIND range(0, size(h.${HUB_RELATION_KEYS}) - 1) AS i
           OPTIONAL MATCH (o) WHERE elementId(o) = h.${HUB_NEIGHBOUR_KEYS}[i]
           OPTIONAL MATCH ()-[r]->() WHERE elementId(r) = h.${HUB_RELATION_KEYS}[i]
           RETURN collect([o.id, r.id]) AS pairs
         }
         RETURN h.id AS id, size(h.${HUB_NEIGHBOUR_KEYS}) = size(h.${HUB_RELATION_KEYS}) AS aligned, pairs`,
        { graph: graphName },
      );
      for (const r of records) expect(r.get('aligned')).toBe(true);
      return new Map(records.map((r) => [r.get('id') as string, (r.get('pairs') as string[][]).map((p) => p.join(' ')).sort()]));
    }

    it.each([
      ['the random graph', indexedGraph, data, INDEXED_DEGREE.random],
      ['the hub graph', indexedHubGraph, hubData, INDEXED_DEGREE.hubs],
    ] as const)('lists, on every hub of %s, exactly its relations to other hubs', async (_name, graphName, graphData, threshold) => {
      const hubs = new Set(findHubs(graphData.relations, threshold));
      expect(hubs.size).toBeGreaterThan(1);
      const expected = new Map([...hubs].map((h) => [h, [] as string[]]));
      for (const r of graphData.relations) {
        if (!hubs.has(r.from) || !hubs.has(r.to)) continue;
        expected.get(r.from)!.push(`${r.to} ${r.id}`);
        if (r.to !== r.from) expected.get(r.to)!.push(`${r.from} ${r.id}`);
      }
      for (const list of expected.values()) list.sort();
      expect(await storedIndex(graphName)).toEqual(expected);
    });

    it('stores an empty index on a hub none of whose neighbours is a hub', async () => {
      const person = (id: string): Entity => ({ id, kind: 'Person', name: id, aliases: [], description: '', roles: [] });
      const star: GraphData = {
        sources: [{ id: 's-0', title: 'Source 0', languages: ['en'] }],
        entities: ['centre', 'a', 'b', 'c'].map(person),
        relations: ['a', 'b', 'c'].map((leaf, i) => ({
          id: `star-${i}`,
          type: 'ACCUSED',
          from: 'centre',
          to: leaf,
          stance: 'REPORTED',
          confidence: 0.5,
          evidence: [{ sourceId: 's-0', quote: 'q' }],
        })),
      };
      const starGraph = uniqueGraph('explore-star');
      try {
        await loadGraph(driver, star, { graph: starGraph, hubDegree: 3 });
        expect(await storedIndex(starGraph)).toEqual(new Map([['centre', []]]));
        const sub = await createGraphStore({ driver, graph: starGraph }).subgraph(['centre', 'a', 'b'], 10);
        expect(sub.edges.map((e) => e.id)).toEqual(['star-0', 'star-1']);
      } finally {
        await dropGraph(driver, starGraph);
      }
    });

    it.each(cases)('answers as the reference: %s', async (_name, ids, opts) => {
      expect(comparable(await indexedStore.neighbourhood(ids, opts))).toEqual(referenceNeighbourhood(data, ids, opts));
    });

    it.each(hubCases)('answers as the reference, hub graph: %s', async (_name, ids, opts) => {
      const got = await indexedHubStore.neighbourhood(ids, opts);
      expect(comparable(got)).toEqual(referenceNeighbourhood(hubData, ids, opts));
      expect(got.edges.length).toBeGreaterThan(0);
    });

    it.each([
      ['both hubs and some leaves', ['hub', 'loophub', 'p-000', 'p-001', 'p-002', 'p-060', 'p-061', 'p-100']],
      ['the looped hub and its leaves', ['loophub', 'p-060', 'p-061', 'p-062', 'p-063']],
      ['the looped hub alone', ['loophub']],
      ['every entity', hubData.entities.map((e) => e.id)],
    ])('returns the induced subgraph of %s', async (_name, ids) => {
      const sub = await indexedHubStore.subgraph(ids, 2000);
      const among = hubData.relations
        .filter((r) => ids.includes(r.from) && ids.includes(r.to))
        .map((r) => r.id)
        .sort();
      expect(among.length).toBeGreaterThan(0);
      expect(sub.edges.map((e) => e.id)).toEqual(among);
    });

    it('expands neither hub to find the relations among both hubs and a few leaves', async () => {
      const ids = ['hub', 'loophub', 'p-060', 'p-061', 'p-062', 'p-063'];
      const degree = (id: string) => hubData.relations.filter((r) => r.from === id || r.to === id).length;
      const rows = (graphName: string) => subgraphExpansions(driver, graphName, ids);
      const leafDegrees = ids.slice(2).reduce((sum, id) => sum + degree(id), 0);
      // Without the index one of the two hubs is expanded; with it, only the leaves are.
      expect(await rows(hubGraphName)).toBeGreaterThanOrEqual(Math.min(degree('hub'), degree('loophub')));
      expect(await rows(indexedHubGraph)).toBeLessThanOrEqual(leafDegrees);
    });
  });

  it('pages relations of several entities, with evidence only when asked', async () => {
    const full = await store.relationsOf(['e-00', 'e-01'], { offset: 2, limit: 3 });
    const light = await store.relationsOf(['e-00', 'e-01'], { offset: 2, limit: 3, evidence: false });
    for (const id of ['e-00', 'e-01']) {
      const all = data.relations.filter((r) => r.from === id || r.to === id);
      expect(full.get(id)!.totalCount).toBe(all.length);
      expect(light.get(id)!.totalCount).toBe(all.length);
      expect(light.get(id)!.items.map((r) => r.id)).toEqual(full.get(id)!.items.map((r) => r.id));
      expect(full.get(id)!.items.every((r) => r.evidence.length > 0)).toBe(true);
      expect(light.get(id)!.items.every((r) => r.evidence.length === 0)).toBe(true);
    }
  });
});
