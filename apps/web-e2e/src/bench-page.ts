/**
 * What the rendering benchmark runs inside the page: the explorer's own
 * graph modules, bundled by esbuild for the browser (see bench-rendering.ts).
 * Not part of the app.
 */
import { cytoscape } from '../../web/src/graph/cytoscape';
import { layoutJobFrom } from '../../web/src/graph/layout/job';
import { OffThreadLayout, type WorkerLike } from '../../web/src/graph/layout/worker-client';
import { layoutOptions } from '../../web/src/graph/layout/named';
import { applyPositions, applyQuickPlacement, freshViewTier } from '../../web/src/graph/layout/off-thread';
import { applyViewRendering } from '../../web/src/graph/rendering';
import { labelTier } from '../../web/src/graph/style';

const api = {
  cytoscape,
  layoutJobFrom,
  OffThreadLayout,
  layoutOptions,
  applyPositions,
  applyQuickPlacement,
  freshViewTier,
  applyViewRendering,
  labelTier,
};
export type BenchApi = typeof api;
export type { WorkerLike };

(globalThis as unknown as { steppeBench: BenchApi }).steppeBench = api;
