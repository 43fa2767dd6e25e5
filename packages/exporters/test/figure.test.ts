import { relationTypeInfo } from '@steppe/domain';
import { collectText, materialise, renderFigureDocument, renderFigureSvg, writeExport, writeFigureSvg, type ExportGraph } from '../src';
import { entities, input, meta, relations, sources, syntheticInput } from './fixture';
import { kids, parseXml, type XNode } from './xml-helpers';

const graph: ExportGraph = { meta, nodes: entities, edges: relations, sources };

function all(node: XNode): XNode[] {
  return [node, ...node.children.flatMap(all)];
}

describe('figure from the explorer’s positions', () => {
  const positions = Object.fromEntries(entities.map((e, i) => [e.id, { x: (i % 3) * 200, y: Math.floor(i / 3) * 150 }]));
  const long = { ...entities[0]!, name: 'Collective Security Treaty Organization of the Former Soviet Republics' };
  const nodes = [long, ...entities.slice(1)];
  const svg = parseXml(renderFigureSvg(nodes, relations, { positions, width: 600 }));
  const centre = (id: string) => {
    const g = all(svg).find((n) => n.attrs['data-entity'] === id)!;
    const shape = g.children.find((c) => ['circle', 'rect', 'polygon'].includes(c.name))!;
    if (shape.name === 'circle') return { x: Number(shape.attrs.cx), y: Number(shape.attrs.cy) };
    if (shape.name === 'rect')
      return { x: Number(shape.attrs.x) + Number(shape.attrs.width) / 2, y: Number(shape.attrs.y) + Number(shape.attrs.height) / 2 };
    const pts = shape.attrs.points!.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
    return { x: pts.reduce((a, p) => a + p[0], 0) / pts.length, y: pts.reduce((a, p) => a + p[1], 0) / pts.length };
  };

  it('draws the entities where the canvas had them (one scale, one offset), not in a layout of its own', () => {
    const a = centre(nodes[0]!.id);
    const b = centre(nodes[1]!.id);
    const c = centre(nodes[3]!.id);
    const scaleX = (b.x - a.x) / 200;
    expect(scaleX).toBeGreaterThan(0);
    expect((c.y - a.y) / 150).toBeCloseTo(scaleX, 1);
    expect(c.x).toBeCloseTo(a.x, 0);
  });

  it('keeps whole labels inside the drawing', () => {
    const width = Number(svg.attrs.width);
    const g = all(svg).find((n) => n.attrs['data-entity'] === long.id)!;
    const lines = kids(kids(g, 'text')[0]!, 'tspan').map((t) => t.text);
    expect(lines.join(' ')).toBe(long.name);
    const x = centre(long.id).x;
    const half = (Math.max(...lines.map((l) => l.length)) * 6.6) / 2;
    expect(x - half).toBeGreaterThanOrEqual(0);
    expect(x + half).toBeLessThanOrEqual(width);
  });

  it('lays the figure out itself when an entity has no position', () => {
    const partial = parseXml(renderFigureSvg(nodes, relations, { positions: { [nodes[0]!.id]: { x: 0, y: 0 } } }));
    expect(all(partial).filter((n) => n.attrs['data-entity'])).toHaveLength(nodes.length);
  });
});

