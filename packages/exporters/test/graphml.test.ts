import { collectText, parseGraphml, parseExport, writeGraphml } from '../src';
import { entities, input, meta, relations, sources, TRICKY_QUOTE } from './fixture';
import { kids, parseXml, type XNode } from './xml-helpers';

const GRAPHML_TYPES = ['boolean', 'int', 'long', 'float', 'double', 'string'];

describe('GraphML export', () => {
  let text: string;
  let root: XNode;
  beforeAll(async () => {
    text = await collectText(writeGraphml(input()));
    root = parseXml(text);
  });

  it('is well-formed GraphML in the GraphML namespace', () => {
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(root.name).toBe('graphml');
    expect(root.attrs.xmlns).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(kids(root, 'graph')).toHaveLength(1);
    expect(kids(root, 'graph')[0]!.attrs.edgedefault).toBe('directed');
  });

  it('declares every key (id, for, attr.name, attr.type) before the graph, and uses only declared keys of the right domain', () => {
    const order = root.children.map((c) => c.name);
    expect(order.lastIndexOf('key')).toBeLessThan(order.indexOf('graph'));
    const keys = new Map<string, XNode>();
    for (const k of kids(root, 'key')) {
      expect(keys.has(k.attrs.id!)).toBe(false);
      expect(['graph', 'node', 'edge', 'all']).toContain(k.attrs.for);
      expect(k.attrs['attr.name']).toBeTruthy();
      expect(GRAPHML_TYPES).toContain(k.attrs['attr.type']);
      keys.set(k.attrs.id!, k);
    }
    const graph = kids(root, 'graph')[0]!;
    const checkData = (el: XNode, domain: string) => {
      for (const d of kids(el, 'data')) {
        const key = keys.get(d.attrs.key!);
        if (!key) throw new Error(`undeclared key ${d.attrs.key}`);
        expect([domain, 'all']).toContain(key.attrs.for);
        const type = key.attrs['attr.type'];
        if (type === 'int') expect(d.text).toMatch(/^-?\d+$/);
        if (type === 'double') expect(Number.isFinite(Number(d.text))).toBe(true);
        if (type === 'boolean') expect(['true', 'false']).toContain(d.text);
      }
    };
    checkData(graph, 'graph');
    for (const n of kids(graph, 'node')) checkData(n, 'node');
    for (const e of kids(graph, 'edge')) checkData(e, 'edge');
  });

  it('has unique node and edge ids, and every edge endpoint is a node', () => {
    const graph = kids(root, 'graph')[0]!;
    const nodeIds = kids(graph, 'node').map((n) => n.attrs.id!);
    const edgeIds = kids(graph, 'edge').map((e) => e.attrs.id!);
    expect(new Set(nodeIds).size).toBe(nodeIds.length);
    expect(new Set(edgeIds).size).toBe(edgeIds.length);
    for (const e of kids(graph, 'edge')) {
      expect(nodeIds).toContain(e.attrs.source);
      expect(nodeIds).toContain(e.attrs.target);
    }
    expect(nodeIds.sort()).toEqual(entities.map((e) => e.id).sort());
    expect(edgeIds.sort()).toEqual(relations.map((r) => r.id).sort());
  });

  it('carries the properties and evidence, read by an independent parser', () => {
    const keys = new Map(kids(root, 'key').map((k) => [k.attrs.id!, k.attrs['attr.name']!]));
    const graph = kids(root, 'graph')[0]!;
    const props = (el: XNode) => Object.fromEntries(kids(el, 'data').map((d) => [keys.get(d.attrs.key!)!, d.text]));
    const smailov = props(kids(graph, 'node').find((n) => n.attrs.id === 'alikhan-smailov')!);
    expect(smailov.name).toBe('Älichan Smajylow');
    expect(JSON.parse(smailov.aliases!)).toEqual(['Alikhan Smailov', 'Әлихан Смайылов']);
    expect(smailov.description).toBe('Acting prime minister, "first deputy"');
    const aid = props(kids(graph, 'edge').find((e) => e.attrs.id === 'tokayev-requested-aid-from-csto')!);
    // Lists are JSON inside the XML text: even the CR of a CRLF survives.
    expect(JSON.parse(aid.evidenceQuotes!)).toEqual([TRICKY_QUOTE, 'Tokayev asked the CSTO for help.']);
    expect(JSON.parse(aid.evidenceSources!)).toEqual(['src-a', 'src-b']);
    expect(aid.sourceCount).toBe('2');
    expect(aid.contested).toBe('false');
    expect(aid.confidence).toBe('0.9');
    const claim = props(kids(graph, 'edge').find((e) => e.attrs.id === 'csto-coordinated-unrest')!);
    expect(claim.contested).toBe('true');
    const g = props(graph);
    expect(g.permalink).toBe(meta.permalink);
    expect(g.generatedAt).toBe(meta.generatedAt);
    expect(JSON.parse(g.query!)).toEqual(meta.query);
    expect(JSON.parse(g.sources!).map((s: { id: string }) => s.id)).toEqual(['src-a', 'src-b']);
  });

  it('imports back into the same subgraph', () => {
    const back = parseExport(text);
    expect(back.nodes).toEqual(entities);
    expect(back.edges).toEqual(relations);
    expect(back.sources).toEqual(sources.slice(0, 2));
    expect(back.meta).toEqual({ ...meta, truncated: false });
  });

  it('replaces characters XML cannot carry instead of writing an ill-formed file', async () => {
    const bad = { ...entities[0]!, name: 'bell\u0007 and lone \uD800 surrogate' };
    const out = await collectText(writeGraphml(input({ nodes: [bad], edges: [] })));
    const doc = parseXml(out);
    expect(JSON.stringify(doc)).toContain('bell\uFFFD and lone \uFFFD surrogate');
  });

  it('refuses ids that cannot be GraphML ids, and reports undeclared keys on import', async () => {
    await expect(collectText(writeGraphml(input({ nodes: [{ ...entities[0]!, id: 'has space' }], edges: [] })))).rejects.toThrow(
      /cannot be a GraphML id/,
    );
    const broken = text.replace('<data key="n_kind">', '<data key="n_nope">');
    expect(() => parseGraphml(broken)).toThrow(/no <key> declaration/);
    expect(() => parseGraphml('<graphml><graph/>')).toThrow(/well-formed/);
  });
});
