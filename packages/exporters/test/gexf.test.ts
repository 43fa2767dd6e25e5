import { collectText, writeGexf } from '../src';
import { entities, input, meta, relations, TRICKY_QUOTE } from './fixture';
import { kids, parseXml, type XNode } from './xml-helpers';

const GEXF_TYPES = ['integer', 'long', 'double', 'float', 'boolean', 'string', 'liststring', 'date', 'anyURI'];

describe('GEXF 1.3 export', () => {
  let text: string;
  let graph: XNode;
  let root: XNode;
  beforeAll(async () => {
    text = await collectText(writeGexf(input()));
    root = parseXml(text);
    graph = kids(root, 'graph')[0]!;
  });

  it('is well-formed GEXF 1.3, a dynamic graph with dates', () => {
    expect(root.name).toBe('gexf');
    expect(root.attrs.xmlns).toBe('http://gexf.net/1.3');
    expect(root.attrs.version).toBe('1.3');
    expect(graph.attrs).toMatchObject({ defaultedgetype: 'directed', mode: 'dynamic', timeformat: 'date' });
    const m = kids(root, 'meta')[0]!;
    expect(m.attrs.lastmodifieddate).toBe('2024-05-06');
    expect(kids(m, 'description')[0]!.text).toContain(meta.permalink!);
  });

  it('declares every attribute before the nodes and edges, and uses only declared ones', () => {
    const order = graph.children.map((c) => c.name);
    expect(order).toEqual(['attributes', 'attributes', 'nodes', 'edges']);
    const declared = new Map<string, Set<string>>();
    for (const a of kids(graph, 'attributes')) {
      const ids = new Set<string>();
      for (const attr of kids(a, 'attribute')) {
        expect(GEXF_TYPES).toContain(attr.attrs.type);
        expect(ids.has(attr.attrs.id!)).toBe(false);
        ids.add(attr.attrs.id!);
      }
      declared.set(a.attrs.class!, ids);
    }
    const nodes = kids(kids(graph, 'nodes')[0]!, 'node');
    const edges = kids(kids(graph, 'edges')[0]!, 'edge');
    for (const n of nodes)
      for (const v of kids(kids(n, 'attvalues')[0]!, 'attvalue')) expect(declared.get('node')!.has(v.attrs.for!)).toBe(true);
    for (const e of edges)
      for (const v of kids(kids(e, 'attvalues')[0]!, 'attvalue')) expect(declared.get('edge')!.has(v.attrs.for!)).toBe(true);
    expect(nodes.map((n) => n.attrs.id).sort()).toEqual(entities.map((e) => e.id).sort());
    const nodeIds = new Set(nodes.map((n) => n.attrs.id));
    for (const e of edges) {
      expect(nodeIds.has(e.attrs.source)).toBe(true);
      expect(nodeIds.has(e.attrs.target)).toBe(true);
    }
  });

  it('puts time intervals on dated relations only (first and last day the date covers)', () => {
    const edges = new Map(kids(kids(graph, 'edges')[0]!, 'edge').map((e) => [e.attrs.id!, e.attrs]));
    expect(edges.get('tokayev-requested-aid-from-csto')).toMatchObject({
      start: '2022-01-05',
      end: '2022-01-05',
      kind: 'REQUESTED_AID_FROM',
      weight: '2',
    });
    expect(edges.get('tokayev-appointed-smailov')).toMatchObject({ start: '2022-01-01', end: '2022-02-28' });
    expect(edges.get('csto-coordinated-unrest')).toMatchObject({ start: '2022-01-01', end: '2022-12-31' });
    expect(edges.get('unrest-occurred-in-almaty')!.start).toBeUndefined();
    expect(edges.get('unrest-occurred-in-almaty')!.end).toBeUndefined();
    expect(edges.size).toBe(relations.length);
  });

  it('keeps names and quotes intact, line breaks included, in attribute values', () => {
    const node = kids(kids(graph, 'nodes')[0]!, 'node').find((n) => n.attrs.id === 'alikhan-smailov')!;
    expect(node.attrs.label).toBe('Älichan Smajylow');
    const values = (el: XNode) =>
      Object.fromEntries(kids(kids(el, 'attvalues')[0]!, 'attvalue').map((v) => [v.attrs.for!, v.attrs.value!]));
    expect(values(node).n_name).toBe('Älichan Smajylow');
    const edge = kids(kids(graph, 'edges')[0]!, 'edge').find((e) => e.attrs.id === 'tokayev-requested-aid-from-csto')!;
    const v = values(edge);
    expect(JSON.parse(v.e_evidenceQuotes!)).toEqual([TRICKY_QUOTE, 'Tokayev asked the CSTO for help.']);
    expect(v.e_contested).toBe('false');
    expect(v.e_sourceCount).toBe('2');
    const description = node.attrs && values(node).n_description;
    expect(description).toBe('Acting prime minister, "first deputy"');
    const viz = kids(node, 'viz:color')[0]!;
    expect(viz.attrs).toEqual({ r: '47', g: '111', b: '223' });
  });

  it('keeps a line break in a plain attribute value (escaped as a character reference)', async () => {
    const out = await collectText(writeGexf(input({ nodes: [{ ...entities[0]!, description: 'two\nlines\r\nand a tab\t' }], edges: [] })));
    expect(out).toContain('two&#10;lines&#13;&#10;and a tab&#9;');
    const node = kids(kids(kids(parseXml(out), 'graph')[0]!, 'nodes')[0]!, 'node')[0]!;
    const desc = kids(kids(node, 'attvalues')[0]!, 'attvalue').find((v) => v.attrs.for === 'n_description')!;
    expect(desc.attrs.value).toBe('two\nlines\r\nand a tab\t');
  });
});
