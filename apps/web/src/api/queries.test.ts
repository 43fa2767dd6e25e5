import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import type { GraphQLClient } from './client';
import { SteppeApiError } from './client';
import {
  CLAIMS_QUERY,
  CONTESTED_COUNT_QUERY,
  NEIGHBOUR_IDS_QUERY,
  NEIGHBOURHOOD_QUERY,
  PATHS_QUERY,
  PING_QUERY,
  RELATION_TYPES_QUERY,
  SEARCH_QUERY,
  SUBGRAPH_QUERY,
} from '@steppe/client/explorer';
import {
  fetchClaims,
  fetchContestedCount,
  fetchNeighbourhood,
  fetchNeighbours,
  fetchPaths,
  fetchRelationTypes,
  fetchSubgraph,
  MAX_SEARCH_LENGTH,
  normaliseSearch,
  searchEntities,
} from './queries';

/**
 * Contract check: the explorer's documents must be valid against the API's
 * published SDL (read from the files, not imported: the web app talks to the
 * API over HTTP only).
 */
describe('query documents', () => {
  const schemaDir = path.resolve(__dirname, '../../../api/src/schema');
  const sdl = readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(path.join(schemaDir, f), 'utf8'))
    .join('\n');
  const schema = buildSchema(sdl);

  it.each([
    ['search', SEARCH_QUERY],
    ['neighbourhood', NEIGHBOURHOOD_QUERY],
    ['ping', PING_QUERY],
    ['neighbours', NEIGHBOUR_IDS_QUERY],
    ['subgraph', SUBGRAPH_QUERY],
    ['paths', PATHS_QUERY],
    ['relation types', RELATION_TYPES_QUERY],
    ['claims', CLAIMS_QUERY],
    ['contested count', CONTESTED_COUNT_QUERY],
  ])('the %s query validates against the API schema', (_name, document) => {
    expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
  });
});

function fakeClient(answer: (document: string, variables: Record<string, unknown>) => unknown) {
  const calls: { document: string; variables: Record<string, unknown> }[] = [];
  const client: GraphQLClient = {
    url: 'http://api.test/graphql',
    async request<T>(document: string, variables: Record<string, unknown> = {}) {
      calls.push({ document, variables });
      return answer(document, variables) as T;
    },
  };
  return { client, calls };
}

const summary = (id: string, kind: string, name: string) => ({ id, kind, name, aliases: [], description: `${name}.` });

describe('normaliseSearch', () => {
  it('collapses whitespace, trims and caps the length the API accepts', () => {
    expect(normaliseSearch('  Kassym-Jomart \n  Tokayev ')).toBe('Kassym-Jomart Tokayev');
    expect(normaliseSearch('x'.repeat(500))).toHaveLength(MAX_SEARCH_LENGTH);
    expect(normaliseSearch('   ')).toBe('');
  });
});

describe('searchEntities', () => {
  it('does not call the API for an empty query', async () => {
    const { client, calls } = fakeClient(() => {
      throw new Error('should not be called');
    });
    await expect(searchEntities(client, '   ')).resolves.toEqual({ hits: [], totalCount: 0, suggestions: [] });
    expect(calls).toHaveLength(0);
  });

  it('sends the normalised query and maps hits with their scores', async () => {
    const { client, calls } = fakeClient(() => ({
      search: {
        totalCount: 2,
        edges: [
          { score: 3.2, node: { ...summary('kassym-jomart-tokayev', 'Person', 'Kassym-Jomart Tokayev'), aliases: ['Tokaev'] } },
          { score: 1.1, node: { ...summary('tokayev-cabinet', 'Organisation', 'Tokayev cabinet'), aliases: null, description: null } },
        ],
        suggestions: [],
      },
    }));
    const result = await searchEntities(client, ' Tokayev ');
    expect(calls[0]?.variables).toEqual({ query: 'Tokayev', first: 20 });
    expect(result.totalCount).toBe(2);
    expect(result.hits.map((h) => [h.id, h.kind, h.score])).toEqual([
      ['kassym-jomart-tokayev', 'Person', 3.2],
      ['tokayev-cabinet', 'Organisation', 1.1],
    ]);
    expect(result.hits[0]?.aliases).toEqual(['Tokaev']);
    expect(result.hits[1]).toMatchObject({ aliases: [], description: '' });
  });

  it('rejects an entity kind the explorer does not know', async () => {
    const { client } = fakeClient(() => ({
      search: { totalCount: 1, edges: [{ score: 1, node: summary('x', 'Spaceship', 'X') }], suggestions: [] },
    }));
    await expect(searchEntities(client, 'x')).rejects.toMatchObject({ kind: 'invalid-response' });
    await expect(searchEntities(client, 'x')).rejects.toBeInstanceOf(SteppeApiError);
  });
});

