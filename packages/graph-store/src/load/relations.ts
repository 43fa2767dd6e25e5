import type { Session } from 'neo4j-driver';
import { RELATION_TYPE_NAMES, dateEnd, dateStart, type Evidence, type Relation, type RelationType } from '@steppe/domain';
import type { EvidenceAnchors } from './documents';
import type { LoadedNodes } from './entities';
import { chunks, SLICE, yieldToDriver, type ContentHasher, type GraphData, type Progress } from './plan';
import {
  cypherLiteral,
  encodeRelationBatch,
  FIELD_SEPARATOR,
  ITEM_SEPARATOR,
  memoised,
  RELATION_FIELD_TYPES,
  RELATION_PROPERTIES,
  relationValuesWith,
  ROW_SEPARATOR,
} from './wire-format';

/*
 * The batch statements below are planned once per load, not once per batch. Neo4j caches a plan
 * per statement text and parameter types, and the type of a string or list parameter includes its
 * length rounded up to a power of ten: a bare `$rows` list or `$batch` string of another length
 * (each type's last, shorter batch) was planned again. A cached plan that read a count which has
 * since moved (all nodes, index selectivity: a load moves them all the time) is also planned again
 * once it is ten seconds old. Each plan cost Neo4j 0.1-0.6 s of CPU, and the planner, run that
 * often, kept the JIT compiling it: at 300k relations Neo4j used 21.4-23.9 s of CPU on the relation
 * batches, 14.6 s without (BENCHMARKS.md). So each batch travels inside a map parameter (`$batch.rows`,
 * `$batch.text`; a map's type carries no size) and the statements say `CYPHER replan=skip`: their
 * plans (a unique-index seek, element-id seeks) do not depend on counts (test in load.int.test.ts).
 */

/**
 * Creates one batch of relations of one type from positional rows (parameter `$batch.rows`): the form
 * of a batch that {@link encodeRelationBatch} cannot carry as one string. Each row is [start element id, end element id,
 * ...values in RELATION_PROPERTIES order]. An element-id seek costs a third of a (graph, id)
 * index seek; checking `graph` keeps a node that is no longer this generation's (an id reused
 * after a concurrent reset) from ever being linked. Null values are not stored.
 */
export function relationCreateCypher(type: RelationType): string {
  // `type` comes from RELATION_TYPE_NAMES, never from input; property names are constants.
  const props = RELATION_PROPERTIES.map((key, i) => `${key}: row[${i + 2}]`).join(', ');
  return `CYPHER replan=skip UNWIND $batch.rows AS row
    MATCH (a) WHERE elementId(a) = row[0]
    MATCH (b) WHERE elementId(b) = row[1]
    WITH a, b, row WHERE a.graph = $generation AND b.graph = $generation
    CREATE (a)-[r:${type} {${props}}]->(b)
    RETURN count(r) AS written`;
}

/**
 * {@link relationCreateCypher} for a batch encoded by {@link encodeRelationBatch} (parameter
 * `$batch.text`): the same endpoints check and the same stored properties and value types (numbers
 * as floats, as the driver sends JavaScript numbers; an empty field is null, so not stored).
 */
export function relationCreateFromStringCypher(type: RelationType): string {
  // `type` comes from RELATION_TYPE_NAMES, never from input; property names are constants.
  const props = RELATION_PROPERTIES.map((key, i) => {
    const field = `f[${i + 2}]`;
    switch (RELATION_FIELD_TYPES[key]) {
      case 'number':
        return `${key}: CASE ${field} WHEN '' THEN null ELSE toFloat(${field}) END`;
      case 'boolean':
        return `${key}: ${field} = 'true'`;
      case 'list':
        return `${key}: split(${field}, ${cypherLiteral(ITEM_SEPARATOR)})`;
      case 'integers':
        return `${key}: CASE ${field} WHEN '' THEN null ELSE [x IN split(${field}, ${cypherLiteral(ITEM_SEPARATOR)}) | toInteger(x)] END`;
      default:
        return `${key}: CASE ${field} WHEN '' THEN null ELSE ${field} END`;
    }
  }).join(', ');
  return `CYPHER replan=skip UNWIND split($batch.text, ${cypherLiteral(ROW_SEPARATOR)}) AS line
    WITH split(line, ${cypherLiteral(FIELD_SEPARATOR)}) AS f
    MATCH (a) WHERE elementId(a) = f[0]
    MATCH (b) WHERE elementId(b) = f[1]
    WITH a, b, f WHERE a.graph = $generation AND b.graph = $generation
    CREATE (a)-[r:${type} {${props}}]->(b)
    RETURN count(r) AS written`;
}

/** Fails the load before writing relations when one of them has an endpoint that is not among the data's entities. */
export function assertEndpointsExist(data: GraphData, nodes: LoadedNodes): void {
  const missing = data.relations.filter((r) => !nodes.has(r.from) || !nodes.has(r.to));
  if (missing.length > 0) {
    const r = missing[0]!;
    throw new Error(`Loading relations: ${missing.length} have an endpoint that does not exist (first: ${r.id}, ${r.from} -> ${r.to}).`);
  }
}

