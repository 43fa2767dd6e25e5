import { createHash } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import {
  ENTITY_KINDS,
  RELATION_TYPE_NAMES,
  dateEnd,
  dateStart,
  isContested,
  type Entity,
  type EntityKind,
  type Relation,
  type RelationType,
  type Source,
  type Stance,
} from '@steppe/domain';
import { assertGraphName, newGenerationKey } from './generations';
import { findHubs, HUB_DEGREE, writeHubIndex } from './hubs';
import { ensureSchema } from './schema';

export interface GraphData {
  sources: Source[];
  entities: Entity[];
  relations: Relation[];
}

export type LoadPhase = 'schema' | 'cleanup' | 'sources' | 'entities' | 'relations' | 'hubs' | 'switch' | 'retire';

export interface LoadProgress {
  phase: LoadPhase;
  done: number;
  total: number;
}

export interface LoadOptions {
  /** Logical graph name; the API reads the same name. */
  graph: string;
  database?: string;
  /** Rows per transaction. */
  batchSize?: number;
  /** Load even when the active generation already holds identical data. */
  force?: boolean;
  /** Relationships from which an entity gets the hub index (hubs.ts); default HUB_DEGREE. Tests set it low. */
  hubDegree?: number;
  onProgress?: (progress: LoadProgress) => void;
}

export interface LoadResult {
  graph: string;
  generation: string;
  skipped: boolean;
  counts: { sources: number; entities: number; relations: number };
  retiredGenerations: string[];
}

/**
 * What the loader stores besides the data itself (today: the hub index, hubs.ts). It is part of
 * the content hash, so that a graph loaded by an earlier version is loaded again once, not
 * skipped as unchanged.
 */
export const STORAGE_FORMAT = `steppe-storage/2 (hub index from ${HUB_DEGREE} relationships)`;

/**
 * A stable hash of the data, so that re-seeding unchanged data is a no-op: the SHA-256 of
 * STORAGE_FORMAT followed by JSON.stringify([sources, entities, relations]).
 */
export function contentHash(data: GraphData): string {
  return new ContentHasher(data).digest();
}

/**
 * {@link contentHash} fed record by record: no string of the whole graph (hundreds of MB at a
 * million relations), and the loader can hash while the server writes a batch.
 */
class ContentHasher {
  private readonly hash = createHash('sha256').update(STORAGE_FORMAT).update('[[');
  private readonly lists: readonly (readonly unknown[])[];
  private list = 0;
  private index = 0;
  private result: string | undefined;

  constructor(data: GraphData) {
    this.lists = [data.sources, data.entities, data.relations];
  }

  /** Hashes up to `records` more records. */
  step(records: number): void {
    if (this.result !== undefined) return;
    let chunk = '';
    let left = records;
    while (left > 0 && this.list < this.lists.length) {
      const current = this.lists[this.list]!;
      if (this.index < current.length) {
        chunk += (this.index === 0 ? '' : ',') + JSON.stringify(current[this.index++]);
        left--;
        if (chunk.length > 1 << 16) {
          this.hash.update(chunk);
          chunk = '';
        }
      } else {
        chunk += this.list < this.lists.length - 1 ? '],[' : ']';
        this.list++;
        this.index = 0;
      }
    }
    this.hash.update(chunk);
  }

  digest(): string {
    if (this.result === undefined) {
      this.step(Infinity);
      this.result = this.hash.update(']').digest('hex');
    }
    return this.result;
  }
}

/**
 * Records per slice of the seeder's own work during a relation load (building the next batch,
 * hashing). The driver sends a query and its commit only when the event loop runs, so work
 * done in one piece right after starting a write delays that write instead of overlapping it;
 * slices of this size let the driver in every few milliseconds. In a noisy 200k-relation
 * experiment three of four alternated pairs were faster this way (same Neo4j CPU, BENCHMARKS.md).
 */
const SLICE = 1_000;

const yieldToDriver = () => new Promise<void>((resolve) => setImmediate(resolve));

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function withoutUndefined(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== null));
}

/** Storage form of an entity; events also get comparable first/last days for time filters. */
export function entityProps(entity: Entity): Record<string, unknown> {
  if (entity.kind === 'Event' && entity.startDate) {
    return withoutUndefined({
      ...entity,
      sortStart: dateStart(entity.startDate),
      sortEnd: dateEnd(entity.endDate ?? entity.startDate),
    });
  }
  return withoutUndefined({ ...entity });
}

