import { DOMParser, type Element } from '@xmldom/xmldom';
import { isEntityKind, isRelationType, isStance, type Entity, type Evidence, type Source, type Stance } from '@steppe/domain';
import type { ExportGraph, ExportMeta, ExportQuery, ExportRelation } from './types';

/** A file that is not one of our exports, or is damaged: the message says where. */
export class ImportError extends Error {
  override name = 'ImportError';
}

type Props = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function strings(v: unknown, where: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new ImportError(`${where} should be a list of strings.`);
  return v as string[];
}

function toEntity(p: Props, where: string): Entity {
  const id = str(p.id);
  if (!id) throw new ImportError(`${where} has no id.`);
  if (!isEntityKind(p.kind))
    throw new ImportError(`${where} (${id}) has kind ${JSON.stringify(p.kind)}, not one of Person, Organisation, Place, Event.`);
  const base = {
    id,
    name: str(p.name) ?? str(p.label) ?? id,
    aliases: strings(p.aliases, `${where} aliases`),
    description: typeof p.description === 'string' ? p.description : '',
  };
  const drop = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  switch (p.kind) {
    case 'Person':
      return { ...base, kind: 'Person', roles: strings(p.roles, `${where} roles`) };
    case 'Organisation':
      return drop({ ...base, kind: 'Organisation' as const, orgType: str(p.orgType), country: str(p.country) });
    case 'Place':
      return drop({
        ...base,
        kind: 'Place' as const,
        placeType: str(p.placeType),
        country: str(p.country),
        lat: num(p.lat),
        lon: num(p.lon),
      });
    case 'Event':
      return drop({ ...base, kind: 'Event' as const, startDate: str(p.startDate), endDate: str(p.endDate), placeId: str(p.placeId) });
  }
}

function toRelation(p: Props, where: string): ExportRelation {
  const id = str(p.id);
  if (!id) throw new ImportError(`${where} has no id.`);
  const type = p.relationType ?? p.interaction ?? p.type;
  if (!isRelationType(type))
    throw new ImportError(`${where} (${id}) has relation type ${JSON.stringify(type)}, which is not in Steppe's vocabulary.`);
  const from = str(p.source) ?? str(p.from);
  const to = str(p.target) ?? str(p.to);
  if (!from || !to) throw new ImportError(`${where} (${id}) lacks its source or target.`);
  if (!isStance(p.stance)) throw new ImportError(`${where} (${id}) has stance ${JSON.stringify(p.stance)}.`);
  const stance: Stance = p.stance;
  const sources = strings(p.evidenceSources, `${where} evidenceSources`);
  const quotes = strings(p.evidenceQuotes, `${where} evidenceQuotes`);
  const stances = strings(p.evidenceStances, `${where} evidenceStances`);
  if (quotes.length !== sources.length || (stances.length > 0 && stances.length !== sources.length)) {
    throw new ImportError(`${where} (${id}): evidenceSources, evidenceQuotes and evidenceStances differ in length.`);
  }
  const evidence: Required<Pick<Evidence, 'sourceId' | 'quote' | 'stance'>>[] = sources.map((sourceId, i) => {
    const s = stances[i] ?? stance;
    if (!isStance(s)) throw new ImportError(`${where} (${id}): evidence stance ${JSON.stringify(s)} is not a stance.`);
    return { sourceId, quote: quotes[i]!, stance: s };
  });
  const relation: ExportRelation = {
    id,
    type,
    from,
    to,
    stance,
    confidence: num(p.confidence) ?? 0,
    evidence,
  };
  for (const k of ['date', 'startDate', 'endDate', 'detail'] as const) {
    const v = str(p[k]);
    if (v) relation[k] = v;
  }
  if (typeof p.sourceCount === 'number') relation.sourceCount = p.sourceCount;
  if (typeof p.contested === 'boolean') relation.contested = p.contested;
  return relation;
}