describe('fetchNeighbourhood', () => {
  const relation = {
    id: 'tokayev-requested-aid-from-csto',
    type: 'REQUESTED_AID_FROM',
    label: 'requested aid from',
    date: '2022-01-05',
    startDate: null,
    endDate: null,
    stance: 'ASSERTED',
    confidence: 0.95,
    detail: null,
    sourceCount: 1,
    contested: false,
    from: summary('kassym-jomart-tokayev', 'Person', 'Kassym-Jomart Tokayev'),
    to: summary('csto', 'Organisation', 'CSTO'),
    evidence: [
      {
        quote: 'Tokayev appealed to the CSTO.',
        stance: 'ASSERTED',
        source: { id: 'a.md', title: 'A', outlet: 'Wire', publishedAt: '2022-01-05', url: null },
      },
    ],
  };

  it('asks for 50 relations and maps the entity, its facts and its relations', async () => {
    const { client, calls } = fakeClient(() => ({
      entity: {
        ...summary('kassym-jomart-tokayev', 'Person', 'Kassym-Jomart Tokayev'),
        roles: ['President of Kazakhstan'],
        relations: { totalCount: 120, pageInfo: { hasNextPage: true, endCursor: 'c50' }, edges: [{ node: relation }] },
      },
    }));
    const n = await fetchNeighbourhood(client, 'kassym-jomart-tokayev');
    expect(calls[0]?.variables).toEqual({ id: 'kassym-jomart-tokayev', first: 50, after: null });
    expect(n?.entity).toMatchObject({ id: 'kassym-jomart-tokayev', kind: 'Person', facts: { roles: ['President of Kazakhstan'] } });
    expect(n?.relations).toHaveLength(1);
    expect(n?.relations[0]?.to).toEqual(summary('csto', 'Organisation', 'CSTO'));
    expect(n?.relations[0]?.evidence[0]?.quote).toBe('Tokayev appealed to the CSTO.');
    expect(n).toMatchObject({ totalCount: 120, hasNextPage: true, endCursor: 'c50' });
  });

  it('passes the cursor for the next page', async () => {
    const { client, calls } = fakeClient(() => ({ entity: null }));
    await fetchNeighbourhood(client, 'csto', { after: 'c50' });
    expect(calls[0]?.variables).toMatchObject({ after: 'c50' });
  });

  it('resolves to null when the API answers NOT_FOUND for the id', async () => {
    const { client } = fakeClient(() => {
      throw new SteppeApiError('graphql', 'Unknown entity id: nobody.', 'http://api.test', { missingIds: ['nobody'] });
    });
    await expect(fetchNeighbourhood(client, 'nobody')).resolves.toBeNull();
  });
});

const rawRelation = (id: string, from: ReturnType<typeof summary>, to: ReturnType<typeof summary>) => ({
  id,
  type: 'REQUESTED_AID_FROM',
  label: 'requested aid from',
  date: '2022-01-05',
  startDate: null,
  endDate: null,
  stance: 'ASSERTED',
  confidence: 0.9,
  detail: null,
  sourceCount: 1,
  contested: false,
  from,
  to,
  evidence: null,
});

