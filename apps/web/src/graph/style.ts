import type { StylesheetJson } from 'cytoscape';
import { ENTITY_KIND_INFO, ENTITY_KINDS, RELATION_FAMILIES, type RelationFamily } from '@steppe/domain';
import { iconDataUri } from './icons';

/**
 * The canvas stylesheet, derived from the domain vocabulary: one rule per
 * entity kind (colour, shape) and one per relation family (colour, line
 * style). The legend reads the same tables, so the two cannot drift apart.
 */

export const SELECTION_COLOUR = '#f5b700';
export const CONTESTED_COLOUR = '#e74c3c';
export const PATH_COLOUR = '#ff6a00';
/** Contested relations are drawn this wide (others: 2). */
export const CONTESTED_WIDTH = 4;
const TEXT_COLOUR = '#1d2330';
const DEFAULT_EDGE_COLOUR = '#95a0b5';

/**
 * Labels are drawn for the zoom the analyst is at: close up, edges are
 * labelled; further out, edge labels go (they would be an unreadable smear)
 * and node labels grow in model units so that they stay readable on screen.
 */
export type LabelTier = 'near' | 'mid' | 'far' | 'overview';

/** The smallest size a label may be drawn at and still count as readable (issue 12: 11 px). */
export const READABLE_FONT_PX = 11;
/** From this zoom the close-up tier's 12-unit node labels are drawn at READABLE_FONT_PX or more (11 / 12, rounded up). */
export const EDGE_LABEL_MIN_ZOOM = 0.92;
export const FAR_ZOOM = 0.45;
/** Below this zoom even the largest node label would be drawn under MIN_ZOOMED_FONT_SIZE: no labels at all (and none to measure, which is what makes large views slow to draw). */
export const OVERVIEW_ZOOM = 0.27;

export function labelTier(zoom: number): LabelTier {
  if (zoom >= EDGE_LABEL_MIN_ZOOM) return 'near';
  if (zoom >= FAR_ZOOM) return 'mid';
  if (zoom >= OVERVIEW_ZOOM) return 'far';
  return 'overview';
}

/**
 * Node label size per tier, in model units. Close up they are drawn at 11 px or more; in the mid tier down to
 * 11 / 15 ≈ 0.73, the floor of the default fit of a view of up to 50 entities (layout/readable-canvas.ts); further
 * out (the overview of a larger view) they grow in model units but shrink on screen.
 */
export const NODE_FONT_SIZE: Readonly<Record<LabelTier, number>> = { near: 12, mid: 15, far: 26, overview: 26 };
/** Below this size on screen Cytoscape does not draw a label at all (it could not be read). */
export const MIN_ZOOMED_FONT_SIZE = 7;

const EDGE_CURVE: Readonly<Record<LabelTier, 'bezier' | 'straight' | 'haystack'>> = {
  near: 'bezier',
  mid: 'bezier',
  far: 'straight',
  overview: 'haystack',
};

export function kindSelector(kind: string): string {
  return `node[kind = "${kind}"]`;
}

export function familySelector(family: string): string {
  return `edge[family = "${family}"]`;
}