/**
 * Writes the relations: one statement per type (types cannot be parameters), each type's
 * relations ordered by start node, so that a batch touches few store pages and few node locks.
 * Serial batches: a relationship locks its end nodes, and parallel batches measured no faster
 * on two cores (see BENCHMARKS.md). The next batch is built, and the content hash advanced
 * (`hashFirst` records before the first batch's own: the sources and entities), while the
 * server writes the current one (see {@link SLICE}).
 */
export async function writeRelations(
  session: Session,
  args: {
    data: GraphData;
    nodes: LoadedNodes;
    anchors: EvidenceAnchors;
    generation: string;
    batchSize: number;
    hasher: ContentHasher;
    hashFirst: number;
    progress: Progress;
  },
): Promise<void> {
  const { data, nodes, anchors, generation, batchSize, hasher, progress } = args;
  const startOf = (e: Evidence) => anchors.get(e);
  assertEndpointsExist(data, nodes);
  const jobs: Array<{ type: RelationType; batch: Relation[] }> = [];
  const byType = new Map<RelationType, Relation[]>();
  for (const r of data.relations) {
    const list = byType.get(r.type) ?? [];
    list.push(r);
    byType.set(r.type, list);
  }
  for (const type of RELATION_TYPE_NAMES) {
    const rows = byType.get(type);
    if (!rows) continue;
    // Ranks looked up once per relation, not in the comparator: on 1M relations the
    // comparator's map lookups took 4.4 s before the first batch could be sent, this 1.0 s.
    const keyed = rows.map((relation) => ({ relation, from: nodes.get(relation.from)!.rank, to: nodes.get(relation.to)!.rank }));
    keyed.sort((a, b) => a.from - b.from || a.to - b.to);
    for (let i = 0; i < keyed.length; i++) rows[i] = keyed[i]!.relation;
    for (const batch of chunks(rows, batchSize)) jobs.push({ type, batch });
  }
  byType.clear();
  const firstDay = memoised(dateStart);
  const lastDay = memoised(dateEnd);
  const relationRow = (r: Relation) => {
    const row = relationValuesWith(r, firstDay, lastDay, startOf);
    row.unshift(nodes.get(r.from)!.node, nodes.get(r.to)!.node);
    return row;
  };

  // Each batch travels as one string when its values allow it, else as positional rows.
  // Built slice by slice (concatenated slices encode exactly as the whole batch would).
  type Statement = { cypher: string; params: Record<string, unknown> };
  const relationStatement = async (job: { type: RelationType; batch: Relation[] }): Promise<Statement> => {
    const rows: unknown[][] = new Array<unknown[]>(job.batch.length);
    const parts: string[] = [];
    let encodable = true;
    for (let start = 0; start < job.batch.length; start += SLICE) {
      await yieldToDriver();
      const end = Math.min(start + SLICE, job.batch.length);
      for (let i = start; i < end; i++) rows[i] = relationRow(job.batch[i]!);
      const part = encodable ? encodeRelationBatch(rows.slice(start, end)) : undefined;
      if (part === undefined) encodable = false;
      else parts.push(part);
    }
    return encodable
      ? { cypher: relationCreateFromStringCypher(job.type), params: { batch: { text: parts.join(ROW_SEPARATOR) }, generation } }
      : { cypher: relationCreateCypher(job.type), params: { batch: { rows }, generation } };
  };
  const hashRecords = async (records: number) => {
    for (let left = records; left > 0; left -= SLICE) {
      await yieldToDriver();
      hasher.step(Math.min(SLICE, left));
    }
  };

  let relationsDone = 0;
  progress({ phase: 'relations', done: 0, total: data.relations.length });
  let nextStatement: Promise<Statement | undefined> = jobs.length > 0 ? relationStatement(jobs[0]!) : Promise.resolve(undefined);
  for (const [i, job] of jobs.entries()) {
    const { cypher, params } = (await nextStatement)!;
    const writing = session.executeWrite((tx) => tx.run(cypher, params));
    const next = jobs[i + 1];
    const hashed = hashRecords(job.batch.length + (i === 0 ? args.hashFirst : 0));
    nextStatement = hashed.then(() => (next ? relationStatement(next) : undefined));
    const result = await writing;
    const written = Number(result.records[0]?.get('written') ?? 0);
    if (written !== job.batch.length) {
      throw new Error(
        `Loading ${job.type} relations: ${job.batch.length - written} of ${job.batch.length} have an endpoint that does not exist ` +
          'in the new generation (was it removed by another load of the same graph?).',
      );
    }
    relationsDone += job.batch.length;
    progress({ phase: 'relations', done: relationsDone, total: data.relations.length });
  }
  await nextStatement; // the last batch's hashing
}