function toSource(p: Props, where: string): Source {
  const id = str(p.id);
  if (!id) throw new ImportError(`${where} has no id.`);
  const s: Source = { id, title: str(p.title) ?? id, languages: strings(p.languages, `${where} languages`) };
  for (const k of ['outlet', 'author', 'publishedAt', 'url'] as const) {
    const v = str(p[k]);
    if (v) s[k] = v;
  }
  // A JSON export made with includeText carries each document's text: kept as it is (not trimmed).
  if (typeof p.text === 'string') s.text = p.text;
  return s;
}

function toMeta(p: Props): ExportMeta {
  const q = (p.query ?? {}) as Partial<ExportQuery>;
  const query: ExportQuery = {
    ids: Array.isArray(q.ids) ? q.ids.filter((x): x is string => typeof x === 'string') : [],
    depth: typeof q.depth === 'number' ? q.depth : 0,
  };
  if (Array.isArray(q.relationTypes)) query.relationTypes = q.relationTypes.filter((x): x is string => typeof x === 'string');
  if (typeof q.limit === 'number') query.limit = q.limit;
  const meta: ExportMeta = { title: str(p.title) ?? 'Imported graph', query, generatedAt: str(p.generatedAt) ?? '' };
  for (const k of ['graph', 'permalink', 'apiUrl', 'command'] as const) {
    const v = str(p[k]);
    if (v) meta[k] = v;
  }
  if (typeof p.truncated === 'boolean') meta.truncated = p.truncated;
  if (typeof p.omittedNodes === 'number') meta.omittedNodes = p.omittedNodes;
  return meta;
}

/** Every edge must join two imported nodes, and ids must be unique. */
function checked(graph: ExportGraph): ExportGraph {
  const ids = new Set<string>();
  for (const n of graph.nodes) {
    if (ids.has(n.id)) throw new ImportError(`Entity id "${n.id}" appears twice.`);
    ids.add(n.id);
  }
  const edgeIds = new Set<string>();
  for (const e of graph.edges) {
    if (edgeIds.has(e.id)) throw new ImportError(`Relation id "${e.id}" appears twice.`);
    edgeIds.add(e.id);
    for (const end of [e.from, e.to])
      if (!ids.has(end)) throw new ImportError(`Relation "${e.id}" ends at "${end}", which is not in the file.`);
  }
  return graph;
}

/** Reads our Cytoscape.js JSON export (text or parsed) back into the exported subgraph. */
export function parseCytoscapeJson(input: string | unknown): ExportGraph {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (error) {
      throw new ImportError(`Not JSON: ${(error as Error).message}`);
    }
  }
  const d = doc as { elements?: unknown; steppe?: { meta?: Props; sources?: Props[] }; data?: Props };
  if (!d || typeof d !== 'object' || !d.elements) throw new ImportError('Not a Cytoscape.js elements JSON: no "elements".');
  // Cytoscape writes { nodes, edges }; a flat array of elements with `group` is also accepted.
  let nodeEls: { data?: Props; group?: string }[] = [];
  let edgeEls: { data?: Props; group?: string }[] = [];
  if (Array.isArray(d.elements)) {
    for (const el of d.elements as { data?: Props; group?: string }[]) {
      const isEdge = el.group === 'edges' || (el.group === undefined && el.data?.source !== undefined);
      (isEdge ? edgeEls : nodeEls).push(el);
    }
  } else {
    const els = d.elements as { nodes?: unknown; edges?: unknown };
    nodeEls = Array.isArray(els.nodes) ? els.nodes : [];
    edgeEls = Array.isArray(els.edges) ? els.edges : [];
  }
  const nodes = nodeEls.map((el, i) => toEntity(el.data ?? {}, `Node ${i + 1}`));
  const edges = edgeEls.map((el, i) => toRelation(el.data ?? {}, `Edge ${i + 1}`));
  const sources = (d.steppe?.sources ?? []).map((s, i) => toSource(s, `Source ${i + 1}`));
  const meta = toMeta(d.steppe?.meta ?? { title: d.data?.name });
  return checked({ meta, nodes, edges, sources });
}

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

interface Key {
  name: string;
  type: string;
}

