import net, { type AddressInfo, type Socket } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { createDriver, resetGraph, type QueryEvent } from '@steppe/graph-store';
import { seedGraph, validatedDataset } from '@steppe/graph-seed';
import { isContested } from '@steppe/domain';
import { EXAMPLE_QUERIES } from '../src';
import { apiFor, gql, type Api } from './helpers';

/** Seeding the curated dataset is set-up, not the subject: it gets time to spare on a busy machine. */
const SEED_TIMEOUT_MS = 180_000;

/**
 * The API against a real Neo4j seeded with the curated dataset, in a graph
 * scoped to this file. Ids are looked up through search rather than assumed.
 */
describe('GraphQL API on the seeded graph', () => {
  const graph = `api-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  let driver: Driver;
  let api: Api;
  const queries: QueryEvent[] = [];

  const idOf = async (name: string, kind?: string) => {
    const res = await gql<{ search: { edges: { node: { id: string; kind: string } }[] } }>(
      api,
      'query($q: String!, $k: [EntityKind!]) { search(query: $q, kinds: $k, first: 1) { edges { node { id kind } } } }',
      { q: name, k: kind ? [kind] : null },
    );
    const id = res.body.data?.search.edges[0]?.node.id;
    if (!id) throw new Error(`no entity found for ${name}`);
    return id;
  };

  beforeAll(async () => {
    driver = createDriver({ uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
    await seedGraph({ driver, graph });
    api = apiFor({ driver, graph, onQuery: (e) => queries.push(e) });
  }, SEED_TIMEOUT_MS);
  afterAll(async () => {
    await resetGraph(driver, graph);
    await driver.close();
  });

  describe('search', () => {
    it.each([
      ['Tokayev', /Tokayev/],
      ['Tokaev', /Tokayev/],
      ['Alma-Ata', /Almaty/],
      ['ODKB', /Collective Security|CSTO/],
      ['Smajylow', /Smailov|Smajylow/],
    ])('finds %j', async (q, name) => {
      const res = await gql<{ search: { totalCount: number; edges: { node: { name: string } }[] } }>(
        api,
        'query($q: String!) { search(query: $q) { totalCount edges { node { name } } } }',
        { q },
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.search.edges[0]!.node.name).toMatch(name);
    });

    it('pages with cursors without repeating entities', async () => {
      const first = await gql<{
        search: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      }>(api, '{ search(query: "ka", first: 2) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }');
      const page1 = first.body.data!.search;
      expect(page1.edges).toHaveLength(2);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const second = await gql<{ search: { edges: { node: { id: string } }[] } }>(
        api,
        'query($after: String) { search(query: "ka", first: 2, after: $after) { edges { node { id } } } }',
        { after: page1.pageInfo.endCursor },
      );
      const ids2 = second.body.data!.search.edges.map((e) => e.node.id);
      expect(ids2.length).toBeGreaterThan(0);
      for (const id of ids2) expect(page1.edges.map((e) => e.node.id)).not.toContain(id);
    });

    it.each(['Tokayev) OR (*:*', '"; MATCH (n) DETACH DELETE n //', '\\', '~~~', '{!}'])('treats %j as text', async (q) => {
      const res = await gql(api, 'query($q: String!) { search(query: $q) { totalCount } }', { q });
      expect(res.body.errors).toBeUndefined();
    });
  });

  describe('entity and evidence', () => {
    it('answers who requested aid from whom, with sources and quotes', async () => {
      const tokayev = await idOf('Tokayev', 'Person');
      const res = await gql<{
        entity: {
          name: string;
          relations: {
            totalCount: number;
            edges: {
              node: {
                label: string;
                to: { name: string };
                date: string | null;
                evidence: { quote: string; source: { id: string; title: string } }[];
              };
            }[];
          };
        };
      }>(
        api,
        `query($id: ID!) { entity(id: $id) { name relations(types: [REQUESTED_AID_FROM], direction: OUT) { totalCount edges { node {
            label to { name } date evidence { quote source { id title } } } } } } }`,
        { id: tokayev },
      );
      expect(res.body.errors).toBeUndefined();
      const rels = res.body.data!.entity.relations.edges.map((e) => e.node);
      expect(rels.length).toBeGreaterThan(0);
      expect(rels[0]!.label).toBe('requested aid from');
      for (const r of rels) {
        expect(r.evidence.length).toBeGreaterThan(0);
        for (const e of r.evidence) {
          expect(e.quote.length).toBeGreaterThan(0);
          expect(e.source.title.length).toBeGreaterThan(0);
        }
      }
    });

    it('answers an unknown id with null and a NOT_FOUND error naming it', async () => {
      const res = await gql(api, '{ entity(id: "no-such-entity") { id } }');
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ entity: null });
      expect(res.body.errors?.[0]).toMatchObject({
        message: 'Unknown entity id: no-such-entity.',
        extensions: { code: 'NOT_FOUND', ids: ['no-such-entity'] },
      });
    });

    it('marks contested claims and shows the denying source', async () => {
      const res = await gql<{
        sources: { id: string; relations: { edges: { node: { contested: boolean; evidence: { stance: string }[] } }[] } }[];
      }>(api, '{ sources { id relations(first: 100) { edges { node { contested evidence { stance } } } } } }');
      const contested = res.body.data!.sources.flatMap((s) => s.relations.edges.map((e) => e.node)).filter((r) => r.contested);
      expect(contested.length).toBeGreaterThan(0);
      for (const r of contested) expect(r.evidence.map((e) => e.stance)).toContain('DENIED');
    });

    it('loads 50 entities with their relations in a small, fixed number of queries (no N+1)', async () => {
      const before = queries.length;
      const res = await gql<{
        search: {
          edges: { node: { relations: { edges: { node: { from: { id: string }; evidence: { source: { id: string } }[] } }[] } } }[];
        };
      }>(
        api,
        '{ search(query: "ka", first: 50) { edges { node { id relations(first: 10) { edges { node { from { id } to { id } evidence { source { id title } } } } } } } } }',
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.search.edges.length).toBeGreaterThan(5);
      // search + relations batch + entity batch + source batch
      expect(queries.length - before).toBeLessThanOrEqual(5);
    });
  });

  describe('neighbourhood, paths, subgraph, timeline', () => {
    it('expands a neighbourhood with evidence and reports truncation', async () => {
      const tokayev = await idOf('Tokayev', 'Person');
      const full = await gql<{
        neighbourhood: { nodes: { id: string }[]; edges: { id: string; evidence: unknown[] }[]; truncated: boolean };
      }>(api, 'query($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 2) { nodes { id } edges { id evidence { quote } } truncated } }', {
        ids: [tokayev],
      });
      expect(full.body.errors).toBeUndefined();
      const n = full.body.data!.neighbourhood;
      expect(n.nodes.map((x) => x.id)).toContain(tokayev);
      expect(n.edges.length).toBeGreaterThan(0);
      const small = await gql<{ neighbourhood: { nodes: unknown[]; truncated: boolean; omittedNodes: number } }>(
        api,
        'query($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 2, limit: 2) { nodes { id } truncated omittedNodes } }',
        { ids: [tokayev] },
      );
      expect(small.body.data!.neighbourhood.nodes).toHaveLength(2);
      expect(small.body.data!.neighbourhood.truncated).toBe(true);
      expect(small.body.data!.neighbourhood.omittedNodes).toBeGreaterThan(0);
    });

    it('fetches relations and evidence only when selected, with the same answers however they are selected', async () => {
      const tokayev = await idOf('Tokayev', 'Person');
      type N = {
        neighbourhood: { nodes: { id: string }[]; edges?: { id: string; evidence?: { quote: string }[] }[]; omittedNodes: number };
      };
      const direct = await gql<N>(
        api,
        'query($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 2) { nodes { id } edges { id evidence { quote } } omittedNodes } }',
        { ids: [tokayev] },
      );
      const viaFragments = await gql<N>(
        api,
        `query($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 2) { ...S } }
         fragment S on Subgraph { nodes { id } ... on Subgraph { edges { ...R } } omittedNodes }
         fragment R on Relation { id evidence { quote } }`,
        { ids: [tokayev] },
      );
      expect(viaFragments.body).toEqual(direct.body);
      expect(direct.body.data!.neighbourhood.edges!.length).toBeGreaterThan(0);
      for (const e of direct.body.data!.neighbourhood.edges!) expect(e.evidence!.length).toBeGreaterThan(0);

      const before = queries.length;
      const nodesOnly = await gql<N>(api, 'query($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 2) { nodes { id } omittedNodes } }', {
        ids: [tokayev],
      });
      expect(nodesOnly.body.data!.neighbourhood).toEqual({
        nodes: direct.body.data!.neighbourhood.nodes,
        omittedNodes: direct.body.data!.neighbourhood.omittedNodes,
      });
      const issued = queries.slice(before);
      expect(issued.length).toBeGreaterThan(0);
      for (const q of issued) expect(q.params.withEdges).toBe(false);

      const idsOnly = await gql<N>(api, 'query($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 2) { edges { id } } }', { ids: [tokayev] });
      expect(idsOnly.body.data!.neighbourhood.edges).toEqual(direct.body.data!.neighbourhood.edges!.map((e) => ({ id: e.id })));
      expect(queries.at(-1)!.cypher).not.toContain('evidenceQuotes');
      expect(queries.at(-1)!.cypher).not.toContain('.stance');

      // a relation's dates, stance, confidence and detail are read when the response selects any of them
      type D = { neighbourhood: { edges: { id: string; stance: string; confidence: number; date: string | null; sourceCount: number }[] } };
      const detailed = await gql<D>(
        api,
        'query($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 2) { edges { id stance confidence date sourceCount } } }',
        { ids: [tokayev] },
      );
      expect(queries.at(-1)!.cypher).toContain('.stance');
      const edges = detailed.body.data!.neighbourhood.edges;
      expect(edges.map((e) => e.id)).toEqual(direct.body.data!.neighbourhood.edges!.map((e) => e.id));
      for (const e of edges) {
        expect(e.stance).toMatch(/^[A-Z]+$/);
        expect(e.confidence).toBeGreaterThan(0);
        expect(e.sourceCount).toBeGreaterThan(0);
      }
      expect(edges.some((e) => e.date !== null)).toBe(true);
    });

    it('answers paths between unknown entities with NOT_FOUND naming them', async () => {
      const tokayev = await idOf('Tokayev', 'Person');
      const res = await gql(api, 'query($a: ID!) { paths(from: $a, to: "no-such-entity") { length } }', { a: tokayev });
      expect(res.body.errors?.[0]).toMatchObject({ message: 'Unknown entity id: no-such-entity.', extensions: { code: 'NOT_FOUND' } });
      const both = await gql(api, '{ paths(from: "nobody", to: "no-one") { length } }');
      expect(both.body.errors?.[0]?.message).toBe('Unknown entity ids: nobody, no-one.');
    });

    it('refuses depth and hop limits beyond the maximum, and unknown ids, precisely', async () => {
      const deep = await gql(api, '{ neighbourhood(ids: ["x"], depth: 4) { truncated } }');
      expect(deep.body.errors?.[0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED' } });
      const hops = await gql(api, '{ paths(from: "a", to: "b", maxHops: 7) { length } }');
      expect(hops.body.errors?.[0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED' } });
      const unknown = await gql(api, '{ neighbourhood(ids: ["no-such-entity"]) { truncated } }');
      expect(unknown.body.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      const badDate = await gql(api, '{ timeline(from: "2022-13-01") { date } }');
      expect(badDate.body.errors?.[0]?.message).toMatch(/Invalid Date/);
    });

    it('finds a path between two connected entities, each hop with evidence', async () => {
      const tokayev = await idOf('Tokayev', 'Person');
      const neighbourhood = await gql<{ neighbourhood: { nodes: { id: string }[] } }>(
        api,
        'query($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 2) { nodes { id } } }',
        { ids: [tokayev] },
      );
      const far = neighbourhood.body
        .data!.neighbourhood.nodes.map((x) => x.id)
        .filter((id) => id !== tokayev)
        .pop()!;
      for (const mode of ['SHORTEST', 'ALL_SHORTEST', 'ALL']) {
        const res = await gql<{ paths: { length: number; nodes: { id: string }[]; relations: { evidence: unknown[] }[] }[] }>(
          api,
          `query($a: ID!, $b: ID!) { paths(from: $a, to: $b, mode: ${mode}, maxHops: 3) { length nodes { id } relations { evidence { quote } } } }`,
          { a: tokayev, b: far },
        );
        expect(res.body.errors).toBeUndefined();
        const paths = res.body.data!.paths;
        expect(paths.length).toBeGreaterThan(0);
        expect(paths[0]!.nodes[0]!.id).toBe(tokayev);
        expect(paths[0]!.nodes.at(-1)!.id).toBe(far);
        expect(paths[0]!.relations).toHaveLength(paths[0]!.length);
        for (const r of paths[0]!.relations) expect(r.evidence.length).toBeGreaterThan(0);
      }
    });

    it('returns the relations among given entities', async () => {
      const tokayev = await idOf('Tokayev', 'Person');
      const nb = await gql<{ neighbourhood: { nodes: { id: string }[]; edges: { id: string }[] } }>(
        api,
        'query($ids: [ID!]!) { neighbourhood(ids: $ids) { nodes { id } edges { id } } }',
        { ids: [tokayev] },
      );
      const ids = nb.body.data!.neighbourhood.nodes.map((n) => n.id);
      const sub = await gql<{ subgraph: { nodes: unknown[]; edges: { id: string }[] } }>(
        api,
        'query($ids: [ID!]!) { subgraph(ids: $ids) { nodes { id } edges { id } } }',
        { ids },
      );
      expect(sub.body.data!.subgraph.nodes).toHaveLength(ids.length);
      for (const e of nb.body.data!.neighbourhood.edges) expect(sub.body.data!.subgraph.edges.map((x) => x.id)).toContain(e.id);
    });

    it('orders the timeline by date and honours the range', async () => {
      const res = await gql<{ timeline: { date: string; event: { id: string } | null; relation: { id: string } | null }[] }>(
        api,
        '{ timeline(from: "2022-01-01", to: "2022-01-31") { date event { id } relation { id } } }',
      );
      expect(res.body.errors).toBeUndefined();
      const dates = res.body.data!.timeline.map((t) => t.date);
      expect(dates.length).toBeGreaterThan(0);
      expect([...dates].sort()).toEqual(dates);
      for (const d of dates) expect(d <= '2022-01-31').toBe(true);
      for (const t of res.body.data!.timeline) expect(Boolean(t.event) !== Boolean(t.relation)).toBe(true);
    });
  });

  describe('relations across the graph', () => {
    type Listed = {
      relations: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { id: string; type: string; contested: boolean; evidence: { stance: string; source: { id: string } }[] } }[];
      };
    };
    const LIST = `query($types: [RelationType!], $contested: Boolean, $source: ID, $first: Int, $after: String) {
      relations(types: $types, contested: $contested, source: $source, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id type contested evidence { stance source { id } } } }
      }
    }`;

    it('lists every contested claim of the dataset, each with a denying and a supporting source', async () => {
      const { data } = await validatedDataset();
      const expected = data.relations
        .filter((r) => isContested(r.evidence.map((e) => e.stance ?? r.stance)))
        .map((r) => r.id)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      const res = await gql<Listed>(api, LIST, { contested: true, first: 100 });
      expect(res.body.errors).toBeUndefined();
      const listed = res.body.data!.relations;
      expect(listed.totalCount).toBe(expected.length);
      const stats = await gql<{ stats: { contestedRelations: number } }>(api, '{ stats { contestedRelations } }');
      expect(stats.body.data!.stats.contestedRelations).toBe(expected.length);
      expect(listed.edges.map((e) => e.node.id).sort()).toEqual(expected);
      for (const { node } of listed.edges) {
        expect(node.contested).toBe(true);
        expect(node.evidence.some((e) => e.stance === 'DENIED')).toBe(true);
        expect(node.evidence.some((e) => e.stance !== 'DENIED')).toBe(true);
      }
    });

    it('lists relations by type and by source as the dataset has them', async () => {
      const { data } = await validatedDataset();
      const aid = data.relations
        .filter((r) => r.type === 'REQUESTED_AID_FROM')
        .map((r) => r.id)
        .sort();
      const res = await gql<Listed>(api, LIST, { types: ['REQUESTED_AID_FROM'], first: 100 });
      expect(res.body.data!.relations.edges.map((e) => e.node.id).sort()).toEqual(aid);

      const sourceId = data.sources[0]!.id;
      const cited = data.relations.filter((r) => r.evidence.some((e) => e.sourceId === sourceId));
      const bySource = await gql<Listed>(api, LIST, { source: sourceId, first: 100 });
      expect(bySource.body.data!.relations.totalCount).toBe(cited.length);
      for (const { node } of bySource.body.data!.relations.edges) expect(node.evidence.some((e) => e.source.id === sourceId)).toBe(true);
    });

    it('pages through every relation with cursors, each once', async () => {
      const { data } = await validatedDataset();
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        const res: { body: { data?: Listed } } = await gql<Listed>(api, LIST, { first: 40, after });
        const listed = res.body.data!.relations;
        expect(listed.totalCount).toBe(data.relations.length);
        seen.push(...listed.edges.map((e) => e.node.id));
        if (!listed.pageInfo.hasNextPage) break;
        after = listed.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(data.relations.length);
      expect(new Set(seen).size).toBe(data.relations.length);
    });

    it('refuses bad arguments with precise messages', async () => {
      const tooMany = await gql(api, LIST, { first: 101 });
      expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
      const badType = await gql(api, LIST, { types: ['KNOWS'] });
      expect(badType.body.errors?.[0]?.message).toMatch(/KNOWS/);
      const badCursor = await gql(api, LIST, { after: 'not-a-cursor' });
      expect(badCursor.body.errors?.[0]?.message).toMatch(/Invalid cursor/);
      // A hostile id is a value, never Cypher: it names no source, and the answer says so.
      const unknownSource = await gql<Listed>(api, LIST, { source: "x' OR 1=1 //" });
      expect(unknownSource.body.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', ids: ["x' OR 1=1 //"] } });
    });
  });

  describe('GraphiQL examples', () => {
    it.each(EXAMPLE_QUERIES.map((e) => [e.title, e] as const))('%s runs within the limits and returns data', async (_title, example) => {
      const res = await gql<Record<string, unknown>>(api, example.query, example.variables);
      expect(res.body.errors).toBeUndefined();
      const values = Object.values(res.body.data ?? {});
      expect(values.length).toBeGreaterThan(0);
      for (const v of values) expect(v === null || (Array.isArray(v) && v.length === 0)).toBe(false);
    });

    // graphql-jit is an optimisation: the same document must answer the same through graphql-js's executor.
    const userMistakes = [
      // Apart: with both in one document, which error graphql-js reports first depends on timing once `data` is null.
      { title: 'Unknown id', query: '{ entity(id: "no-such-entity") { id } }' },
      { title: 'Unknown id in a neighbourhood', query: '{ neighbourhood(ids: ["no-such-entity", "kazakhstan"]) { truncated } }' },
      { title: 'Limit exceeded', query: '{ neighbourhood(ids: ["x"], depth: 4) { truncated } }' },
      { title: 'Bad date', query: '{ timeline(from: "2022-13-01") { date } }' },
      {
        title: 'Nested limit in a fragment',
        query:
          'query Q { first: search(query: "Tokayev", first: 1) { edges { node { ...R } } } } fragment R on Entity { rels: relations(first: 100000) { totalCount } }',
      },
    ] as { title: string; query: string; variables?: Record<string, unknown> }[];
    it.each([...EXAMPLE_QUERIES, ...userMistakes].map((e) => [e.title, e] as const))(
      '%s answers the same without graphql-jit',
      async (_title, example) => {
        const plain = apiFor({ driver, graph, jit: false });
        const [jitted, interpreted] = await Promise.all([
          gql(api, example.query, example.variables),
          gql(plain, example.query, example.variables),
        ]);
        expect(interpreted.status).toBe(jitted.status);
        expect(interpreted.body).toEqual(jitted.body);
        expect(jitted.body.data !== undefined || (jitted.body.errors ?? []).length > 0).toBe(true);
      },
    );
  });

  describe('vocabulary and sources', () => {
    it('counts relation types and entity kinds in the graph', async () => {
      const res = await gql<{
        relationTypes: { name: string; count: number }[];
        entityKinds: { kind: string; count: number }[];
        stats: { entities: number; relations: number };
      }>(api, '{ relationTypes { name count } entityKinds { kind count } stats { entities relations } }');
      const { relationTypes, entityKinds, stats } = res.body.data!;
      expect(relationTypes.reduce((s, t) => s + t.count, 0)).toBe(stats.relations);
      expect(entityKinds.reduce((s, k) => s + k.count, 0)).toBe(stats.entities);
    });

    it('lists the five source documents with what they are cited for', async () => {
      const res = await gql<{ sources: { id: string; relationCount: number }[] }>(api, '{ sources { id relationCount } }');
      expect(res.body.data!.sources).toHaveLength(5);
      for (const s of res.body.data!.sources) expect(s.relationCount).toBeGreaterThan(0);
      const one = await gql<{ source: { id: string } | null }>(api, 'query($id: ID!) { source(id: $id) { id } }', {
        id: res.body.data!.sources[0]!.id,
      });
      expect(one.body.data!.source?.id).toBe(res.body.data!.sources[0]!.id);
    });
  });
});

describe('GraphQL API when Neo4j goes away and comes back', () => {
  it('answers SERVICE_UNAVAILABLE and /readyz 503 while down, then recovers without a restart', async () => {
    // A TCP proxy in front of the real Neo4j lets the test cut and restore the connection.
    const target = new URL(process.env.NEO4J_URI!.replace(/^bolt/, 'http'));
    const sockets = new Set<Socket>();
    let up = true;
    const proxy = net.createServer((client) => {
      if (!up) return client.destroy();
      const upstream = net.connect(Number(target.port), target.hostname);
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const close = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', close);
      upstream.on('error', close);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    const port = (proxy.address() as AddressInfo).port;
    const driver = createDriver(
      { uri: `bolt://127.0.0.1:${port}`, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD },
      { connectionTimeoutMs: 2_000, maxRetryTimeMs: 0 },
    );
    const api = apiFor({ driver });
    try {
      expect((await api.fetch('http://api.test/readyz')).status).toBe(200);
      up = false;
      for (const s of sockets) s.destroy();
      const down = await gql(api, '{ stats { entities } }');
      expect(down.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      // The readiness probe reuses its last result for a second (http/readiness.ts): the 200 read
      // just before the cut may still be served; within a few seconds it says 503.
      let notReady = 0;
      for (let i = 0; i < 30 && notReady !== 503; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, 200));
        notReady = (await api.fetch('http://api.test/readyz')).status;
      }
      expect(notReady).toBe(503);
      up = true;
      const back = await gql(api, '{ stats { entities } }');
      expect(back.body.errors).toBeUndefined();
      // The readiness probe reuses a result for a second (http/readiness.ts): ready again within a few.
      let ready = 0;
      for (let i = 0; i < 30 && ready !== 200; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, 200));
        ready = (await api.fetch('http://api.test/readyz')).status;
      }
      expect(ready).toBe(200);
    } finally {
      await driver.close();
      for (const s of sockets) s.destroy();
      proxy.close();
    }
  });
});
