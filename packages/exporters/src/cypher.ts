import {
  ENTITY_KINDS,
  RELATION_TYPE_NAMES,
  dateEnd,
  dateStart,
  isEntityKind,
  isPartialDate,
  isRelationType,
  type Entity,
  type Source,
} from '@steppe/domain';
import { CitationTracker, contestedOf, evidenceStances, evidenceStart, sourceCountOf } from './fields';
import { ExportInputError, NodeRegistry, TextBuffer, iterate } from './stream';
import type { ExportInput, ExportRelation } from './types';

/**
 * Cypher literals. Values go into the script as literals (it is a text
 * artefact, there are no parameters), escaped so that no value can end a
 * string or inject a clause: strings are single-quoted with backslash escapes
 * for the backslash, the quote, and every control or separator character.
 */
export function cypherString(value: string): string {
  let out = "'";
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff)) {
      out += '\\u' + code.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + "'";
}

export type CypherValue = string | number | boolean | null | undefined | CypherValue[];

export function cypherLiteral(value: CypherValue): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'null';
    // Floats stay floats in Neo4j (1 would become an integer).
    return Number.isInteger(value) ? value.toFixed(1) : String(value);
  }
  return '[' + value.map(cypherLiteral).join(', ') + ']';
}

/** An integer literal (counts, offsets), or a list of them, never written as floats. */
class Int {
  constructor(readonly value: number | readonly number[]) {}

  toString(): string {
    const one = (v: number) => String(Math.trunc(v));
    return typeof this.value === 'number' ? one(this.value) : '[' + this.value.map(one).join(', ') + ']';
  }
}

/** A property map literal; keys are our own identifiers, backquoted all the same. */
export function cypherMap(props: Record<string, CypherValue | Int>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null) continue;
    const literal = v instanceof Int ? v.toString() : cypherLiteral(v);
    parts.push('`' + k.replace(/`/g, '``') + '`: ' + literal);
  }
  return '{' + parts.join(', ') + '}';
}

export interface CypherOptions {
  /** Logical graph name the script loads into (default "steppe-export"). */
  graph?: string;
  /** Physical generation key (default `<graph>@export-<timestamp>`). */
  generation?: string;
  /** Rows per UNWIND statement. */
  batchSize?: number;
}