function children(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).localName === name) out.push(c as Element);
  }
  return out;
}

function typedValue(key: Key, text: string, where: string): unknown {
  switch (key.type) {
    case 'boolean':
      return text.trim() === 'true';
    case 'int':
    case 'long':
    case 'float':
    case 'double': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) throw new ImportError(`${where}: "${key.name}" should be a number, found "${text}".`);
      return n;
    }
    default:
      return text;
  }
}

/** Attributes our writer stores as JSON arrays in strings. */
const LIST_ATTRS = new Set(['aliases', 'roles', 'evidenceSources', 'evidenceQuotes', 'evidenceStances', 'sourceTitles', 'languages']);

function dataOf(el: Element, keys: Map<string, Key>, where: string): Props {
  const p: Props = {};
  for (const d of children(el, 'data')) {
    const key = keys.get(d.getAttribute('key') ?? '');
    if (!key) throw new ImportError(`${where}: <data key="${d.getAttribute('key')}"> has no <key> declaration.`);
    const text = d.textContent ?? '';
    let value = typedValue(key, text, where);
    if (LIST_ATTRS.has(key.name) && typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        throw new ImportError(`${where}: "${key.name}" should hold a JSON list.`);
      }
    }
    p[key.name] = value;
  }
  return p;
}

/** Reads our GraphML export back into the exported subgraph (attributes are matched by attr.name). */
export function parseGraphml(text: string): ExportGraph {
  const errors: string[] = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(text, 'application/xml');
  } catch (error) {
    throw new ImportError(`Not well-formed XML: ${(error as Error).message}`);
  }
  if (errors.length > 0) throw new ImportError(`Not well-formed XML: ${errors[0]}`);
  const root = doc.documentElement;
  if (!root || root.localName !== 'graphml' || root.namespaceURI !== GRAPHML_NS)
    throw new ImportError('Not GraphML: the root is not <graphml> in the GraphML namespace.');
  const keys = new Map<string, Key>();
  for (const k of children(root, 'key')) {
    const id = k.getAttribute('id');
    const name = k.getAttribute('attr.name');
    if (!id || !name) throw new ImportError('A <key> lacks id or attr.name.');
    keys.set(id, { name, type: k.getAttribute('attr.type') ?? 'string' });
  }
  const graphEl = children(root, 'graph')[0];
  if (!graphEl) throw new ImportError('GraphML without a <graph>.');
  const g = dataOf(graphEl, keys, 'graph');
  let query: unknown = {};
  if (typeof g.query === 'string') {
    try {
      query = JSON.parse(g.query);
    } catch {
      throw new ImportError('graph: "query" should hold JSON.');
    }
  }
  const meta = toMeta({ ...g, query });
  let sourceProps: Props[] = [];
  if (typeof g.sources === 'string') {
    try {
      sourceProps = JSON.parse(g.sources) as Props[];
    } catch {
      throw new ImportError('graph: "sources" should hold a JSON list.');
    }
  }
  const nodes = children(graphEl, 'node').map((n, i) =>
    toEntity({ ...dataOf(n, keys, `Node ${i + 1}`), id: n.getAttribute('id') }, `Node ${i + 1}`),
  );
  const edges = children(graphEl, 'edge').map((e, i) => {
    const where = `Edge ${i + 1}`;
    return toRelation(
      { ...dataOf(e, keys, where), id: e.getAttribute('id'), source: e.getAttribute('source'), target: e.getAttribute('target') },
      where,
    );
  });
  const sources = (Array.isArray(sourceProps) ? sourceProps : []).map((s, i) => toSource(s, `Source ${i + 1}`));
  return checked({ meta, nodes, edges, sources });
}

/** Reads either of our re-importable formats, told apart by their first character. */
export function parseExport(text: string): ExportGraph {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return parseCytoscapeJson(start);
  if (start.startsWith('<')) return parseGraphml(start);
  throw new ImportError('Neither JSON nor XML: import a Steppe JSON (.json, .cyjs) or GraphML (.graphml) export.');
}
