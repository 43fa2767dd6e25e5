import type { Entity } from '@steppe/domain';
import { stringify } from 'csv-stringify/sync';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { CitationTracker, NODE_FIELDS, SOURCE_FIELDS, edgeFields, type Field, type Value } from './fields';
import { NodeRegistry, iterate } from './stream';
import type { ExportInput, ExportRelation } from './types';

export interface CsvOptions {
  /**
   * Start each file with a UTF-8 byte-order mark. Off by default: RFC 4180
   * readers, pandas, R and csv libraries then read the first header as "id",
   * not "\uFEFFid". Turn it on for Excel, which otherwise opens UTF-8 files as
   * Windows-1252 and garbles names such as "Älichan Smajylow".
   */
  bom?: boolean;
}

/** Lists in a cell: joined by "; " (ids and names do not contain it; the evidence file has one quote per row). */
const LIST_SEPARATOR = '; ';

function cell(value: Value): string | number | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

/** First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"). */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const;

/**
 * CSV (formula) injection: a text cell that starts with `=`, `+`, `-`, `@`, a
 * tab or a carriage return is prefixed with a single quote, as OWASP
 * recommends, so that Excel, LibreOffice and Google Sheets show it as text
 * (`'=HYPERLINK(…)`) instead of evaluating it. Numbers are written as
 * numbers and never prefixed. The other export formats (JSON, GraphML,
 * GEXF, Cypher) carry values unchanged: they are not opened by spreadsheets.
 */
export function neutraliseFormula(value: string | number | undefined): string | number | undefined {
  if (typeof value !== 'string' || value.length === 0) return value;
  return (FORMULA_TRIGGERS as readonly string[]).includes(value[0]!) ? `'${value}` : value;
}