describe('figure on its own (SVG)', () => {
  let text: string;
  let root: XNode;
  beforeAll(async () => {
    text = await collectText(writeExport('svg', input()));
    root = parseXml(text);
  });

  it('is a standalone SVG document: XML declaration, namespace, size and a matching viewBox', () => {
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    expect(root.name).toBe('svg');
    expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    const width = Number(root.attrs.width);
    const height = Number(root.attrs.height);
    expect(width).toBeGreaterThanOrEqual(480);
    expect(height).toBeGreaterThan(100);
    expect(root.attrs.viewBox).toBe(`0 0 ${width} ${height}`);
  });

  it('has the export’s title (as <title> and as a heading), and how to reproduce it in <desc>', () => {
    expect(kids(root, 'title')[0]!.text).toBe(meta.title);
    const heading = all(root).find((n) => n.name === 'text' && n.attrs.class === 'title');
    expect(heading?.text).toBe(meta.title);
    const desc = kids(root, 'desc')[0]!.text;
    expect(desc).toContain(meta.permalink);
    expect(desc).toContain(meta.command);
    expect(desc).toContain(meta.generatedAt);
    const subtitle = all(root).find((n) => n.name === 'text' && n.attrs.class === 'subtitle');
    expect(subtitle?.text).toContain(`${entities.length} entities, ${relations.length} relations`);
  });

  it('labels every entity and relation, and keeps every shape inside the drawing', () => {
    const texts = all(root)
      .filter((n) => n.name === 'text')
      .map((n) => n.text);
    for (const r of relations) expect(texts).toContain(relationTypeInfo(r.type).label);
    const width = Number(root.attrs.width);
    const height = Number(root.attrs.height);
    const groups = all(root).filter((n) => n.attrs['data-entity']);
    expect(groups.map((g) => g.attrs['data-entity']).sort()).toEqual(entities.map((e) => e.id).sort());
    for (const e of entities) {
      const g = groups.find((x) => x.attrs['data-entity'] === e.id)!;
      // The full name on hover, and the whole name as the label (wrapped into lines, never cut).
      expect(kids(g, 'title')[0]!.text).toBe(`${e.name} (${e.kind})`);
      expect(
        kids(kids(g, 'text')[0]!, 'tspan')
          .map((t) => t.text)
          .join(' '),
      ).toBe(e.name.split(/\s+/).join(' '));
    }
    for (const g of groups) {
      const shape = g.children.find((c) => ['circle', 'rect', 'polygon'].includes(c.name))!;
      const xs: number[] = [];
      const ys: number[] = [];
      if (shape.name === 'circle') {
        const [cx, cy, r] = [shape.attrs.cx, shape.attrs.cy, shape.attrs.r].map(Number) as [number, number, number];
        xs.push(cx - r, cx + r);
        ys.push(cy - r, cy + r);
      } else if (shape.name === 'rect') {
        const [x, y, w, h] = [shape.attrs.x, shape.attrs.y, shape.attrs.width, shape.attrs.height].map(Number) as [
          number,
          number,
          number,
          number,
        ];
        xs.push(x, x + w);
        ys.push(y, y + h);
      } else {
        for (const pair of shape.attrs.points!.split(' ')) {
          const [x, y] = pair.split(',').map(Number) as [number, number];
          xs.push(x);
          ys.push(y);
        }
      }
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...xs)).toBeLessThanOrEqual(width);
      expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...ys)).toBeLessThanOrEqual(height);
    }
    expect(all(root).filter((n) => n.name === 'path' && n.attrs['data-relation'])).toHaveLength(relations.length);
  });

  it('has a legend of the kinds and relation families present, inside the drawing', () => {
    const legend = kids(root, 'g').find((g) => g.attrs.class === 'legend')!;
    const labels = kids(legend, 'text').map((t) => t.text);
    expect(labels).toEqual(expect.arrayContaining(['People', 'Organisations', 'Places', 'Events']));
    const height = Number(root.attrs.height);
    for (const t of kids(legend, 'text')) expect(Number(t.attrs.y)).toBeLessThanOrEqual(height);
  });

  it('paints a white background, or none when transparent', () => {
    const background = (svg: XNode) =>
      kids(svg, 'rect').filter((r) => r.attrs.fill === '#ffffff' && r.attrs.x === '0' && r.attrs.y === '0');
    expect(background(root)).toHaveLength(1);
    const clear = parseXml(renderFigureDocument(graph, { background: 'transparent' }).text);
    expect(background(clear)).toHaveLength(0);
    expect(clear.attrs.width).toBe(root.attrs.width);
  });

  it('is the same for the same input, and reports its size', () => {
    const a = renderFigureDocument(graph);
    expect(renderFigureDocument(graph).text).toBe(a.text);
    expect(a.text).toContain(`width="${a.width}" height="${a.height}"`);
  });

  it('lays a large graph out without piling entities up, and leaves Math.random as it was', async () => {
    const random = Math.random;
    const { nodes, edges } = await materialise(syntheticInput(300, { nodes: 0, edges: 0 }));
    const svg = parseXml(renderFigureSvg(nodes, edges));
    expect(Math.random).toBe(random);
    const circles = all(svg).filter((n) => n.name === 'circle' && n.attrs.r && n.attrs.stroke);
    expect(circles).toHaveLength(300);
    const r = Number(circles[0]!.attrs.r);
    const points = circles.map((c) => [Number(c.attrs.cx), Number(c.attrs.cy)] as const);
    let closest = Infinity;
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++)
        closest = Math.min(closest, Math.hypot(points[i]![0] - points[j]![0], points[i]![1] - points[j]![1]));
    }
    // No two entities overlap: centres at least a diameter apart.
    expect(closest).toBeGreaterThanOrEqual(2 * r);
  });

  it('refuses more than a report holds', async () => {
    await expect(collectText(writeFigureSvg(syntheticInput(501, { nodes: 0, edges: 0 })))).rejects.toThrow(
      /A figure holds at most 500 entities/,
    );
  });
});