/**
 * Stored properties of a relation, in the order of {@link relationValues}. Batches
 * send each relation as a positional list rather than a map: the driver packs and
 * Neo4j decodes a list of values about three times faster than a map repeating
 * fourteen keys per row, and encoding was most of the loader's time.
 */
export const RELATION_PROPERTIES = [
  'id', 'date', 'startDate', 'endDate', 'sortStart', 'sortEnd', 'stance', 'confidence', 'detail',
  'evidenceSources', 'evidenceQuotes', 'evidenceStances', 'sourceCount', 'contested',
] as const;

/**
 * Storage form of a relation as values in {@link RELATION_PROPERTIES} order (null = not
 * stored): evidence as parallel lists with each item's stance, derived sort dates and flags.
 */
export function relationValues(relation: Relation): unknown[] {
  return relationValuesWith(relation, dateStart, dateEnd);
}

/** A date function that remembers its answers: a graph has few distinct dates and a million relations. */
function memoised(fn: (value: string) => string): (value: string) => string {
  const memo = new Map<string, string>();
  return (value) => {
    let out = memo.get(value);
    if (out === undefined) {
      out = fn(value);
      if (memo.size < 100_000) memo.set(value, out);
    }
    return out;
  };
}

function relationValuesWith(relation: Relation, firstDay: (d: string) => string, lastDay: (d: string) => string): unknown[] {
  const evidence = relation.evidence;
  const sources: string[] = new Array<string>(evidence.length);
  const quotes: string[] = new Array<string>(evidence.length);
  const stances: Stance[] = new Array<Stance>(evidence.length);
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i]!;
    sources[i] = e.sourceId;
    quotes[i] = e.quote;
    stances[i] = e.stance ?? relation.stance;
  }
  const first = relation.date ?? relation.startDate;
  const last = relation.date ?? relation.endDate ?? relation.startDate;
  return [
    relation.id,
    relation.date ?? null,
    relation.startDate ?? null,
    relation.endDate ?? null,
    first ? firstDay(first) : null,
    last ? lastDay(last) : null,
    relation.stance ?? null,
    relation.confidence ?? null,
    relation.detail ?? null,
    sources,
    quotes,
    stances,
    sources.length < 2 ? sources.length : new Set(sources).size,
    isContested(stances),
  ];
}

/**
 * Separators of the one-string batch form (ASCII record, unit and group separators): rows,
 * fields of a row, items of a list field.
 */
const ROW_SEPARATOR = '\u001e';
const FIELD_SEPARATOR = '\u001f';
const ITEM_SEPARATOR = '\u001d';

/** A separator as a Cypher string literal (an escape, so the statement text stays printable). */
function cypherLiteral(separator: string): string {
  return `'\\u${separator.charCodeAt(0).toString(16).padStart(4, '0')}'`;
}

/** A string the one-string form carries unchanged: not empty (empty means null) and free of separators. */
function plainText(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    !value.includes(ROW_SEPARATOR) &&
    !value.includes(FIELD_SEPARATOR) &&
    !value.includes(ITEM_SEPARATOR)
  );
}

/** How each stored property travels in the one-string form, in RELATION_PROPERTIES order. */
const RELATION_FIELD_TYPES: Record<(typeof RELATION_PROPERTIES)[number], 'string' | 'number' | 'boolean' | 'list'> = {
  id: 'string', date: 'string', startDate: 'string', endDate: 'string', sortStart: 'string', sortEnd: 'string',
  stance: 'string', confidence: 'number', detail: 'string', evidenceSources: 'list', evidenceQuotes: 'list',
  evidenceStances: 'list', sourceCount: 'number', contested: 'boolean',
};
const RELATION_FIELD_TYPE_LIST = RELATION_PROPERTIES.map((key) => RELATION_FIELD_TYPES[key]);

/**
 * Encodes a batch of positional relation rows (see {@link relationCreateCypher}) as one string
 * for {@link relationCreateFromStringCypher}: rows joined by U+001E, fields by U+001F, list items
 * by U+001D, null as an empty field. The driver then packs one string instead of ~16 values per
 * row, and Neo4j decodes it with split(), as LOAD CSV does (measured on 100k relations: seeder
 * CPU 2.8 → 1.4 s, Neo4j CPU 7.0 → 6.2 s, see BENCHMARKS.md).
 *
 * Returns undefined when a value would not come back exactly (a string that is empty or holds a
 * separator, an empty list, a number that is not finite or is -0, a value of an unexpected
 * type): the caller then sends that batch as positional rows, which store the same properties.
 * Such text is legal in a quote, so it is never rejected and never altered.
 */
