import { ENTITY_KIND_INFO, RELATION_FAMILIES, relationTypeInfo, type RelationFamily } from '@steppe/domain';
import { CitationTracker, NODE_FIELDS, edgeFields, relationInterval, sourceCountOf, type ValueType } from './fields';
import { NodeRegistry, TextBuffer, iterate } from './stream';
import type { ExportInput, ExportRelation } from './types';
import { XmlWriter } from './xml';

export const GEXF_NS = 'http://gexf.net/1.3';
const VIZ_NS = 'http://gexf.net/1.3/viz';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** GEXF attribute types; lists are JSON arrays in a string (GEXF's liststring cannot carry commas safely). */
const GEXF_TYPE: Record<ValueType, string> = { string: 'string', double: 'double', int: 'integer', boolean: 'boolean', list: 'string' };

function gexfValue(type: ValueType, value: string | number | boolean | string[]): string {
  if (type === 'list') return JSON.stringify(value);
  if (type === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

function rgb(hex: string) {
  const n = Number.parseInt(hex.slice(1), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

function familyColour(r: ExportRelation): string | undefined {
  try {
    return RELATION_FAMILIES[relationTypeInfo(r.type).family as RelationFamily].colour;
  } catch {
    return undefined;
  }
}

/**
 * GEXF 1.3 (https://gexf.net/schema.html) for Gephi: a dynamic graph whose
 * dated relations carry a time interval (`start`/`end`, first and last day the
 * date covers, timeformat "date"); undated relations and all nodes are always
 * present. Every attribute is declared in <attributes> before use; colours come
 * from Steppe's palette (viz:color); edge weight is the number of sources.
 */
export async function* writeGexf(input: ExportInput): AsyncGenerator<string> {
  const citations = new CitationTracker(input.sources);
  const eFields = edgeFields(citations.title);
  const xml = new XmlWriter(GEXF_NS, 'gexf');
  const root = xml.root;
  root.setAttribute('version', '1.3');
  root.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:viz', VIZ_NS);
  root.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:xsi', XSI_NS);
  root.setAttributeNS(XSI_NS, 'xsi:schemaLocation', `${GEXF_NS} http://gexf.net/1.3/gexf.xsd`);

  const { meta } = input;
  const metaEl = xml.frameEl(root, 'meta', { lastmodifieddate: meta.generatedAt.slice(0, 10) });
  xml.frameEl(metaEl, 'creator', {}, 'Steppe');
  xml.frameEl(metaEl, 'title', {}, meta.title);
  const about = [
    `Generated ${meta.generatedAt}.`,
    `Query: ${JSON.stringify(meta.query)}.`,
    meta.permalink ? `Permalink: ${meta.permalink}` : '',
    meta.apiUrl ? `API: ${meta.apiUrl}` : '',
    meta.command ? `CLI: ${meta.command}` : '',
    meta.truncated ? `Truncated: ${meta.omittedNodes ?? 0} entities held back by the limit.` : '',
  ];
  xml.frameEl(metaEl, 'description', {}, about.filter(Boolean).join('\n'));

  const graph = xml.frameEl(root, 'graph', {
    defaultedgetype: 'directed',
    mode: 'dynamic',
    timeformat: 'date',
    timerepresentation: 'interval',
  });
  const nodeAttrs = xml.frameEl(graph, 'attributes', { class: 'node', mode: 'static' });
  // label and colour are GEXF's own (label attribute, viz:color).
  const nFields = NODE_FIELDS.filter((f) => f.name !== 'label' && f.name !== 'colour' && f.name !== 'shape');
  for (const f of nFields) xml.frameEl(nodeAttrs, 'attribute', { id: `n_${f.name}`, title: f.name, type: GEXF_TYPE[f.type] });
  const edgeAttrs = xml.frameEl(graph, 'attributes', { class: 'edge', mode: 'static' });
  const edgeAttrFields = eFields.filter((f) => f.name !== 'label' && f.name !== 'colour' && f.name !== 'start' && f.name !== 'end');
  for (const f of edgeAttrFields) xml.frameEl(edgeAttrs, 'attribute', { id: `e_${f.name}`, title: f.name, type: GEXF_TYPE[f.type] });
  const [head, between, tail] = xml.frame(xml.frameEl(graph, 'nodes'), xml.frameEl(graph, 'edges'));

  const buf = new TextBuffer();
  buf.push(head!);
  const registry = new NodeRegistry();
  for await (const n of iterate(input.nodes)) {
    registry.addNode(n.id);
    const el = xml.el('node', { id: n.id, label: n.name });
    const values = xml.child(el, 'attvalues');
    for (const f of nFields) {
      const v = f.get(n);
      if (v !== undefined) xml.child(values, 'attvalue', { for: `n_${f.name}`, value: gexfValue(f.type, v) });
    }
    const colour = ENTITY_KIND_INFO[n.kind]?.colour;
    if (colour) xml.child(el, 'viz:color', rgb(colour));
    buf.push(xml.serialize(el) + '\n');
    if (buf.full) yield buf.take();
  }
  buf.push(between!);
  for await (const r of iterate(input.edges)) {
    registry.checkEdge(r.id, r.from, r.to);
    citations.cite(r);
    const { start, end } = relationInterval(r);
    let label = r.type as string;
    try {
      label = relationTypeInfo(r.type).label;
    } catch {
      // an unknown type keeps its name as the label
    }
    const el = xml.el('edge', { id: r.id, source: r.from, target: r.to, label, kind: r.type, weight: sourceCountOf(r), start, end });
    const values = xml.child(el, 'attvalues');
    for (const f of edgeAttrFields) {
      const v = f.get(r);
      if (v !== undefined) xml.child(values, 'attvalue', { for: `e_${f.name}`, value: gexfValue(f.type, v) });
    }
    const colour = familyColour(r);
    if (colour) xml.child(el, 'viz:color', rgb(colour));
    buf.push(xml.serialize(el) + '\n');
    if (buf.full) yield buf.take();
  }
  buf.push(tail!);
  yield buf.take();
}
