import type { Core } from 'cytoscape';
import { cytoscape } from './cytoscape';
import { applyViewRendering, LARGE_RENDERING_EDGES, LARGE_RENDERING_NODES, viewRenderingFor } from './rendering';

/** n nodes in a chain, plus `extraEdges` more edges between its first two nodes. */
function chain(n: number, extraEdges = 0): Core {
  const elements = [];
  for (let i = 0; i < n; i++) elements.push({ group: 'nodes' as const, data: { id: `n${i}` } });
  for (let i = 1; i < n; i++) elements.push({ group: 'edges' as const, data: { id: `e${i}`, source: `n${i - 1}`, target: `n${i}` } });
  for (let i = 0; i < extraEdges; i++) elements.push({ group: 'edges' as const, data: { id: `x${i}`, source: 'n0', target: 'n1' } });
  return cytoscape({ headless: true, styleEnabled: true, elements });
}

describe('view rendering by size', () => {
  let cy: Core | undefined;
  afterEach(() => cy?.destroy());

  it('draws small views in full and large ones (by entities or by relations) without edges while they move', () => {
    expect(viewRenderingFor(LARGE_RENDERING_NODES - 1, LARGE_RENDERING_EDGES - 1)).toEqual({
      hideEdgesOnViewport: false,
      textureOnViewport: false,
    });
    expect(viewRenderingFor(LARGE_RENDERING_NODES, 0)).toEqual({ hideEdgesOnViewport: true, textureOnViewport: true });
    expect(viewRenderingFor(10, LARGE_RENDERING_EDGES)).toEqual({ hideEdgesOnViewport: true, textureOnViewport: true });
  });

  it('counts only what is visible: filtering a large view down makes it small again', () => {
    cy = chain(LARGE_RENDERING_NODES);
    expect(applyViewRendering(cy).hideEdgesOnViewport).toBe(true);
    cy.getElementById('n0').addClass('filtered');
    cy.getElementById('e1').addClass('filtered');
    expect(applyViewRendering(cy).hideEdgesOnViewport).toBe(false);
    cy.destroy();
    cy = chain(20, LARGE_RENDERING_EDGES);
    expect(applyViewRendering(cy).textureOnViewport).toBe(true);
  });

  it('sets the flags on a renderer that has them and leaves one without them (headless) alone', () => {
    cy = chain(LARGE_RENDERING_NODES);
    const headless = (cy as unknown as { renderer: () => Record<string, unknown> }).renderer();
    applyViewRendering(cy);
    expect(headless.hideEdgesOnViewport).toBeUndefined();
    // The canvas renderer's fields, as Cytoscape sets them from its options.
    const canvasLike = { hideEdgesOnViewport: false, textureOnViewport: false };
    const withRenderer = Object.assign(Object.create(cy) as Core, { renderer: () => canvasLike });
    applyViewRendering(withRenderer);
    expect(canvasLike).toEqual({ hideEdgesOnViewport: true, textureOnViewport: true });
    withRenderer.getElementById('n0').addClass('filtered');
    applyViewRendering(withRenderer);
    expect(canvasLike).toEqual({ hideEdgesOnViewport: false, textureOnViewport: false });
  });
});
