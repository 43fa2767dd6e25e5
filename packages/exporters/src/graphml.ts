import type { Source } from '@steppe/domain';
import { CitationTracker, NODE_FIELDS, SOURCE_FIELDS, edgeFields, type Field, type Value, type ValueType } from './fields';
import { ExportInputError, NodeRegistry, TextBuffer, iterate } from './stream';
import type { ExportInput, ExportMeta } from './types';
import { XmlWriter } from './xml';

export const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** GraphML's attr.type for each of our value types; lists are JSON arrays in a string. */
const ATTR_TYPE: Record<ValueType, string> = { string: 'string', double: 'double', int: 'int', boolean: 'boolean', list: 'string' };

/** Formats a value as GraphML data text (lists: a JSON array, which the key's description says). */
export function graphmlValue(type: ValueType, value: Exclude<Value, undefined>): string {
  if (type === 'list') return JSON.stringify(value);
  if (type === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** Node and edge ids are XML NMTOKENs in GraphML's schema. */
const NMTOKEN = /^[\p{L}\p{N}._:\-\u00B7]+$/u;

function checkId(what: string, id: string) {
  if (!NMTOKEN.test(id))
    throw new ExportInputError(`${what} id "${id}" cannot be a GraphML id (letters, digits, ".", "-", "_", ":" only).`);
}

/** Graph-level attributes: where the export came from. */
const GRAPH_FIELDS: readonly Field<ExportMeta>[] = [
  { name: 'title', type: 'string', description: 'Title of the export.', get: (m) => m.title },
  { name: 'generatedAt', type: 'string', description: 'When the export was made (ISO 8601).', get: (m) => m.generatedAt },
  { name: 'graph', type: 'string', description: 'The Steppe graph it was read from.', get: (m) => m.graph },
  {
    name: 'query',
    type: 'string',
    description: 'The export arguments (ids, depth, relationTypes, limit) as JSON.',
    get: (m) => JSON.stringify(m.query),
  },
  { name: 'permalink', type: 'string', description: 'The explorer address that shows this view.', get: (m) => m.permalink },
  { name: 'apiUrl', type: 'string', description: 'The API request that reproduces the export.', get: (m) => m.apiUrl },
  { name: 'command', type: 'string', description: 'The CLI command that reproduces the export.', get: (m) => m.command },
  { name: 'truncated', type: 'boolean', description: 'Whether a limit held entities back.', get: (m) => m.truncated ?? false },
  { name: 'omittedNodes', type: 'int', description: 'Entities held back by the limit.', get: (m) => m.omittedNodes },
];

/** Appended after the edges, when the citations are known (GraphML allows graph data anywhere in <graph>). */
const SOURCES_KEY = {
  name: 'sources',
  description: 'The cited sources as a JSON array of {id, number, title, outlet, author, publishedAt, languages, url}.',
};

function sourceJson(s: Source, number: number) {
  const out: Record<string, unknown> = { id: s.id, number };
  for (const f of SOURCE_FIELDS) {
    const v = f.get(s);
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}

/**
 * GraphML 1.0 (http://graphml.graphdrawing.org/specification.html): every
 * attribute is declared as a <key> (id, for, attr.name, attr.type, with a
 * description) before the graph; node ids are the entity ids and edge ids the
 * relation ids, unique; an edge is written only between exported nodes.
 * Evidence is on the edge as JSON-array attributes (source ids, quotes,
 * stances, source titles) plus sourceCount and contested.
 */
export async function* writeGraphml(input: ExportInput): AsyncGenerator<string> {
  const citations = new CitationTracker(input.sources);
  const eFields = edgeFields(citations.title);
  const xml = new XmlWriter(GRAPHML_NS, 'graphml');
  const root = xml.root;
  root.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:xsi', XSI_NS);
  root.setAttributeNS(XSI_NS, 'xsi:schemaLocation', `${GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd`);

  const declare = (domain: 'graph' | 'node' | 'edge', prefix: string, f: { name: string; type?: ValueType; description: string }) => {
    const id = `${prefix}_${f.name}`;
    const type = f.type ?? 'string';
    const key = xml.frameEl(root, 'key', { id, for: domain, 'attr.name': f.name, 'attr.type': ATTR_TYPE[type] });
    xml.frameEl(key, 'desc', {}, type === 'list' ? `${f.description} (a JSON array of strings)` : f.description);
    return id;
  };
  for (const f of GRAPH_FIELDS) declare('graph', 'g', f);
  const sourcesKey = declare('graph', 'g', SOURCES_KEY);
  for (const f of NODE_FIELDS) declare('node', 'n', f);
  for (const f of eFields) declare('edge', 'e', f);

  const graph = xml.frameEl(root, 'graph', { id: 'steppe', edgedefault: 'directed' });
  for (const f of GRAPH_FIELDS) {
    const v = f.get(input.meta);
    if (v !== undefined) xml.frameEl(graph, 'data', { key: `g_${f.name}` }, graphmlValue(f.type, v));
  }
  const [head, tail] = xml.frame(graph);

  const buf = new TextBuffer();
  buf.push(head!);
  const registry = new NodeRegistry();
  for await (const n of iterate(input.nodes)) {
    checkId('Entity', n.id);
    registry.addNode(n.id);
    const el = xml.el('node', { id: n.id });
    for (const f of NODE_FIELDS) {
      const v = f.get(n);
      if (v !== undefined) xml.child(el, 'data', { key: `n_${f.name}` }, graphmlValue(f.type, v));
    }
    buf.push(xml.serialize(el) + '\n');
    if (buf.full) yield buf.take();
  }
  for await (const r of iterate(input.edges)) {
    checkId('Relation', r.id);
    registry.checkEdge(r.id, r.from, r.to);
    citations.cite(r);
    const el = xml.el('edge', { id: r.id, source: r.from, target: r.to });
    for (const f of eFields) {
      const v = f.get(r);
      if (v !== undefined) xml.child(el, 'data', { key: `e_${f.name}` }, graphmlValue(f.type, v));
    }
    buf.push(xml.serialize(el) + '\n');
    if (buf.full) yield buf.take();
  }
  const sources = citations.cited().map((s, i) => sourceJson(s, i + 1));
  buf.push(xml.serialize(xml.el('data', { key: sourcesKey }, JSON.stringify(sources))));
  buf.push(tail!);
  yield buf.take();
}
