import type { Core, ElementDefinition, StylesheetJson } from 'cytoscape';
import { ENTITY_KINDS, type EntityKind, type RelationFamily } from '@steppe/domain';
import { cytoscape, registerSvg } from '../graph/cytoscape';
import { edgeId } from '../workspace/ids';
import { iconDataUri } from '../graph/icons';
import { buildStylesheet } from '../graph/style';
import { frameMeasure, framePng, layoutFrame, legendFor, type FrameContent, type FrameLayout, type FrameMeasure } from './frame';
import type { ExportScope } from './scope';

/**
 * Pictures of the canvas, drawn in the browser by Cytoscape: PNG with
 * `cy.png` and SVG with cytoscape-svg, both of the whole scope (`full: true`)
 * whatever part of it is on screen. They are drawn from a copy: a hidden
 * Cytoscape instance holding only the scope's elements where the canvas has
 * them, with every label drawn at any zoom and no selection highlight, so the
 * analyst's canvas does not flicker or change.
 */

export type ImageFormat = 'png' | 'svg';
export const IMAGE_SCALES = [1, 2, 4] as const;
export type ImageScale = (typeof IMAGE_SCALES)[number];
export type Background = 'white' | 'transparent';

/** Beyond these a browser canvas fails or takes very long: the scale is lowered to fit. */
export const MAX_IMAGE_SIDE = 16_384;
export const MAX_IMAGE_PIXELS = 100_000_000;

export interface ImageOptions {
  format: ImageFormat;
  scale: number;
  background: Background;
  /** PNG only: a title above the picture and a legend of its kinds and relation families below it. */
  frame?: { title: string };
}

export interface RenderedImage {
  blob: Blob;
  width: number;
  height: number;
  /** The scale used: lower than asked when the picture would have been too large. */
  scale: number;
}

/** What cytoscape-svg adds to a Core once registered (registerSvg). */
interface WithSvg {
  svg(options: { full?: boolean; scale?: number; bg?: string }): string;
}

/** The largest scale up to `wanted` at which a `w`×`h` picture stays within the browser's limits. */
export function fitScale(box: { w: number; h: number }, wanted: number): number {
  const w = Math.max(1, box.w);
  const h = Math.max(1, box.h);
  const limit = Math.min(MAX_IMAGE_SIDE / w, MAX_IMAGE_SIDE / h, Math.sqrt(MAX_IMAGE_PIXELS / (w * h)));
  return wanted <= limit ? wanted : Math.floor(limit * 100) / 100;
}

/** How a picture of the canvas becomes the image: its size at scale 1, the frame around it (if any) and the scale. */
export interface ImagePlan {
  /** The picture of the canvas at scale 1, in whole pixels. */
  picture: { width: number; height: number };
  /** The title and legend around it (PNG with a frame). */
  frame: FrameLayout | null;
  scale: number;
}

/**
 * The scale for an image of the canvas whose elements span `box`: the one asked for, lowered when the whole
 * image would pass the browser's canvas limits. With a frame the whole image is the frame (padding, title and
 * legend included, laid out at scale 1 and scaled with the picture), so that is what must fit, not the picture.
 */
export function planImage(
  box: { w: number; h: number },
  wanted: number,
  frame?: { content: FrameContent; measure: FrameMeasure } | null,
): ImagePlan {
  const picture = { width: Math.ceil(Math.max(0, box.w)), height: Math.ceil(Math.max(0, box.h)) };
  const layout = frame ? layoutFrame(picture, frame.content, frame.measure) : null;
  const whole = layout ? { w: layout.width, h: layout.height } : { w: picture.width, h: picture.height };
  return { picture, frame: layout, scale: fitScale(whole, wanted) };
}

/** The copy's stylesheet: the close-up labels (edge labels included), drawn at any zoom. */
export function exportStylesheet(): StylesheetJson {
  return [
    ...(buildStylesheet('near') as unknown as object[]),
    { selector: 'node, edge', style: { 'min-zoomed-font-size': 0 } },
  ] as unknown as StylesheetJson;
}

/** The scope's elements as the canvas holds them (positions, data, path classes), unselected. */
export function scopeElements(live: Core, scope: ExportScope): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  const strip = (classes: string[]) => classes.filter((c) => c !== 'filtered').join(' ');
  for (const id of scope.entityIds) {
    const node = live.getElementById(id);
    if (node.empty()) continue;
    out.push({ group: 'nodes', data: { ...node.data() }, position: { ...node.position() }, classes: strip(node.classes()) });
  }
  for (const id of scope.relationIds) {
    const edge = live.getElementById(edgeId(id));
    if (edge.empty()) continue;
    out.push({ group: 'edges', data: { ...edge.data() }, classes: strip(edge.classes()) });
  }
  return out;
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Node icons are images: decoded before the copy draws, or they would be missing from the picture. */
async function iconsDecoded(): Promise<void> {
  await Promise.all(
    ENTITY_KINDS.map(async (kind) => {
      const img = new Image();
      img.src = iconDataUri(kind);
      await img.decode().catch(() => undefined);
    }),
  );
}

export async function renderImage(live: Core, scope: ExportScope, options: ImageOptions): Promise<RenderedImage> {
  const elements = scopeElements(live, scope);
  if (elements.length === 0) throw new Error('Nothing to draw: the scope has no entities on the canvas.');
  if (options.format === 'svg') await registerSvg();
  await iconsDecoded();
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  container.style.cssText = 'position:fixed;left:-100000px;top:0;width:800px;height:600px;pointer-events:none;';
  document.body.appendChild(container);
  let cy: Core | null = null;
  try {
    cy = cytoscape({
      container,
      elements,
      style: exportStylesheet(),
      layout: { name: 'preset' },
      // One picture pixel per model unit at scale 1, whatever the screen's pixel ratio.
      pixelRatio: 1,
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    // Let the copy load its images and draw once before it is captured.
    await nextFrame();
    await nextFrame();
    const box = cy.elements().boundingBox();
    const frameTitle = options.format === 'png' ? options.frame?.title : undefined;
    const plan = planImage(
      box,
      options.scale,
      frameTitle !== undefined
        ? {
            content: {
              title: frameTitle,
              legend: legendFor(
                cy.nodes().map((n) => n.data('kind') as EntityKind),
                cy.edges().map((e) => (e.data('family') as RelationFamily | null) ?? null),
              ),
            },
            measure: frameMeasure(),
          }
        : null,
    );
    const { scale } = plan;
    const width = plan.picture.width * scale;
    const height = plan.picture.height * scale;
    const bg = options.background === 'white' ? '#ffffff' : undefined;
    if (options.format === 'png') {
      const blob = await cy.png({ output: 'blob-promise', full: true, scale, ...(bg ? { bg } : {}) });
      if (!plan.frame) return { blob, width: Math.ceil(width), height: Math.ceil(height), scale };
      return { ...(await framePng(blob, plan.picture, plan.frame, scale, options.background)), scale };
    }
    const svg = (cy as Core & WithSvg).svg({ full: true, scale, ...(bg ? { bg } : {}) });
    return { blob: new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), width: Math.ceil(width), height: Math.ceil(height), scale };
  } finally {
    cy?.destroy();
    container.remove();
  }
}
