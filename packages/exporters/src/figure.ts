// The declaration travels with this file, so workspaces that compile it (the API) see it too.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./types/cytoscape-fcose.d.ts" />
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import {
  ENTITY_KIND_INFO,
  RELATION_FAMILIES,
  relationTypeInfo,
  type Entity,
  type EntityKind,
  type RelationFamily,
  withSeededRandom,
} from '@steppe/domain';
import { contestedOf } from './fields';
import { checkReportSize } from './limits';
import { materialise } from './stream';
import type { ExportGraph, ExportInput, ExportRelation } from './types';
import { XmlWriter } from './xml';

let registered = false;

/** Registers fcose once, and tolerates an application that registered it already. */
function useFcose() {
  if (registered) return;
  registered = true;
  try {
    cytoscape.use(fcose);
  } catch {
    // already registered by the host application
  }
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Node positions from the explorer's layout (fcose), run headless in Node.
 * fcose starts from its spectral layout (randomize on: refining a fixed
 * start, such as a circle, leaves large graphs tangled), whose sampling uses
 * Math.random; the run is synchronous, so Math.random is a seeded generator
 * for exactly its duration, and with the nodes in id order the same subgraph
 * always gives the same figure.
 */
export function layoutPositions(nodes: readonly Entity[], edges: readonly ExportRelation[]): Map<string, Point> {
  useFcose();
  const sorted = [...nodes].sort((a, b) => a.id.localeCompare(b.id));
  const ids = new Set(sorted.map((n) => n.id));
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 30, height: 30 } }],
    elements: [
      ...sorted.map((n) => ({ group: 'nodes' as const, data: { id: n.id } })),
      ...edges
        .filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to)
        .map((e) => ({ group: 'edges' as const, data: { id: `e:${e.id}`, source: e.from, target: e.to } })),
    ],
  });
  try {
    cy.nodes().positions(() => ({ x: 0, y: 0 }));
    if (sorted.length > 1) {
      withSeededRandom(20_220_105, () =>
        cy
          .layout({
            name: 'fcose',
            animate: false,
            randomize: true,
            quality: 'proof',
            nodeRepulsion: () => 9000,
            idealEdgeLength: () => 110,
            nodeSeparation: 90,
          } as cytoscape.LayoutOptions)
          .run(),
      );
    }
    const out = new Map<string, Point>();
    cy.nodes().forEach((n) => {
      const p = n.position();
      out.set(n.id(), { x: p.x, y: p.y });
    });
    return out;
  } finally {
    cy.destroy();
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const NODE_R = 16;

function shapePoints(kind: EntityKind, x: number, y: number, r: number): string | undefined {
  const shape = ENTITY_KIND_INFO[kind]?.shape;
  const pts = (list: [number, number][]) => list.map(([px, py]) => `${(x + px).toFixed(1)},${(y + py).toFixed(1)}`).join(' ');
  if (shape === 'diamond')
    return pts([
      [0, -r * 1.15],
      [r * 1.15, 0],
      [0, r * 1.15],
      [-r * 1.15, 0],
    ]);
  if (shape === 'hexagon') {
    return pts(
      Array.from(
        { length: 6 },
        (_, i) => [r * 1.1 * Math.cos((Math.PI / 3) * i), r * 1.1 * Math.sin((Math.PI / 3) * i)] as [number, number],
      ),
    );
  }
  return undefined;
}

function familyOf(type: string): RelationFamily | undefined {
  try {
    return relationTypeInfo(type).family as RelationFamily;
  } catch {
    return undefined;
  }
}

const DASH: Record<string, string | undefined> = { solid: undefined, dashed: '7 4', dotted: '2 3' };

/** About this many pixels per character of an 11 px label (Helvetica, a little generous for bold). */
const LABEL_CHAR_WIDTH = 6.6;
const LABEL_LINE_HEIGHT = 13;
const LABEL_LINE_CHARS = 22;

/** A name broken into lines of about LABEL_LINE_CHARS at spaces (a longer word keeps a line of its own): never cut. */
export function wrapLabel(name: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of name.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > LABEL_LINE_CHARS) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [name];
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

export interface FigureOptions {
  /** Width of the drawing in CSS pixels (height follows the layout's aspect ratio). */
  width?: number;
  /** Entities to emphasise (the export's start ids). */
  highlight?: readonly string[];
  /** Label edges with their relation label when there are at most this many (default 40). */
  edgeLabelLimit?: number;
  /**
   * A heading drawn above the graph, also the SVG's `<title>` (default: no
   * heading, and a title that counts the entities and relations).
   */
  title?: string;
  /** A smaller line under the heading (only with `title`). */
  subtitle?: string;
  /** The SVG's `<desc>` (not drawn). */
  description?: string;
  /** `white` (default) paints the whole drawing white; `transparent` leaves everything but the graph unpainted. */
  background?: FigureBackground;
  /** Narrow the drawing to the graph (down to `minWidth`, default 480) when the graph is narrower than `width`. */
  fit?: boolean;
  minWidth?: number;
  /** Positions to draw the entities at (the explorer's canvas), instead of laying them out; used when every entity has one. */
  positions?: Readonly<Record<string, Point>>;
}

export const FIGURE_BACKGROUNDS = ['white', 'transparent'] as const;
export type FigureBackground = (typeof FIGURE_BACKGROUNDS)[number];

/**
 * The figure as standalone SVG: Steppe's palette and shapes for kinds, family
 * colours and line styles for relations (arrows point from subject to object,
 * contested relations drawn thicker with a double line), a legend of the kinds
 * and families present. Serialized by xmldom like the other XML formats.
 */
export function renderFigureSvg(nodes: readonly Entity[], edges: readonly ExportRelation[], options: FigureOptions = {}): string {
  return drawFigure(nodes, edges, options).svg;
}

/** A drawn figure: the `<svg>` element serialized, and its size in CSS pixels. */
export interface Figure {
  svg: string;
  width: number;
  height: number;
}

function drawFigure(nodes: readonly Entity[], edges: readonly ExportRelation[], options: FigureOptions): Figure {
  const given = options.positions;
  const positions =
    given && nodes.every((n) => given[n.id] !== undefined)
      ? new Map(nodes.map((n) => [n.id, { ...given[n.id]! }]))
      : layoutPositions(nodes, edges);
  const maxWidth = options.width ?? 960;
  const highlight = new Set(options.highlight ?? []);
  const margin = 24;
  // Whole labels, wrapped, drawn at a fixed size: the drawing's bounds hold every node with its label (in drawn
  // pixels, after scaling the positions), so nothing is cut off and nothing is clipped at the frame.
  const labelLines = new Map(nodes.map((n) => [n.id, wrapLabel(n.name)]));
  const pts = [...positions.entries()];
  const halfOf = (id: string) => Math.max(NODE_R, ...(labelLines.get(id) ?? []).map((l) => (l.length * LABEL_CHAR_WIDTH) / 2));
  const widest = pts.reduce((m, [id]) => Math.max(m, halfOf(id)), NODE_R);
  const spanX = pts.length > 0 ? Math.max(...pts.map(([, p]) => p.x)) - Math.min(...pts.map(([, p]) => p.x)) : 0;
  const scale = Math.max(0.2, Math.min(1.6, (maxWidth - 2 * margin - 2 * widest) / Math.max(1, spanX)));
  let minX = 0;
  let maxX = 0;
  let minY = 0;
  let maxY = 0;
  pts.forEach(([id, p], i) => {
    const x1 = p.x * scale - halfOf(id);
    const x2 = p.x * scale + halfOf(id);
    const y1 = p.y * scale - NODE_R * scale * 1.2;
    const y2 = p.y * scale + NODE_R * scale + 4 + (labelLines.get(id)?.length ?? 1) * LABEL_LINE_HEIGHT;
    minX = i === 0 ? x1 : Math.min(minX, x1);
    maxX = i === 0 ? x2 : Math.max(maxX, x2);
    minY = i === 0 ? y1 : Math.min(minY, y1);
    maxY = i === 0 ? y2 : Math.max(maxY, y2);
  });
  minX -= margin;
  maxX += margin;
  minY -= margin;
  maxY += margin;
  const width = Math.max(
    options.fit ? Math.min(maxWidth, Math.max(options.minWidth ?? 480, Math.ceil(maxX - minX))) : maxWidth,
    Math.ceil(maxX - minX),
  );
  // A graph narrower than the drawing is centred in it.
  const offsetX = Math.max(0, (width - (maxX - minX)) / 2);
  // The legend's items (kinds, then families on a new row), wrapped to the drawing's width.
  const legendKinds = [...new Set(nodes.map((n) => n.kind))].map((k) => ({ kind: k, w: 30 + ENTITY_KIND_INFO[k].plural.length * 6.5 }));
  const legendFamilies = (Object.keys(RELATION_FAMILIES) as RelationFamily[])
    .filter((f) => edges.some((e) => familyOf(e.type) === f))
    .map((f) => ({ family: f, w: 44 + RELATION_FAMILIES[f].label.length * 6 }));
  const legendRows = (items: { w: number }[]) => {
    let rows = items.length > 0 ? 1 : 0;
    let x = 12;
    for (const { w } of items) {
      if (x + w > width - 12 && x > 12) {
        rows++;
        x = 12;
      }
      x += w;
    }
    return rows;
  };
  const legendHeight = 22 + 18 * Math.max(1, legendRows(legendKinds) + legendRows(legendFamilies));
  const headerHeight = options.title ? (options.subtitle ? 52 : 34) : 0;
  const height = headerHeight + Math.max(160, maxY - minY) + legendHeight;
  const at = (p: Point) => ({ x: offsetX + p.x * scale - minX, y: headerHeight + p.y * scale - minY });

  const xml = new XmlWriter(SVG_NS, 'svg');
  const svg = xml.root;
  for (const [k, v] of Object.entries({
    width: width.toFixed(0),
    height: height.toFixed(0),
    viewBox: `0 0 ${width.toFixed(0)} ${height.toFixed(0)}`,
    role: 'img',
    'font-family': 'Helvetica, Arial, sans-serif',
  })) {
    svg.setAttribute(k, v);
  }
  xml.frameEl(svg, 'title', {}, options.title ?? `Graph of ${nodes.length} entities and ${edges.length} relations`);
  if (options.description) xml.frameEl(svg, 'desc', {}, options.description);
  const defs = xml.frameEl(svg, 'defs');
  for (const { family: f } of legendFamilies) {
    const marker = xml.frameEl(defs, 'marker', {
      id: `arrow-${f}`,
      viewBox: '0 0 10 10',
      refX: '9',
      refY: '5',
      markerWidth: '7',
      markerHeight: '7',
      orient: 'auto-start-reverse',
    });
    xml.frameEl(marker, 'path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: RELATION_FAMILIES[f].colour });
  }
  if (options.background !== 'transparent')
    xml.frameEl(svg, 'rect', { x: 0, y: 0, width: width.toFixed(0), height: height.toFixed(0), fill: '#ffffff' });
  if (options.title) {
    // About 8.5 px per character of 15 px bold Helvetica: cut what would run past the edge.
    xml.frameEl(
      svg,
      'text',
      { class: 'title', x: 12, y: 22, 'font-size': 15, 'font-weight': 'bold', fill: '#111111' },
      truncate(options.title, Math.floor((width - 24) / 8.5)),
    );
    if (options.subtitle) {
      xml.frameEl(
        svg,
        'text',
        { class: 'subtitle', x: 12, y: 40, 'font-size': 11, fill: '#555555' },
        truncate(options.subtitle, Math.floor((width - 24) / 6)),
      );
    }
  }

  // Relations: parallel relations between the same two entities fan out as curves.
  const edgeLayer = xml.frameEl(svg, 'g', { class: 'edges' });
  const byPair = new Map<string, ExportRelation[]>();
  for (const e of edges) {
    if (!positions.has(e.from) || !positions.has(e.to)) continue;
    const key = [e.from, e.to].sort().join('\u0000');
    byPair.set(key, [...(byPair.get(key) ?? []), e]);
  }
  const labelEdges = edges.length <= (options.edgeLabelLimit ?? 40);
  for (const group of byPair.values()) {
    group.forEach((e, i) => {
      const a = at(positions.get(e.from)!);
      const b = at(positions.get(e.to)!);
      const family = familyOf(e.type);
      const style = family ? RELATION_FAMILIES[family] : undefined;
      const colour = style?.colour ?? '#888888';
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len = Math.max(1, Math.hypot(dx, dy));
      // Perpendicular offset, signed by a canonical direction so reversed relations do not coincide.
      const sign = e.from < e.to ? 1 : -1;
      const offset = (i - (group.length - 1) / 2) * 22 * sign;
      const cx = (a.x + b.x) / 2 + (-dy / len) * offset;
      const cy2 = (a.y + b.y) / 2 + (dx / len) * offset;
      const shrink = (from: Point, toward: Point, by: number) => {
        const l = Math.max(1, Math.hypot(toward.x - from.x, toward.y - from.y));
        return { x: from.x + ((toward.x - from.x) / l) * by, y: from.y + ((toward.y - from.y) / l) * by };
      };
      const r = NODE_R * scale + 2;
      const start = shrink(a, { x: cx, y: cy2 }, r);
      const end = shrink(b, { x: cx, y: cy2 }, r + 2);
      const d = `M ${start.x.toFixed(1)} ${start.y.toFixed(1)} Q ${cx.toFixed(1)} ${cy2.toFixed(1)} ${end.x.toFixed(1)} ${end.y.toFixed(1)}`;
      const contested = contestedOf(e);
      const path = xml.frameEl(edgeLayer, 'path', {
        d,
        fill: 'none',
        stroke: colour,
        'stroke-width': contested ? 3 : 1.6,
        'stroke-dasharray': DASH[style?.lineStyle ?? 'solid'],
        'marker-end': family ? `url(#arrow-${family})` : undefined,
        'data-relation': e.id,
      });
      let label = e.type as string;
      try {
        label = relationTypeInfo(e.type).label;
      } catch {
        // unknown type: its name
      }
      xml.frameEl(path, 'title', {}, `${label}${contested ? ' (contested)' : ''}`);
      if (labelEdges) {
        // A white halo (stroke painted under the fill) keeps the label legible where it crosses a line.
        xml.frameEl(
          edgeLayer,
          'text',
          {
            x: cx.toFixed(1),
            y: (cy2 - 3).toFixed(1),
            'font-size': 9,
            fill: '#444444',
            stroke: '#ffffff',
            'stroke-width': 2.5,
            'stroke-linejoin': 'round',
            'paint-order': 'stroke',
            'text-anchor': 'middle',
          },
          truncate(label, 30),
        );
      }
    });
  }

  const nodeLayer = xml.frameEl(svg, 'g', { class: 'nodes' });
  const labelNodes = nodes.length <= 150;
  for (const n of nodes) {
    const p = positions.get(n.id);
    if (!p) continue;
    const { x, y } = at(p);
    const info = ENTITY_KIND_INFO[n.kind];
    const r = NODE_R * scale;
    const g = xml.frameEl(nodeLayer, 'g', { 'data-entity': n.id });
    const common = {
      fill: info?.colour ?? '#999999',
      stroke: highlight.has(n.id) ? '#111111' : '#ffffff',
      'stroke-width': highlight.has(n.id) ? 3 : 1.5,
    };
    const points = shapePoints(n.kind, x, y, r);
    if (points) xml.frameEl(g, 'polygon', { points, ...common });
    else if (info?.shape === 'round-rectangle') {
      xml.frameEl(g, 'rect', {
        x: (x - r).toFixed(1),
        y: (y - r * 0.8).toFixed(1),
        width: (2 * r).toFixed(1),
        height: (1.6 * r).toFixed(1),
        rx: (r * 0.3).toFixed(1),
        ...common,
      });
    } else xml.frameEl(g, 'circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), ...common });
    xml.frameEl(g, 'title', {}, `${n.name} (${n.kind})`);
    if (labelNodes || highlight.has(n.id)) {
      const text = xml.frameEl(g, 'text', {
        x: x.toFixed(1),
        y: (y + r + 12).toFixed(1),
        'font-size': 11,
        'text-anchor': 'middle',
        fill: '#111111',
        stroke: '#ffffff',
        'stroke-width': 3,
        'stroke-linejoin': 'round',
        'paint-order': 'stroke',
        'font-weight': highlight.has(n.id) ? 'bold' : undefined,
      });
      (labelLines.get(n.id) ?? [n.name]).forEach((line, i) => {
        xml.frameEl(text, 'tspan', { x: x.toFixed(1), dy: i === 0 ? undefined : LABEL_LINE_HEIGHT }, line);
      });
    }
  }

  // Legend: the kinds and families present, wrapping to the drawing's width.
  const legend = xml.frameEl(svg, 'g', { class: 'legend', 'font-size': 11 });
  let lx = 12;
  let ly = height - legendHeight + 14;
  const place = (w: number) => {
    if (lx + w > width - 12 && lx > 12) {
      lx = 12;
      ly += 18;
    }
    const at = { x: lx, y: ly };
    lx += w;
    return at;
  };
  for (const { kind: k, w } of legendKinds) {
    const info = ENTITY_KIND_INFO[k];
    const p = place(w);
    const points = shapePoints(k, p.x + 6, p.y, 6);
    if (points) xml.frameEl(legend, 'polygon', { points, fill: info.colour });
    else if (info.shape === 'round-rectangle')
      xml.frameEl(legend, 'rect', { x: p.x, y: p.y - 5, width: 12, height: 10, rx: 2, fill: info.colour });
    else xml.frameEl(legend, 'circle', { cx: p.x + 6, cy: p.y, r: 6, fill: info.colour });
    xml.frameEl(legend, 'text', { x: p.x + 16, y: p.y + 4, fill: '#111111' }, info.plural);
  }
  // Families start a row of their own.
  if (legendKinds.length > 0) {
    lx = 12;
    ly += 18;
  }
  for (const { family: f, w } of legendFamilies) {
    const style = RELATION_FAMILIES[f];
    const p = place(w);
    xml.frameEl(legend, 'line', {
      x1: p.x,
      y1: p.y,
      x2: p.x + 22,
      y2: p.y,
      stroke: style.colour,
      'stroke-width': 2,
      'stroke-dasharray': DASH[style.lineStyle],
    });
    xml.frameEl(legend, 'text', { x: p.x + 28, y: p.y + 4, fill: '#111111' }, style.label);
  }
  return { svg: xml.serialize(svg), width: Number(width.toFixed(0)), height: Number(height.toFixed(0)) };
}

/**
 * The figure as a file of its own: an XML declaration, the export's title as
 * heading and `<title>`, what it holds and when it was made under it, and how
 * to reproduce it (permalink, API request, CLI command) in `<desc>`.
 */
const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function renderFigureDocument(
  graph: ExportGraph,
  options: Pick<FigureOptions, 'background' | 'width'> = {},
): Figure & { text: string } {
  const { meta } = graph;
  const subtitle = [
    `${count(graph.nodes.length, 'entity', 'entities')}, ${count(graph.edges.length, 'relation', 'relations')}`,
    meta.graph ? `graph “${meta.graph}”` : '',
    `generated ${meta.generatedAt}`,
    meta.truncated ? `truncated: ${meta.omittedNodes ?? 0} entities held back by the limit` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const description = [
    meta.title,
    `Query: ids ${meta.query.ids.join(', ')}, depth ${meta.query.depth}${meta.query.relationTypes ? `, relation types ${meta.query.relationTypes.join(', ')}` : ''}${meta.query.limit ? `, limit ${meta.query.limit}` : ''}.`,
    meta.permalink ? `Permalink: ${meta.permalink}` : '',
    meta.apiUrl ? `API: GET ${meta.apiUrl}` : '',
    meta.command ? `CLI: ${meta.command}` : '',
    `Generated: ${meta.generatedAt}`,
  ]
    .filter(Boolean)
    .join('\n');
  const figure = drawFigure(graph.nodes, graph.edges, {
    fit: true,
    ...options,
    highlight: meta.query.ids,
    title: meta.title,
    subtitle,
    description,
  });
  return { ...figure, text: `<?xml version="1.0" encoding="UTF-8"?>\n${figure.svg}\n` };
}

/** The standalone figure from a (streamed) export input; refuses inputs above the report's limits. */
export async function* writeFigureSvg(input: ExportInput, options: Pick<FigureOptions, 'background'> = {}): AsyncGenerator<string> {
  const graph = await materialise(input);
  checkReportSize(graph.nodes.length, graph.edges.length, 'A figure');
  yield renderFigureDocument(graph, options).text;
}