export function buildStylesheet(tier: LabelTier = 'near'): StylesheetJson {
  const kindRules: StylesheetJson = ENTITY_KINDS.map((kind) => {
    const info = ENTITY_KIND_INFO[kind];
    return {
      selector: kindSelector(kind),
      style: {
        'background-color': info.colour,
        shape: info.shape,
        'border-color': info.colour,
        'background-image': iconDataUri(kind),
        'background-width': '58%',
        'background-height': '58%',
        'background-clip': 'none',
      },
    };
  });
  const familyRules: StylesheetJson = (Object.keys(RELATION_FAMILIES) as RelationFamily[]).map((family) => {
    const info = RELATION_FAMILIES[family];
    return {
      selector: familySelector(family),
      style: {
        'line-color': info.colour,
        'target-arrow-color': info.colour,
        'line-style': info.lineStyle,
        color: info.colour,
      },
    };
  });

  return [
    {
      selector: 'node',
      style: {
        // Zoomed out, only the entities the analyst works with keep a label (see `prominent` below):
        // hundreds of overlapping names cannot be read, and measuring them makes large views slow.
        label: tier === 'near' || tier === 'mid' ? 'data(label)' : '',
        width: 34,
        height: 34,
        'background-color': '#8a94a6',
        'border-width': 2,
        'border-opacity': 1,
        color: TEXT_COLOUR,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        'font-size': NODE_FONT_SIZE[tier],
        'min-zoomed-font-size': MIN_ZOOMED_FONT_SIZE,
        'font-weight': 600,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'text-wrap': 'wrap',
        'text-max-width': '130px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
      },
    },
    ...kindRules,
    {
      // Entities whose neighbours are loaded are drawn larger with a dark ring.
      selector: 'node[?expanded]',
      style: { width: 46, height: 46, 'border-color': TEXT_COLOUR, 'border-width': 3, 'font-size': NODE_FONT_SIZE[tier] + 1 },
    },
    {
      selector: 'edge',
      style: {
        label: tier === 'near' ? 'data(label)' : '',
        width: 2,
        // Bezier curves keep parallel relations apart close up; further out, cheaper shapes (and no arrows
        // in the overview, where they would be specks) keep panning and zooming smooth on large views.
        'curve-style': EDGE_CURVE[tier],
        'line-color': DEFAULT_EDGE_COLOUR,
        'target-arrow-shape': 'triangle',
        'target-arrow-color': DEFAULT_EDGE_COLOUR,
        'arrow-scale': 1.1,
        color: '#4a5468',
        'font-size': 10,
        'min-zoomed-font-size': MIN_ZOOMED_FONT_SIZE,
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        'text-events': 'yes',
      },
    },
    ...familyRules,
    {
      // Sources disagree about these: thick, a red diamond on the middle of the line, and a red halo. The WebGL
      // renderer draws neither dashes nor halos, so width and the marker carry the meaning there too.
      selector: 'edge[?contested]',
      style: {
        width: CONTESTED_WIDTH,
        'mid-target-arrow-shape': 'diamond',
        'mid-target-arrow-color': CONTESTED_COLOUR,
        'mid-target-arrow-fill': 'filled',
        'underlay-color': CONTESTED_COLOUR,
        'underlay-padding': 4,
        'underlay-opacity': 0.25,
      },
    },
    {
      selector: 'node:selected',
      style: {
        'underlay-color': SELECTION_COLOUR,
        'underlay-padding': 8,
        'underlay-opacity': 0.6,
        'underlay-shape': 'ellipse',
      },
    },
    {
      selector: 'edge:selected',
      style: { width: 4, 'underlay-color': SELECTION_COLOUR, 'underlay-padding': 5, 'underlay-opacity': 0.6 },
    },
    {
      // Labelled at every zoom but the overview: expanded, pinned, selected and path entities.
      selector: 'node[?expanded], node.pinned, node:selected, node.on-path',
      style: { label: tier === 'overview' ? '' : 'data(label)' },
    },
    {
      // Filtered out or hidden by hand: still on the canvas (positions kept), not drawn.
      selector: '.filtered',
      style: { display: 'none' },
    },
    {
      // Pinned: layouts leave it where it is; a dashed ring says so.
      selector: 'node.pinned',
      style: { 'border-style': 'dashed', 'border-color': TEXT_COLOUR, 'border-width': 3 },
    },
    {
      selector: 'node.more',
      style: {
        shape: 'round-rectangle',
        width: 64,
        height: 18,
        'background-color': '#eef1f5',
        'background-image': 'none',
        'border-color': '#95a0b5',
        'border-width': 1,
        'border-style': 'dashed',
        color: '#4a5468',
        'font-size': 10,
        'text-valign': 'center',
        'text-margin-y': 0,
        'text-background-opacity': 0,
      },
    },
    {
      selector: 'edge.more',
      style: { 'line-style': 'dashed', 'line-color': '#c3c9d4', 'target-arrow-shape': 'none', width: 1, label: '' },
    },
    {
      selector: 'node.on-path',
      style: {
        'underlay-color': PATH_COLOUR,
        'underlay-opacity': 0.45,
        'underlay-padding': 7,
        'underlay-shape': 'ellipse',
        'z-index': 10,
      },
    },
    {
      selector: 'edge.on-path',
      style: { width: 5, 'line-color': PATH_COLOUR, 'target-arrow-color': PATH_COLOUR, label: 'data(label)', 'z-index': 10 },
    },
    {
      selector: '.off-path',
      style: { opacity: 0.25 },
    },
  ];
}