export function encodeRelationBatch(rows: readonly (readonly unknown[])[]): string | undefined {
  const types = RELATION_FIELD_TYPE_LIST;
  const lines: string[] = new Array<string>(rows.length);
  const fields: string[] = new Array<string>(types.length + 2);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length !== types.length + 2 || !plainText(row[0]) || !plainText(row[1])) return undefined;
    fields[0] = row[0];
    fields[1] = row[1];
    for (let i = 0; i < types.length; i++) {
      const value = row[i + 2];
      let field: string;
      if (value === null || value === undefined) {
        // Lists and flags are always present in the stored form; only scalars may be absent.
        if (types[i] === 'list' || types[i] === 'boolean') return undefined;
        field = '';
      } else {
        switch (types[i]) {
          case 'string':
            if (!plainText(value)) return undefined;
            field = value;
            break;
          case 'number':
            // String() gives the shortest text that parses back to the same double.
            if (typeof value !== 'number' || !Number.isFinite(value) || Object.is(value, -0)) return undefined;
            field = String(value);
            break;
          case 'boolean':
            if (typeof value !== 'boolean') return undefined;
            field = value ? 'true' : 'false';
            break;
          default: {
            if (!Array.isArray(value) || value.length === 0) return undefined;
            for (const item of value) if (!plainText(item)) return undefined;
            field = value.join(ITEM_SEPARATOR);
          }
        }
      }
      fields[i + 2] = field;
    }
    lines[r] = fields.join(FIELD_SEPARATOR);
  }
  return lines.join(ROW_SEPARATOR);
}

/** Storage form of a relation as a map: evidence as parallel lists, plus derived sort dates and flags. */
export function relationProps(relation: Relation): Record<string, unknown> {
  const values = relationValues(relation);
  return withoutUndefined(Object.fromEntries(RELATION_PROPERTIES.map((key, i) => [key, values[i]])));
}

/**
 * Loads `data` as a new generation of `options.graph`, then makes it active.
 * Batches are MERGEs inside managed transactions, so a retried batch never
 * duplicates anything.
 */
