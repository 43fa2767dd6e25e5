import type { Driver } from 'neo4j-driver';
import { ENTITY_KINDS } from '@steppe/domain';
import { createGraphStore } from '../src';
import { neighbourhoodLevelStatement, pathsStatement, subgraphStatement, type PathMode } from '../src/explore';
import {
  EXPORT_ENTITIES_CYPHER,
  EXPORT_SOURCES_CYPHER,
  EXPORT_START_CYPHER,
  exportNeighboursCypher,
  exportRelationCountCypher,
  exportRelationsCypher,
} from '../src/export-reads';
import { ACTIVE_GENERATION_LOOKUP } from '../src/generations';
import { HUB_INDEX_CYPHER } from '../src/hubs';
import { entityMergeCypher } from '../src/load/entities';
import { PASSAGE_MERGE_CYPHER, SOURCE_MERGE_CYPHER } from '../src/load/documents';
import { CURRENT_GENERATION_CYPHER } from '../src/load/plan';
import { relationCreateCypher, relationCreateFromStringCypher } from '../src/load/relations';
import {
  ABANDONED_GENERATIONS_CYPHER,
  ALL_GENERATIONS_CYPHER,
  deleteBatchCypher,
  DELETE_GRAPH_POINTER_CYPHER,
  FORGET_PENDING_CYPHER,
  REGISTER_PENDING_CYPHER,
} from '../src/load/retire';
import { AWAIT_FULLTEXT_CYPHER, GENERATION_COUNTS_CYPHER, SWITCH_GENERATION_CYPHER } from '../src/load/switch';
import { relationListQuery } from '../src/relation-list';
import { schemaStatements } from '../src/schema';

/*
 * Whole-statement snapshots of every statement graph-store sends. The behaviour tests
 * (*.int.test.ts) say the statements answer correctly on a real Neo4j; these make any change to
 * a statement's text visible in review (`jest -u` rewrites them, and the diff shows what moved).
 */

/**
 * A driver that records each query the store sends and answers with no rows: the
 * store's own statements, exactly as written, without a database.
 */
function recordingDriver(): { driver: Driver; sent: { cypher: string; params: string[] }[] } {
  const sent: { cypher: string; params: string[] }[] = [];
  const driver = {
    executeQuery: async (cypher: string, params: Record<string, unknown>) => {
      sent.push({ cypher, params: Object.keys(params).sort() });
      return { records: [] };
    },
  } as unknown as Driver;
  return { driver, sent };
}

describe('the store’s read statements', () => {
  const reads: [string, (store: ReturnType<typeof createGraphStore>) => Promise<unknown>][] = [
    ['stats', (s) => s.stats()],
    ['sources', (s) => s.sources()],
    ['relationsCitingSource', (s) => s.relationsCitingSource('src-1', 0, 10)],
    ['relations (unfiltered)', (s) => s.relations({ offset: 0, limit: 10 })],
    [
      'relations (type, contested, source)',
      (s) => s.relations({ types: ['ACCUSED', 'LEADS'], contested: true, sourceId: 'src-1', offset: 5, limit: 10 }),
    ],
    ['search', (s) => s.search('tokayev', { kinds: ['Person'], offset: 0, limit: 10 })],
    ['entitiesByIds', (s) => s.entitiesByIds(['a', 'b'])],
    ['relationsOf (both ways, all types)', (s) => s.relationsOf(['a'], { offset: 0, limit: 10 })],
    [
      'relationsOf (out, one type, no evidence)',
      (s) => s.relationsOf(['a'], { direction: 'OUT', types: ['ACCUSED'], evidence: false, offset: 0, limit: 10 }),
    ],
    ['sourcesByIds', (s) => s.sourcesByIds(['src-1'])],
    ['vocabularyCounts', (s) => s.vocabularyCounts()],
    ['timeline', (s) => s.timeline({ from: '2022-01-01', to: '2022-12-31', ids: ['a'], kinds: ['Event'], limit: 50 })],
    [
      'neighbourhood (first level, no filter)',
      (s) => s.neighbourhood(['a'], { depth: 1, direction: 'BOTH', nodeLimit: 100, edgeLimit: 500 }),
    ],
    ['subgraph', (s) => s.subgraph(['a', 'b'], 500)],
    ['paths', (s) => s.paths('a', 'b', { maxHops: 3, mode: 'SHORTEST', limit: 5 })],
  ];

  it.each(reads)('%s', async (_name, call) => {
    const { driver, sent } = recordingDriver();
    await call(createGraphStore({ driver, graph: 'steppe' }));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent).toMatchSnapshot();
  });
});

