import type { StylesheetJson } from 'cytoscape';
import {
  ENTITY_KIND_INFO,
  ENTITY_KINDS,
  RELATION_FAMILIES,
  type RelationFamily,
} from '@steppe/domain';

/**
 * The canvas stylesheet, derived from the domain vocabulary: one rule per
 * entity kind (colour, shape) and one per relation family (colour, line
 * style). The legend reads the same tables, so the two cannot drift apart.
 */

export const SELECTION_COLOUR = '#f5b700';
export const CONTESTED_COLOUR = '#e74c3c';
const TEXT_COLOUR = '#1d2330';
const DEFAULT_EDGE_COLOUR = '#95a0b5';

export function kindSelector(kind: string): string {
  return `node[kind = "${kind}"]`;
}

export function familySelector(family: string): string {
  return `edge[family = "${family}"]`;
}

export function buildStylesheet(): StylesheetJson {
  const kindRules: StylesheetJson = ENTITY_KINDS.map((kind) => {
    const info = ENTITY_KIND_INFO[kind];
    return {
      selector: kindSelector(kind),
      style: { 'background-color': info.colour, shape: info.shape, 'border-color': info.colour },
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
        label: 'data(label)',
        width: 34,
        height: 34,
        'background-color': '#8a94a6',
        'border-width': 2,
        'border-opacity': 1,
        color: TEXT_COLOUR,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        'font-size': 11,
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
      style: { width: 46, height: 46, 'border-color': TEXT_COLOUR, 'border-width': 3, 'font-size': 12 },
    },
    {
      selector: 'edge',
      style: {
        label: 'data(label)',
        width: 2,
        'curve-style': 'bezier',
        'line-color': DEFAULT_EDGE_COLOUR,
        'target-arrow-shape': 'triangle',
        'target-arrow-color': DEFAULT_EDGE_COLOUR,
        'arrow-scale': 1.1,
        color: '#4a5468',
        'font-size': 9,
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        'text-events': 'yes',
      },
    },
    ...familyRules,
    {
      // Sources disagree about these: a red halo, explained in the legend.
      selector: 'edge[?contested]',
      style: { 'underlay-color': CONTESTED_COLOUR, 'underlay-padding': 4, 'underlay-opacity': 0.25 },
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
  ];
}
