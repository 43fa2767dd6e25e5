import type { Driver } from 'neo4j-driver';
import type { Entity, Relation, Source } from '@steppe/domain';
import { createDriver, resetGraph, type GraphData } from '../../src';

/** A driver for the Neo4j the test run provides (jest globalSetup sets NEO4J_URI). */
export function testDriver(): Driver {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set: run tests through `npm test` or jest with the shared preset.');
  return createDriver({ uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
}

/** A graph name no other test uses: each test's data is scoped to its own graph. */
export function uniqueGraph(prefix = 't'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function dropGraph(driver: Driver, graph: string): Promise<void> {
  await resetGraph(driver, graph);
}

export async function countGraph(driver: Driver, graph: string) {
  const { records } = await driver.executeQuery(
    `MATCH (sg:SteppeGraph {name: $graph})
     OPTIONAL MATCH (n:Entity {graph: sg.active})
     WITH sg, count(n) AS entities
     OPTIONAL MATCH (:Entity {graph: sg.active})-[r]->()
     WITH sg, entities, count(r) AS relations
     OPTIONAL MATCH (s:Source {graph: sg.active})
     RETURN entities, relations, count(s) AS sources, sg.active AS active`,
    { graph },
  );
  const row = records[0];
  return row
    ? {
        entities: Number(row.get('entities')),
        relations: Number(row.get('relations')),
        sources: Number(row.get('sources')),
        active: row.get('active') as string,
      }
    : undefined;
}

/** Every node and relationship of any generation of `graph` (to prove nothing is left over). */
export async function countAllGenerations(driver: Driver, graph: string): Promise<number> {
  const { records } = await driver.executeQuery(
    `MATCH (n) WHERE (n:Entity OR n:Source) AND n.graph STARTS WITH $prefix RETURN count(n) AS n`,
    { prefix: `${graph}@` },
  );
  return Number(records[0]?.get('n') ?? 0);
}

const source: Source = { id: 'doc-1', title: 'Test document', languages: ['en'] };

/** A tiny but complete graph: three entities, three relations, one contested. */
export function tinyGraph(): GraphData {
  const entities: Entity[] = [
    {
      id: 'kassym-jomart-tokayev',
      kind: 'Person',
      name: 'Kassym-Jomart Tokayev',
      aliases: ['Tokayev', 'Tokaev'],
      description: 'President',
      roles: ['President'],
    },
    {
      id: 'csto',
      kind: 'Organisation',
      name: 'Collective Security Treaty Organization',
      aliases: ['CSTO', 'ODKB'],
      description: 'Alliance',
    },
    {
      id: 'almaty',
      kind: 'Place',
      name: 'Almaty',
      aliases: ['Alma-Ata', 'Älmaty'],
      description: 'City',
      placeType: 'city',
      lat: 43.24,
      lon: 76.95,
    },
    {
      id: 'protests',
      kind: 'Event',
      name: 'January protests',
      aliases: [],
      description: 'Unrest',
      startDate: '2022-01-02',
      placeId: 'almaty',
    },
  ];
  const relations: Relation[] = [
    {
      id: 'tokayev-requested-aid-from-csto',
      type: 'REQUESTED_AID_FROM',
      from: 'kassym-jomart-tokayev',
      to: 'csto',
      date: '2022-01-05',
      stance: 'ASSERTED',
      confidence: 0.95,
      evidence: [{ sourceId: 'doc-1', quote: 'requested urgent military assistance' }],
    },
    {
      id: 'protests-in-almaty',
      type: 'OCCURRED_IN',
      from: 'protests',
      to: 'almaty',
      startDate: '2022-01-04',
      endDate: '2022-01-07',
      stance: 'REPORTED',
      confidence: 0.9,
      evidence: [{ sourceId: 'doc-1', quote: 'protests in Almaty' }],
    },
    {
      id: 'csto-coordinated-protests',
      type: 'COORDINATED',
      from: 'csto',
      to: 'protests',
      stance: 'CLAIMED',
      confidence: 0.2,
      evidence: [
        { sourceId: 'doc-1', quote: 'coordinated' },
        { sourceId: 'doc-1', quote: 'no evidence', stance: 'DENIED' },
      ],
    },
  ];
  return { sources: [source], entities, relations };
}