describe('the explorer’s statement builders', () => {
  it.each([
    ['first level', { first: true, direction: 'BOTH' as const }],
    ['later level, outgoing, typed', { first: false, direction: 'OUT' as const, types: ['ACCUSED', 'LEADS'] }],
    [
      'incoming, every filter, no evidence or details',
      {
        first: false,
        direction: 'IN' as const,
        evidence: false,
        details: false,
        kinds: true,
        filter: { minSources: true, from: true, to: true },
      },
    ],
  ])('a neighbourhood level: %s', (_name, opts) => {
    expect(neighbourhoodLevelStatement(opts)).toMatchSnapshot();
  });

  it('the subgraph among given entities', () => {
    expect(subgraphStatement({})).toMatchSnapshot();
    expect(subgraphStatement({ evidence: false, details: false })).toMatchSnapshot();
  });

  it.each<PathMode>(['SHORTEST', 'ALL_SHORTEST', 'ALL'])('paths, mode %s', (mode) => {
    expect(pathsStatement({ maxHops: 4, types: ['ACCUSED'], mode })).toMatchSnapshot();
  });

  it('the relation list', () => {
    expect(relationListQuery('steppe', { offset: 0, limit: 10 }).cypher).toMatchSnapshot();
    expect(relationListQuery('steppe', { types: ['ACCUSED'], offset: 0, limit: 10 }).cypher).toMatchSnapshot();
  });
});

describe('the export’s statements', () => {
  it('look up the generation, the start entities, each level, the entities, relations and sources', () => {
    expect({
      generation: ACTIVE_GENERATION_LOOKUP,
      start: EXPORT_START_CYPHER,
      neighbours: exportNeighboursCypher(undefined),
      typedNeighbours: exportNeighboursCypher(['ACCUSED', 'LEADS']),
      entities: EXPORT_ENTITIES_CYPHER,
      relations: exportRelationsCypher(undefined),
      typedRelations: exportRelationsCypher(['ACCUSED']),
      relationCount: exportRelationCountCypher(['ACCUSED']),
      sources: EXPORT_SOURCES_CYPHER,
    }).toMatchSnapshot();
  });
});

describe('the loader’s statements', () => {
  it('the schema', () => {
    expect(schemaStatements()).toMatchSnapshot();
  });

  it('plan, sources and entities', () => {
    expect({
      current: CURRENT_GENERATION_CYPHER,
      registerPending: REGISTER_PENDING_CYPHER,
      sources: SOURCE_MERGE_CYPHER,
      passages: PASSAGE_MERGE_CYPHER,
      entities: Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, entityMergeCypher(kind)])),
    }).toMatchSnapshot();
  });

  it('relations, as positional rows and as one string', () => {
    expect({ rows: relationCreateCypher('ACCUSED'), text: relationCreateFromStringCypher('ACCUSED') }).toMatchSnapshot();
  });

  it('verify, hub index, switch and retire', () => {
    expect({
      counts: GENERATION_COUNTS_CYPHER,
      hubIndex: HUB_INDEX_CYPHER,
      awaitFulltext: AWAIT_FULLTEXT_CYPHER,
      switch: SWITCH_GENERATION_CYPHER,
      abandoned: ABANDONED_GENERATIONS_CYPHER,
      forgetPending: FORGET_PENDING_CYPHER,
      deleteEntities: deleteBatchCypher('Entity'),
      deleteSources: deleteBatchCypher('Source'),
      allGenerations: ALL_GENERATIONS_CYPHER,
      deletePointer: DELETE_GRAPH_POINTER_CYPHER,
    }).toMatchSnapshot();
  });
});