const GRAPH_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** Storage form of an entity (graph-store's entityProps): events also get their first/last days. */
function entityRow(e: Entity): Record<string, CypherValue> {
  const row: Record<string, CypherValue> = { ...(e as unknown as Record<string, CypherValue>) };
  if (e.kind === 'Event' && e.startDate && isPartialDate(e.startDate)) {
    row.sortStart = dateStart(e.startDate);
    row.sortEnd = dateEnd(e.endDate && isPartialDate(e.endDate) ? e.endDate : e.startDate);
  }
  return row;
}

/** Storage form of a relation (graph-store's relationProps): evidence as parallel lists, sort days, flags. */
function relationRow(r: ExportRelation): Record<string, CypherValue | Int> {
  const first = r.date ?? r.startDate;
  const last = r.date ?? r.endDate ?? r.startDate;
  return {
    id: r.id,
    date: r.date,
    startDate: r.startDate,
    endDate: r.endDate,
    sortStart: first && isPartialDate(first) ? dateStart(first) : undefined,
    sortEnd: last && isPartialDate(last) ? dateEnd(last) : undefined,
    stance: r.stance,
    confidence: r.confidence,
    detail: r.detail,
    evidenceSources: r.evidence.map((e) => e.sourceId),
    evidenceQuotes: r.evidence.map((e) => e.quote),
    evidenceStances: evidenceStances(r),
    // Where each quote sits in its document (graph-store's evidenceStarts), so readers of the
    // re-created graph get the same selectors. As in graph-store, only when every quote is
    // anchored (a stored list cannot hold nulls).
    evidenceStarts: evidenceStartsOf(r),
    sourceCount: new Int(sourceCountOf(r)),
    contested: contestedOf(r),
  };
}

/**
 * Storage form of a source: its citation fields, named one by one so that what a reader
 * attaches to a source record (mentions, passages) never reaches the script. The
 * document's text stays out too: the script re-creates the subgraph, not the documents.
 */
function evidenceStartsOf(r: ExportRelation): Int | undefined {
  const starts = r.evidence.map(evidenceStart);
  return r.evidence.length > 0 && starts.every((s) => s !== undefined) ? new Int(starts as number[]) : undefined;
}

function sourceRow(s: Source): Record<string, CypherValue> {
  return {
    id: s.id,
    title: s.title,
    outlet: s.outlet,
    author: s.author,
    publishedAt: s.publishedAt,
    languages: s.languages,
    url: s.url,
  };
}

/**
 * The node constraints and the search index graph-store creates (same names, so
 * an existing one is recognised). Relationships get no constraint, as in
 * graph-store: the MERGE below finds a relation between its two bound end
 * nodes without one.
 */
function schemaStatements(): string[] {
  return [
    'CREATE CONSTRAINT steppe_graph_name IF NOT EXISTS FOR (g:SteppeGraph) REQUIRE g.name IS UNIQUE',
    'CREATE CONSTRAINT steppe_entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE (n.graph, n.id) IS UNIQUE',
    'CREATE CONSTRAINT steppe_source_key IF NOT EXISTS FOR (s:Source) REQUIRE (s.graph, s.id) IS UNIQUE',
    // The same definition as SEARCH_INDEX and SEARCH_FIELDS in graph-store/src/schema.ts (this package does not depend on it).
    'CREATE FULLTEXT INDEX steppe_entity_search_v2 IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases, n.roles, n.orgType, n.placeType, n.description] ' +
      "OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: true } }",
  ];
}

function comment(text: string): string {
  // A line comment ends at a line break: keep the text on one line.
  return '// ' + text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/**
 * A Cypher script that re-creates the subgraph in a Neo4j database, in
 * Steppe's own storage shape, so the API, the explorer and graph-store read it
 * back like a seeded graph: `(:Entity:<Kind> {graph: <generation>, id, …})`
 * nodes, `(:Source)` nodes, relationships typed from the vocabulary with
 * evidence as parallel lists, and a `(:SteppeGraph {name})` pointer switched to
 * the new generation last. Labels and relationship types are written only
 * after being checked against the vocabulary; values are escaped literals.
 * Statements end with `;` on their own line: run it with
 * `cypher-shell -f export.cypher` or paste it into Neo4j Browser.
 */
export async function* writeCypher(input: ExportInput, options: CypherOptions = {}): AsyncGenerator<string> {
  const graph = options.graph ?? 'steppe-export';
  if (!GRAPH_NAME.test(graph)) throw new ExportInputError(`Invalid graph name "${graph}": use 1–63 lowercase letters, digits, "-" or "_".`);
  const stamp = input.meta.generatedAt.replace(/[^0-9]/g, '').slice(0, 17) || '0';
  const generation = options.generation ?? `${graph}@export-${stamp}`;
  const batchSize = options.batchSize ?? 200;
  const citations = new CitationTracker(input.sources);
  const registry = new NodeRegistry();
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const gen = cypherString(generation);
  const buf = new TextBuffer();
  const { meta } = input;

  buf.push(
    [
      comment(`Steppe export: ${meta.title}`),
      comment(`Generated ${meta.generatedAt}${meta.graph ? ` from graph "${meta.graph}"` : ''}; query ${JSON.stringify(meta.query)}`),
      meta.permalink ? comment(`Permalink: ${meta.permalink}`) : '',
      meta.apiUrl ? comment(`API: ${meta.apiUrl}`) : '',
      meta.command ? comment(`CLI: ${meta.command}`) : '',
      comment(`Loads into logical graph "${graph}", generation "${generation}", in Steppe's storage shape.`),
      comment(`Run: cypher-shell -f <this file>   Remove: npm run seed -- --graph ${graph} --reset --yes`),
      '',
      ...schemaStatements().map((s) => `${s};`),
      'CALL db.awaitIndexes(300);',
      '',
    ]
      .filter((line, i, all) => line !== '' || all[i - 1] !== '')
      .join('\n') + '\n',
  );

  // Nodes, grouped into batches per kind as they arrive (a label cannot be a parameter).
  const pending = new Map<string, string[]>();
  const flushKind = (kind: string) => {
    const rows = pending.get(kind);
    if (!rows || rows.length === 0) return;
    buf.push(`UNWIND [\n  ${rows.join(',\n  ')}\n] AS row\nMERGE (n:Entity {graph: ${gen}, id: row.id})\nSET n:${kind}, n += row;\n`);
    pending.set(kind, []);
  };
  for await (const n of iterate(input.nodes)) {
    if (!isEntityKind(n.kind)) throw new ExportInputError(`Entity "${n.id}" has kind "${String(n.kind)}", which is not in the vocabulary.`);
    registry.addNode(n.id);
    bump(n.kind);
    const rows = pending.get(n.kind) ?? [];
    rows.push(cypherMap(entityRow(n)));
    pending.set(n.kind, rows);
    if (rows.length >= batchSize) flushKind(n.kind);
    if (buf.full) yield buf.take();
  }
  for (const kind of ENTITY_KINDS) flushKind(kind);

  const pendingRels = new Map<string, string[]>();
  const flushType = (type: string) => {
    const rows = pendingRels.get(type);
    if (!rows || rows.length === 0) return;
    buf.push(
      `UNWIND [\n  ${rows.join(',\n  ')}\n] AS row\n` +
        `MATCH (a:Entity {graph: ${gen}, id: row.from})\nMATCH (b:Entity {graph: ${gen}, id: row.to})\n` +
        `MERGE (a)-[r:${type} {graph: ${gen}, id: row.props.id}]->(b)\nSET r += row.props;\n`,
    );
    pendingRels.set(type, []);
  };
  for await (const r of iterate(input.edges)) {
    if (!isRelationType(r.type))
      throw new ExportInputError(`Relation "${r.id}" has type "${String(r.type)}", which is not in the vocabulary.`);
    registry.checkEdge(r.id, r.from, r.to);
    citations.cite(r);
    bump(r.type);
    const rows = pendingRels.get(r.type) ?? [];
    rows.push(`{from: ${cypherString(r.from)}, to: ${cypherString(r.to)}, props: ${cypherMap(relationRow(r))}}`);
    pendingRels.set(r.type, rows);
    if (rows.length >= batchSize) flushType(r.type);
    if (buf.full) yield buf.take();
  }
  for (const type of RELATION_TYPE_NAMES) flushType(type);

  const sources = citations.cited();
  for (let i = 0; i < sources.length; i += batchSize) {
    const rows = sources.slice(i, i + batchSize).map((s) => cypherMap(sourceRow(s)));
    buf.push(`UNWIND [\n  ${rows.join(',\n  ')}\n] AS row\nMERGE (s:Source {graph: ${gen}, id: row.id})\nSET s += row;\n`);
  }

  // Last: point the logical graph at the new generation (a previous one is left
  // in `pending`, so `--reset` or the next seed removes it).
  buf.push(
    'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh();\n' +
      `MERGE (sg:SteppeGraph {name: ${cypherString(graph)}})\n` +
      'WITH sg, sg.active AS previous\n' +
      `SET sg.active = ${gen},\n` +
      `    sg.pending = [p IN coalesce(sg.pending, []) WHERE p <> ${gen}] + CASE WHEN previous IS NULL OR previous = ${gen} THEN [] ELSE [previous] END,\n` +
      `    sg.loadedAt = datetime(${cypherString(meta.generatedAt)}),\n` +
      `    sg.sources = ${sources.length}, sg.entities = ${registry.nodeCount}, sg.relations = ${registry.edgeCount},\n` +
      `    sg.countKeys = ${cypherLiteral([...counts.keys()])}, sg.countValues = [${[...counts.values()].join(', ')}];\n`,
  );
  yield buf.take();
}