export async function loadGraph(driver: Driver, data: GraphData, options: LoadOptions): Promise<LoadResult> {
  assertGraphName(options.graph);
  const { graph, database } = options;
  const batchSize = options.batchSize ?? 5_000;
  const progress = options.onProgress ?? (() => {});
  const counts = { sources: data.sources.length, entities: data.entities.length, relations: data.relations.length };
  const hasher = new ContentHasher(data);

  progress({ phase: 'schema', done: 0, total: 1 });
  await ensureSchema(driver, database);
  progress({ phase: 'schema', done: 1, total: 1 });

  const session = driver.session({ database });
  try {
    const current = await session.executeRead(async (tx) => {
      const res = await tx.run('MATCH (sg:SteppeGraph {name: $graph}) RETURN sg.active AS active, sg.contentHash AS hash', { graph });
      const rec = res.records[0];
      return rec ? { active: rec.get('active') as string | null, hash: rec.get('hash') as string | null } : undefined;
    });
    // The hash is needed now only to skip an unchanged load; otherwise it is computed while
    // the server writes relation batches.
    if (!options.force && current?.active && current.hash) {
      const hash = hasher.digest();
      if (current.hash === hash) return { graph, generation: current.active, skipped: true, counts, retiredGenerations: [] };
    }

    // Leftovers of earlier loads that were killed before they switched.
    progress({ phase: 'cleanup', done: 0, total: 1 });
    const abandoned = await abandonedGenerations(driver, graph, database);
    for (const gen of abandoned) await deleteGeneration(driver, gen, database, batchSize);
    progress({ phase: 'cleanup', done: 1, total: 1 });

    const generation = newGenerationKey(graph);
    await session.executeWrite((tx) =>
      tx.run(
        'MERGE (sg:SteppeGraph {name: $graph}) SET sg.pending = coalesce(sg.pending, []) + $generation',
        { graph, generation },
      ),
    );

    const sourceBatches = chunks(data.sources, batchSize);
    for (const [i, rows] of sourceBatches.entries()) {
      await session.executeWrite((tx) =>
        tx.run('UNWIND $rows AS row MERGE (s:Source {graph: $generation, id: row.id}) SET s += row', {
          rows: rows.map((s) => withoutUndefined({ ...s })),
          generation,
        }),
      );
      progress({ phase: 'sources', done: Math.min((i + 1) * batchSize, data.sources.length), total: data.sources.length });
    }

    // Entities: MERGE on the (graph, id) key, so a retried batch never duplicates one. Each
    // batch returns the element ids of its nodes, so relations find their endpoints directly.
    const nodes = new Map<string, { node: string; rank: number }>();
    let entitiesDone = 0;
    for (const kind of ENTITY_KINDS) {
      const rows = data.entities.filter((e) => e.kind === kind).map(entityProps);
      for (const batch of chunks(rows, batchSize)) {
        const result = await session.executeWrite((tx) => tx.run(entityMergeCypher(kind), { batch: { rows: batch }, generation }));
        for (const record of result.records) {
          nodes.set(record.get('id') as string, { node: record.get('node') as string, rank: nodes.size });
        }
        entitiesDone += batch.length;
        progress({ phase: 'entities', done: entitiesDone, total: data.entities.length });
      }
    }

    // Relations: one statement per type (types cannot be parameters), each type's relations
    // ordered by start node, so that a batch touches few store pages and few node locks.
    // Serial batches: a relationship locks its end nodes, and parallel batches measured no
    // faster on two cores (see BENCHMARKS.md). The next batch is built, and the content hash
    // advanced, while the server writes the current one (see {@link SLICE}).
    const missing = data.relations.filter((r) => !nodes.has(r.from) || !nodes.has(r.to));
    if (missing.length > 0) {
      const r = missing[0]!;
      throw new Error(
        `Loading relations: ${missing.length} have an endpoint that does not exist (first: ${r.id}, ${r.from} -> ${r.to}).`,
      );
    }
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
      const row = relationValuesWith(r, firstDay, lastDay);
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
      const hashed = hashRecords(job.batch.length + (i === 0 ? counts.sources + counts.entities : 0));
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

    // A batch retried after an ambiguous commit could have written twice: the new
    // generation must hold exactly the data before readers are pointed at it.
    const written = await generationCounts(driver, generation, database);
    if (written.entities !== counts.entities || written.relations !== counts.relations || written.sources !== counts.sources) {
      throw new Error(
        `The new generation does not match the data (expected ${JSON.stringify(counts)}, found ${JSON.stringify(written)}); ` +
          'readers still see the previous graph. Run the load again.',
      );
    }

    // The hub index (hubs.ts) belongs to the generation, so it is complete before readers see it.
    const hubs = findHubs(data.relations, options.hubDegree ?? HUB_DEGREE).map((id) => nodes.get(id)!.node);
    if (hubs.length > 0) progress({ phase: 'hubs', done: 0, total: hubs.length });
    await writeHubIndex(session, generation, hubs, (done) => progress({ phase: 'hubs', done, total: hubs.length }));

    const hash = hasher.digest();
    progress({ phase: 'switch', done: 0, total: 1 });
    // The full-text index is eventually consistent (cheaper bulk writes): make the new
    // generation searchable before readers are pointed at it.
    await session.run('CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()');
    const previous = await session.executeWrite(async (tx) => {
      const res = await tx.run(
        `MATCH (sg:SteppeGraph {name: $graph})
         WITH sg, sg.active AS previous
         SET sg.active = $generation,
             sg.pending = [p IN coalesce(sg.pending, []) WHERE p <> $generation] + CASE WHEN previous IS NULL THEN [] ELSE [previous] END,
             sg.contentHash = $hash, sg.loadedAt = datetime(),
             sg.sources = $counts.sources, sg.entities = $counts.entities, sg.relations = $counts.relations,
             sg.countKeys = $countKeys, sg.countValues = $countValues
         RETURN previous`,
        { graph, generation, hash, counts, ...vocabularyCounts(data) },
      );
      return res.records[0]?.get('previous') as string | null;
    });
    progress({ phase: 'switch', done: 1, total: 1 });

    const retired: string[] = [];
    if (previous) {
      progress({ phase: 'retire', done: 0, total: 1 });
      await deleteGeneration(driver, previous, database, batchSize);
      await session.executeWrite((tx) =>
        tx.run('MATCH (sg:SteppeGraph {name: $graph}) SET sg.pending = [p IN sg.pending WHERE p <> $previous]', { graph, previous }),
      );
      retired.push(previous);
      progress({ phase: 'retire', done: 1, total: 1 });
    }
    return { graph, generation, skipped: false, counts, retiredGenerations: [...abandoned, ...retired] };
  } finally {
    await session.close();
  }
}

