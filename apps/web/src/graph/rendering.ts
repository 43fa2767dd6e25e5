import type { Core } from 'cytoscape';

/**
 * How the canvas renderer draws while the analyst pans and zooms, chosen from
 * the size of the view. Small views are drawn in full on every frame (crisp,
 * edges and labels always there). Large views use Cytoscape's own options for
 * big graphs while a gesture (drag, wheel, pinch) or a viewport animation
 * moves the view: edges are left out of those frames (`hideEdgesOnViewport`)
 * and the view is moved as one picture (`textureOnViewport`); the full drawing
 * comes back as soon as the view stops. Redrawing thousands of edges on every
 * frame is what made panning large views jerky (see BENCHMARKS.md, "Explorer
 * rendering").
 */
export interface ViewRendering {
  hideEdgesOnViewport: boolean;
  textureOnViewport: boolean;
}

/** From this many visible entities, or relations, a view is drawn as a large one while it moves. */
export const LARGE_RENDERING_NODES = 400;
export const LARGE_RENDERING_EDGES = 1_000;

export function viewRenderingFor(visibleNodes: number, visibleEdges: number): ViewRendering {
  const large = visibleNodes >= LARGE_RENDERING_NODES || visibleEdges >= LARGE_RENDERING_EDGES;
  return { hideEdgesOnViewport: large, textureOnViewport: large };
}

/** The renderer fields Cytoscape reads from these options on every frame (set from the options when it is created). */
type RendererFlags = Partial<ViewRendering>;

/**
 * Sets the drawing mode for the view's current size (what is not `.filtered`)
 * on the canvas renderer; returns the mode. Cytoscape takes these options only
 * when the instance is created, and the explorer creates its instance before
 * the data arrives, so the renderer's fields are set directly; a renderer
 * without them (headless) is left alone. The WebGL renderer ignores them.
 */
export function applyViewRendering(cy: Core): ViewRendering {
  const visible = cy.elements().not('.filtered');
  const mode = viewRenderingFor(visible.nodes().length, visible.edges().length);
  const renderer = (cy as unknown as { renderer?: () => unknown }).renderer?.() as RendererFlags | undefined;
  if (renderer && typeof renderer.hideEdgesOnViewport === 'boolean' && typeof renderer.textureOnViewport === 'boolean') {
    renderer.hideEdgesOnViewport = mode.hideEdgesOnViewport;
    renderer.textureOnViewport = mode.textureOnViewport;
  }
  return mode;
}