/** RFC 4180: comma-separated, CRLF between records, fields with commas, quotes or line breaks in double quotes; formula-leading cells neutralised. */
function csvRows(rows: (string | number | undefined)[][]): string {
  return stringify(
    rows.map((row) => row.map(neutraliseFormula)),
    { record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}

const NODE_COLUMNS: readonly Field<Entity>[] = NODE_FIELDS.filter((f) => !f.derived);

/** Rows per CSV chunk handed to the compressor. */
const BATCH = 500;

/**
 * The subgraph as CSV files in one zip, streamed (entries are compressed as
 * rows arrive):
 *
 * - `nodes.csv`: id, kind, name, aliases, description, … (one entity per row)
 * - `edges.csv`: id, source, target, relationType, label, dates, stance,
 *   confidence, detail, sourceCount, contested, sourceIds, quotes
 * - `evidence.csv`: one row per piece of evidence (relationId, sourceId,
 *   sourceNumber, stance, quote), the lossless form of the evidence
 * - `sources.csv`: the cited sources, numbered in citation order
 * - `metadata.json`: the query, permalink and generation time
 *
 * UTF-8, RFC 4180 quoting, CRLF line ends.
 */
export async function* writeCsvZip(input: ExportInput, options: CsvOptions = {}): AsyncGenerator<Uint8Array> {
  const citations = new CitationTracker(input.sources);
  const eFields = edgeFields(citations.title);
  const edgeColumns = eFields.filter((f) =>
    [
      'relationType',
      'label',
      'date',
      'startDate',
      'endDate',
      'start',
      'end',
      'stance',
      'confidence',
      'detail',
      'sourceCount',
      'contested',
    ].includes(f.name),
  );
  const registry = new NodeRegistry();
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else out.push(data);
  });
  const mtime = new Date(input.meta.generatedAt);
  const drain = function* () {
    if (failure) throw failure;
    while (out.length > 0) yield out.shift()!;
  };
  const open = (name: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    if (!Number.isNaN(mtime.getTime())) file.mtime = mtime;
    zip.add(file);
    const bom = options.bom && name.endsWith('.csv') ? '\uFEFF' : '';
    let first = true;
    return {
      write(text: string, final = false) {
        file.push(strToU8(first ? bom + text : text), final);
        first = false;
      },
    };
  };

  const nodes = open('nodes.csv');
  nodes.write(csvRows([['id', ...NODE_COLUMNS.map((f) => f.name)]]));
  let batch: (string | number | undefined)[][] = [];
  for await (const n of iterate(input.nodes)) {
    registry.addNode(n.id);
    batch.push([n.id, ...NODE_COLUMNS.map((f) => cell(f.get(n)))]);
    if (batch.length >= BATCH) {
      nodes.write(csvRows(batch));
      batch = [];
      yield* drain();
    }
  }
  nodes.write(csvRows(batch), true);
  yield* drain();

  const edges = open('edges.csv');
  edges.write(csvRows([['id', 'source', 'target', ...edgeColumns.map((f) => f.name), 'sourceIds', 'quotes']]));
  const evidenceRow = (r: ExportRelation) =>
    r.evidence.map((e, i) => [r.id, i + 1, e.sourceId, citations.number(e.sourceId), e.stance ?? r.stance, e.quote]);
  // A zip entry must be complete before the next one starts. When the edges can
  // be read twice (an array, or the API's query-backed iterable), evidence.csv
  // is written from a second pass; a one-shot stream keeps the evidence rows
  // until edges.csv is done.
  const twoPasses = isReiterable(input.edges);
  const heldEvidence: string[] = [];
  batch = [];
  let evidenceBatch: (string | number | undefined)[][] = [];
  for await (const r of iterate(input.edges)) {
    registry.checkEdge(r.id, r.from, r.to);
    citations.cite(r);
    batch.push([
      r.id,
      r.from,
      r.to,
      ...edgeColumns.map((f) => cell(f.get(r))),
      [...new Set(r.evidence.map((e) => e.sourceId))].join(LIST_SEPARATOR),
      r.evidence.map((e) => `[${citations.number(e.sourceId)}] ${e.quote}`).join('\n'),
    ]);
    if (!twoPasses) evidenceBatch.push(...evidenceRow(r));
    if (batch.length >= BATCH) {
      edges.write(csvRows(batch));
      batch = [];
      if (evidenceBatch.length > 0) heldEvidence.push(csvRows(evidenceBatch));
      evidenceBatch = [];
      yield* drain();
    }
  }
  edges.write(csvRows(batch), true);
  if (evidenceBatch.length > 0) heldEvidence.push(csvRows(evidenceBatch));
  yield* drain();

  const evidence = open('evidence.csv');
  evidence.write(csvRows([['relationId', 'position', 'sourceId', 'sourceNumber', 'stance', 'quote']]));
  if (twoPasses) {
    evidenceBatch = [];
    for await (const r of iterate(input.edges)) {
      evidenceBatch.push(...evidenceRow(r));
      if (evidenceBatch.length >= BATCH) {
        evidence.write(csvRows(evidenceBatch));
        evidenceBatch = [];
        yield* drain();
      }
    }
    evidence.write(csvRows(evidenceBatch));
  }
  while (heldEvidence.length > 0) {
    evidence.write(heldEvidence.shift()!);
    yield* drain();
  }
  evidence.write('', true);
  yield* drain();

  const sources = open('sources.csv');
  const sourceRows = citations.cited().map((s, i) => [i + 1, s.id, ...SOURCE_FIELDS.map((f) => cell(f.get(s)))]);
  sources.write(csvRows([['number', 'id', ...SOURCE_FIELDS.map((f) => f.name)], ...sourceRows]), true);

  const meta = open('metadata.json');
  meta.write(JSON.stringify({ ...input.meta, counts: { nodes: registry.nodeCount, edges: registry.edgeCount } }, null, 2) + '\n', true);
  zip.end();
  yield* drain();
}

/**
 * Whether iterating again yields the items again: true for arrays and other
 * collections, false for generators and other one-shot iterators (which return
 * themselves from their iterator method).
 */
export function isReiterable(items: Iterable<unknown> | AsyncIterable<unknown>): boolean {
  const asyncIt = (items as AsyncIterable<unknown>)[Symbol.asyncIterator];
  const syncIt = (items as Iterable<unknown>)[Symbol.iterator];
  const method = asyncIt ?? syncIt;
  if (typeof method !== 'function') return false;
  // One-shot iterators are their own iterator; probing must not start a real iteration.
  if ('next' in (items as object) && typeof (items as { next?: unknown }).next === 'function') return false;
  return true;
}