describe('explorer queries', () => {
  const t = summary('kassym-jomart-tokayev', 'Person', 'Kassym-Jomart Tokayev');
  const c = summary('csto', 'Organisation', 'CSTO');

  it('fetchNeighbours sends ids, types, direction and the limit as variables', async () => {
    const { client, calls } = fakeClient(() => ({ neighbourhood: { nodes: [t, c], truncated: true, omittedNodes: 4 } }));
    const n = await fetchNeighbours(client, ['kassym-jomart-tokayev'], {
      relationTypes: ['REQUESTED_AID_FROM'],
      direction: 'OUT',
      limit: 26,
    });
    expect(calls[0]!.variables).toEqual({
      ids: ['kassym-jomart-tokayev'],
      relationTypes: ['REQUESTED_AID_FROM'],
      direction: 'OUT',
      limit: 26,
    });
    expect(n).toEqual({
      entities: [expect.objectContaining({ id: t.id }), expect.objectContaining({ id: 'csto' })],
      truncated: true,
      omittedNodes: 4,
    });
    await fetchNeighbours(client, ['x'], { relationTypes: [], limit: 10_000 });
    expect(calls[1]!.variables).toMatchObject({ relationTypes: null, direction: 'BOTH', limit: 500 });
  });

  it('fetchSubgraph maps entities with their facts and relations with evidence', async () => {
    const { client, calls } = fakeClient(() => ({
      subgraph: {
        nodes: [
          { ...t, roles: ['President'] },
          { ...c, orgType: 'alliance', country: null },
        ],
        edges: [rawRelation('r1', t, c)],
        truncated: false,
        omittedEdges: 0,
      },
    }));
    const s = await fetchSubgraph(client, ['csto', 'kassym-jomart-tokayev', 'csto']);
    expect(calls[0]!.variables).toEqual({ ids: ['csto', 'kassym-jomart-tokayev'] });
    expect(s.entities[0]!.facts).toEqual({ roles: ['President'] });
    expect(s.entities[1]!.facts).toEqual({ orgType: 'alliance', country: null });
    expect(s.relations[0]).toMatchObject({ id: 'r1', evidence: [], from: { id: t.id }, to: { id: 'csto' } });
    expect(await fetchSubgraph(client, [])).toEqual({ entities: [], relations: [], truncated: false, omittedEdges: 0 });
    expect(calls).toHaveLength(1);
  });

  it('fetchPaths asks for every shortest path by default', async () => {
    const { client, calls } = fakeClient(() => ({ paths: [{ length: 1, nodes: [t, c], relations: [rawRelation('r1', t, c)] }] }));
    const paths = await fetchPaths(client, t.id, 'csto');
    expect(calls[0]!.variables).toEqual({ from: t.id, to: 'csto', maxHops: 4, mode: 'ALL_SHORTEST', limit: 5 });
    expect(paths[0]!.nodes.map((n) => n.id)).toEqual([t.id, 'csto']);
  });

  it('fetchRelationTypes spells families as the domain does', async () => {
    const { client } = fakeClient(() => ({
      relationTypes: [{ name: 'LEADS', label: 'leads', inverseLabel: 'is led by', family: 'POWER', count: 4 }],
    }));
    expect(await fetchRelationTypes(client)).toEqual([
      { name: 'LEADS', label: 'leads', inverseLabel: 'is led by', family: 'power', count: 4 },
    ]);
  });

  it('fetchClaims asks for claims by type or disagreement and maps them with their endpoints', async () => {
    const { client, calls } = fakeClient(() => ({ relations: { totalCount: 7, edges: [{ node: rawRelation('r1', t, c) }] } }));
    const page = await fetchClaims(client, { contested: true });
    expect(calls[0]!.variables).toEqual({ types: null, contested: true, first: 50 });
    expect(page.totalCount).toBe(7);
    expect(page.relations[0]).toMatchObject({ id: 'r1', from: { id: t.id }, to: { id: 'csto' } });
    await fetchClaims(client, { types: ['REQUESTED_AID_FROM'] }, { first: 10 });
    expect(calls[1]!.variables).toEqual({ types: ['REQUESTED_AID_FROM'], contested: null, first: 10 });
    await expect(fetchClaims(client, { types: ['KNOWS'] })).rejects.toThrow(/KNOWS/);
    expect(calls).toHaveLength(2);
  });

  it('fetchContestedCount reads the stored count from stats', async () => {
    const { client, calls } = fakeClient(() => ({ stats: { contestedRelations: 5 } }));
    expect(await fetchContestedCount(client)).toBe(5);
    expect(calls[0]!.document).toContain('contestedRelations');
  });

  it('rejects an entity kind it does not know', async () => {
    const { client } = fakeClient(() => ({ neighbourhood: { nodes: [summary('x', 'Planet', 'X')], truncated: false, omittedNodes: 0 } }));
    await expect(fetchNeighbours(client, ['x'])).rejects.toMatchObject({ kind: 'invalid-response' });
  });
});
