import type { Entity, Source } from '@steppe/domain';
import { CitationTracker, NODE_FIELDS, SOURCE_FIELDS, edgeFields, type Field } from './fields';
import { NodeRegistry, TextBuffer, iterate } from './stream';
import type { ExportInput, ExportMeta, ExportRelation } from './types';

/** Marks our JSON so the importer can tell it from any other Cytoscape JSON. */
export const CYTOSCAPE_JSON_GENERATOR = 'steppe';

function fill<T>(target: Record<string, unknown>, fields: readonly Field<T>[], item: T): Record<string, unknown> {
  for (const f of fields) {
    const v = f.get(item);
    // Cytoscape desktop makes a column per attribute; absent values stay absent rather than null.
    if (v !== undefined) target[f.name] = v;
  }
  return target;
}

export function nodeData(e: Entity): Record<string, unknown> {
  return fill({ id: e.id }, NODE_FIELDS, e);
}

export function edgeData(r: ExportRelation, fields: readonly Field<ExportRelation>[]): Record<string, unknown> {
  // `interaction` is the column Cytoscape desktop names the edge type with.
  return fill({ id: r.id, source: r.from, target: r.to, interaction: r.type }, fields, r);
}

function sourceData(s: Source, number: number, includeText: boolean): Record<string, unknown> {
  const data = fill({ id: s.id, number }, SOURCE_FIELDS, s);
  if (includeText && s.text !== undefined) data.text = s.text;
  return data;
}

export interface JsonOptions {
  /**
   * Write each cited document's full text into its entry of `steppe.sources` (`text`), so that the
   * evidence offsets (`evidenceStarts`) can be read in context without the API. Off by default: the
   * texts can be far larger than the graph. The API and the CLI bound it (EXPORT_LIMITS.textChars).
   */
  includeText?: boolean;
}

/** Network attributes Cytoscape desktop shows: flat values only. */
function networkData(meta: ExportMeta, counts: { nodes: number; edges: number }, sources: Source[]): Record<string, unknown> {
  const data: Record<string, unknown> = {
    name: meta.title,
    generatedAt: meta.generatedAt,
    queryIds: meta.query.ids,
    queryDepth: meta.query.depth,
    nodeCount: counts.nodes,
    edgeCount: counts.edges,
    sourceIds: sources.map((s) => s.id),
    sourceTitles: sources.map((s) => s.title),
    truncated: meta.truncated ?? false,
  };
  if (meta.query.relationTypes) data.queryRelationTypes = meta.query.relationTypes;
  if (meta.query.limit !== undefined) data.queryLimit = meta.query.limit;
  if (meta.graph) data.graph = meta.graph;
  if (meta.permalink) data.permalink = meta.permalink;
  if (meta.apiUrl) data.apiUrl = meta.apiUrl;
  if (meta.command) data.command = meta.command;
  if (meta.omittedNodes) data.omittedNodes = meta.omittedNodes;
  return data;
}

/**
 * Cytoscape.js elements JSON, as `cy.json()` writes it and `cytoscape({ elements })`,
 * `cy.json(obj)` and Cytoscape desktop (File → Import → Network from File, .cyjs)
 * read it. Every property is a flat value or a list of strings (evidence as
 * parallel lists), because Cytoscape desktop keeps no nested objects.
 * The graph-level `data` and Steppe's own `steppe` block (the metadata and the
 * cited sources, structured, with their texts when `includeText` is set) come
 * after the elements: they need the citations.
 */
export async function* writeCytoscapeJson(input: ExportInput, options: JsonOptions = {}): AsyncGenerator<string> {
  const citations = new CitationTracker(input.sources);
  const fields = edgeFields(citations.title);
  const registry = new NodeRegistry();
  const buf = new TextBuffer();
  buf.push(
    `{"format_version":"1.0","generated_by":"${CYTOSCAPE_JSON_GENERATOR}","target_cytoscapejs_version":"~3.33",\n"elements":{"nodes":[`,
  );
  let first = true;
  for await (const n of iterate(input.nodes)) {
    registry.addNode(n.id);
    buf.push((first ? '\n' : ',\n') + JSON.stringify({ data: nodeData(n) }));
    first = false;
    if (buf.full) yield buf.take();
  }
  buf.push('\n],"edges":[');
  first = true;
  for await (const r of iterate(input.edges)) {
    registry.checkEdge(r.id, r.from, r.to);
    citations.cite(r);
    buf.push((first ? '\n' : ',\n') + JSON.stringify({ data: edgeData(r, fields) }));
    first = false;
    if (buf.full) yield buf.take();
  }
  const sources = citations.cited();
  const counts = { nodes: registry.nodeCount, edges: registry.edgeCount };
  const steppe = { meta: input.meta, counts, sources: sources.map((s, i) => sourceData(s, i + 1, options.includeText ?? false)) };
  buf.push(`\n]},\n"data":${JSON.stringify(networkData(input.meta, counts, sources))},\n"steppe":${JSON.stringify(steppe)}}\n`);
  yield buf.take();
}