/**
 * Entities per kind and relations per type, kept on the graph's pointer node so
 * that the legend's counts cost one lookup instead of a scan of the graph.
 */
/** Key of the contested-relations count among the stored counts (not a kind or type name: those are capitalised). */
export const CONTESTED_COUNT_KEY = 'contested';

function vocabularyCounts(data: GraphData): { countKeys: string[]; countValues: number[] } {
  const counts = new Map<string, number>();
  for (const e of data.entities) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  let contested = 0;
  for (const r of data.relations) {
    counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    if (isContested(r.evidence.map((e) => e.stance ?? r.stance))) contested++;
  }
  // Stored with the other counts so that "how many contested claims" is a property read, not a scan.
  counts.set(CONTESTED_COUNT_KEY, contested);
  return { countKeys: [...counts.keys()], countValues: [...counts.values()] };
}

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

/** Merges one batch of entities of one kind (parameter `$batch.rows`: maps of stored properties), returning their element ids. */
export function entityMergeCypher(kind: EntityKind): string {
  // `kind` comes from ENTITY_KINDS, never from input.
  return `CYPHER replan=skip UNWIND $batch.rows AS row
    MERGE (n:Entity {graph: $generation, id: row.id})
    SET n:${kind}, n += row
    RETURN row.id AS id, elementId(n) AS node`;
}

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

async function generationCounts(driver: Driver, generation: string, database?: string) {
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (n:Entity) WHERE n.graph = $generation AND n.id IS NOT NULL RETURN count(n) AS entities }
     CALL () { MATCH (n:Entity)-[r]->() WHERE n.graph = $generation AND n.id IS NOT NULL RETURN count(r) AS relations }
     CALL () { MATCH (s:Source) WHERE s.graph = $generation AND s.id IS NOT NULL RETURN count(s) AS sources }
     RETURN entities, relations, sources`,
    { generation },
    { database, routing: 'READ' },
  );
  const row = records[0];
  return { entities: Number(row?.get('entities')), relations: Number(row?.get('relations')), sources: Number(row?.get('sources')) };
}

async function abandonedGenerations(driver: Driver, graph: string, database?: string): Promise<string[]> {
  const { records } = await driver.executeQuery(
    'MATCH (sg:SteppeGraph {name: $graph}) RETURN [p IN coalesce(sg.pending, []) WHERE p <> sg.active] AS pending',
    { graph },
    { database, routing: 'READ' },
  );
  return (records[0]?.get('pending') as string[] | undefined) ?? [];
}

/** Deletes one generation in batches (one huge transaction would exhaust the heap on large graphs). */
export async function deleteGeneration(driver: Driver, generation: string, database: string | undefined, batchSize = 5_000): Promise<void> {
  for (const label of ['Entity', 'Source'] as const) {
    for (;;) {
      const { records } = await driver.executeQuery(
        // `id IS NOT NULL` lets the planner use the (graph, id) constraint's index instead of a label scan.
        `MATCH (n:${label}) WHERE n.graph = $generation AND n.id IS NOT NULL WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted`,
        { generation, limit: neo4j.int(Math.max(100, Math.floor(batchSize / 5))) },
        { database },
      );
      if (Number(records[0]?.get('deleted') ?? 0) === 0) break;
    }
  }
}

/** Removes every generation of a logical graph and its pointer: only Steppe's data for that graph. */
export async function resetGraph(driver: Driver, graph: string, database?: string): Promise<string[]> {
  assertGraphName(graph);
  const { records } = await driver.executeQuery(
    'MATCH (sg:SteppeGraph {name: $graph}) RETURN [x IN coalesce(sg.pending, []) + [sg.active] WHERE x IS NOT NULL] AS gens',
    { graph },
    { database, routing: 'READ' },
  );
  const generations = (records[0]?.get('gens') as string[] | undefined) ?? [];
  for (const gen of generations) await deleteGeneration(driver, gen, database);
  await driver.executeQuery('MATCH (sg:SteppeGraph {name: $graph}) DELETE sg', { graph }, { database });
  return generations;
}
