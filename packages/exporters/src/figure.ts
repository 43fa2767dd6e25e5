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
} from '@steppe/domain';
import { contestedOf } from './fields';
import type { ExportRelation } from './types';
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
 * Deterministic: nodes start on a circle in id order and fcose refines from
 * there (randomize off), so the same subgraph always gives the same figure.
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
    const radius = Math.max(150, sorted.length * 12);
    cy.nodes().positions((_node, i) => ({
      x: radius * Math.cos((2 * Math.PI * i) / Math.max(1, sorted.length)),
      y: radius * Math.sin((2 * Math.PI * i) / Math.max(1, sorted.length)),
    }));
    if (sorted.length > 1) {
      cy.layout({
        name: 'fcose',
        animate: false,
        randomize: false,
        quality: 'proof',
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 110,
        nodeSeparation: 90,
      } as cytoscape.LayoutOptions).run();
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
  if (shape === 'diamond') return pts([[0, -r * 1.15], [r * 1.15, 0], [0, r * 1.15], [-r * 1.15, 0]]);
  if (shape === 'hexagon') {
    return pts(Array.from({ length: 6 }, (_, i) => [r * 1.1 * Math.cos((Math.PI / 3) * i), r * 1.1 * Math.sin((Math.PI / 3) * i)] as [number, number]));
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
}

/**
 * The figure as standalone SVG: Steppe's palette and shapes for kinds, family
 * colours and line styles for relations (arrows point from subject to object,
 * contested relations drawn thicker with a double line), a legend of the kinds
 * and families present. Serialized by xmldom like the other XML formats.
 */
export function renderFigureSvg(nodes: readonly Entity[], edges: readonly ExportRelation[], options: FigureOptions = {}): string {
  const positions = layoutPositions(nodes, edges);
  const width = options.width ?? 960;
  const highlight = new Set(options.highlight ?? []);
  const margin = 60;
  const xs = [...positions.values()].map((p) => p.x);
  const ys = [...positions.values()].map((p) => p.y);
  const minX = (xs.length > 0 ? Math.min(...xs) : 0) - margin * 1.5;
  const maxX = (xs.length > 0 ? Math.max(...xs) : 0) + margin * 1.5;
  const minY = (ys.length > 0 ? Math.min(...ys) : 0) - margin;
  const maxY = (ys.length > 0 ? Math.max(...ys) : 0) + margin;
  const scale = Math.min(1.6, width / Math.max(1, maxX - minX));
  const familyCount = new Set(edges.map((e) => familyOf(e.type)).filter(Boolean)).size;
  const legendHeight = 40 + 18 * Math.ceil((familyCount * 150) / Math.max(300, width - 24));
  const height = Math.max(160, (maxY - minY) * scale) + legendHeight;
  const at = (p: Point) => ({ x: (p.x - minX) * scale, y: (p.y - minY) * scale });

  const xml = new XmlWriter(SVG_NS, 'svg');
  const svg = xml.root;
  for (const [k, v] of Object.entries({ width: width.toFixed(0), height: height.toFixed(0), viewBox: `0 0 ${width.toFixed(0)} ${height.toFixed(0)}`, role: 'img', 'font-family': 'Helvetica, Arial, sans-serif' })) {
    svg.setAttribute(k, v);
  }
  xml.frameEl(svg, 'title', {}, `Graph of ${nodes.length} entities and ${edges.length} relations`);
  const defs = xml.frameEl(svg, 'defs');
  const families = new Set<RelationFamily>();
  for (const e of edges) {
    const f = familyOf(e.type);
    if (f) families.add(f);
  }
  for (const f of Object.keys(RELATION_FAMILIES) as RelationFamily[]) {
    if (!families.has(f)) continue;
    const marker = xml.frameEl(defs, 'marker', { id: `arrow-${f}`, viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' });
    xml.frameEl(marker, 'path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: RELATION_FAMILIES[f].colour });
  }
  xml.frameEl(svg, 'rect', { x: 0, y: 0, width: width.toFixed(0), height: height.toFixed(0), fill: '#ffffff' });

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
        xml.frameEl(edgeLayer, 'text', { x: cx.toFixed(1), y: (cy2 - 3).toFixed(1), 'font-size': 9, fill: '#444444', 'text-anchor': 'middle' }, truncate(label, 30));
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
    const common = { fill: info?.colour ?? '#999999', stroke: highlight.has(n.id) ? '#111111' : '#ffffff', 'stroke-width': highlight.has(n.id) ? 3 : 1.5 };
    const points = shapePoints(n.kind, x, y, r);
    if (points) xml.frameEl(g, 'polygon', { points, ...common });
    else if (info?.shape === 'round-rectangle') {
      xml.frameEl(g, 'rect', { x: (x - r).toFixed(1), y: (y - r * 0.8).toFixed(1), width: (2 * r).toFixed(1), height: (1.6 * r).toFixed(1), rx: (r * 0.3).toFixed(1), ...common });
    } else xml.frameEl(g, 'circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), ...common });
    xml.frameEl(g, 'title', {}, `${n.name} (${n.kind})`);
    if (labelNodes || highlight.has(n.id)) {
      xml.frameEl(g, 'text', { x: x.toFixed(1), y: (y + r + 12).toFixed(1), 'font-size': 11, 'text-anchor': 'middle', fill: '#111111', 'font-weight': highlight.has(n.id) ? 'bold' : undefined }, truncate(n.name, 32));
    }
  }

  // Legend: the kinds and families present, wrapping to the drawing's width.
  const legend = xml.frameEl(svg, 'g', { class: 'legend', 'font-size': 11 });
  let lx = 12;
  let ly = height - legendHeight + 14;
  const place = (w: number) => {
    if (lx + w > width - 12) {
      lx = 12;
      ly += 18;
    }
    const at = { x: lx, y: ly };
    lx += w;
    return at;
  };
  for (const k of [...new Set(nodes.map((n) => n.kind))]) {
    const info = ENTITY_KIND_INFO[k];
    const p = place(30 + info.plural.length * 6.5);
    const points = shapePoints(k, p.x + 6, p.y, 6);
    if (points) xml.frameEl(legend, 'polygon', { points, fill: info.colour });
    else if (info.shape === 'round-rectangle') xml.frameEl(legend, 'rect', { x: p.x, y: p.y - 5, width: 12, height: 10, rx: 2, fill: info.colour });
    else xml.frameEl(legend, 'circle', { cx: p.x + 6, cy: p.y, r: 6, fill: info.colour });
    xml.frameEl(legend, 'text', { x: p.x + 16, y: p.y + 4, fill: '#111111' }, info.plural);
  }
  lx = width;
  for (const f of families) {
    const style = RELATION_FAMILIES[f];
    const p = place(44 + style.label.length * 6);
    xml.frameEl(legend, 'line', { x1: p.x, y1: p.y, x2: p.x + 22, y2: p.y, stroke: style.colour, 'stroke-width': 2, 'stroke-dasharray': DASH[style.lineStyle] });
    xml.frameEl(legend, 'text', { x: p.x + 28, y: p.y + 4, fill: '#111111' }, style.label);
  }
  return xml.serialize(svg);
}
