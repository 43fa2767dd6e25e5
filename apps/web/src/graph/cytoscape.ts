import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import coseBase from 'cose-base';

/**
 * The one place that wires Cytoscape extensions. Registration runs once, when
 * this module is first evaluated; the guard asks Cytoscape itself whether the
 * layout is known, so a second evaluation (hot reload, a test that isolates
 * modules, two bundles sharing one Cytoscape) does not register it twice.
 */
export function registerFcose(lib: typeof cytoscape = cytoscape): boolean {
  if (lib('layout', 'fcose')) return false;
  lib.use(fcose);
  return true;
}

interface SpringEmbedder {
  maxIterations: number;
  maxCoolingCycle: number;
}
interface CoseBaseModule {
  CoSELayout: { prototype: { initSpringEmbedder: (this: SpringEmbedder) => void } };
  layoutBase: { FDLayoutConstants: { MAX_ITERATIONS: number; CONVERGENCE_CHECK_PERIOD: number } };
}

const CAPPED = Symbol.for('steppe.fcose.iterationsCapped');

/**
 * fcose's `numIter` is documented as the maximum number of iterations, but the
 * force-directed engine underneath (cose-base on layout-base) raises it to
 * five per node (`max(5·n, numIter)`): 10,000 iterations for 2,000 entities,
 * 25,000 for 5,000, which is where large layouts spent their minutes (see
 * BENCHMARKS.md, "Explorer rendering"). This makes `numIter` the cap again,
 * and the cooling schedule (which spreads over the iterations) cools within it.
 * Idempotent; returns whether it changed anything.
 */
export function capFcoseIterations(base: CoseBaseModule = coseBase as unknown as CoseBaseModule): boolean {
  const proto = base.CoSELayout.prototype as { initSpringEmbedder: (this: SpringEmbedder) => void; [CAPPED]?: true };
  if (proto[CAPPED]) return false;
  const original = proto.initSpringEmbedder;
  const constants = base.layoutBase.FDLayoutConstants;
  proto.initSpringEmbedder = function initSpringEmbedder(this: SpringEmbedder) {
    original.call(this);
    this.maxIterations = Math.min(this.maxIterations, constants.MAX_ITERATIONS);
    this.maxCoolingCycle = this.maxIterations / constants.CONVERGENCE_CHECK_PERIOD;
  };
  proto[CAPPED] = true;
  return true;
}

registerFcose();
capFcoseIterations();

let svgLoading: Promise<void> | null = null;

/**
 * `cy.svg()` (cytoscape-svg), registered once, when first needed. Loaded on
 * demand, not with the page: its bundle reads `window` as it is evaluated,
 * which the server render of this module has not got; and only an SVG export
 * needs it.
 */
export function registerSvg(lib: typeof cytoscape = cytoscape): Promise<void> {
  if (lib('core', 'svg')) return Promise.resolve();
  svgLoading ??= import('cytoscape-svg').then((mod) => {
    const ext = ((mod as { default?: unknown }).default ?? mod) as Parameters<typeof lib.use>[0];
    if (!lib('core', 'svg')) lib.use(ext);
  });
  svgLoading.catch(() => {
    svgLoading = null;
  });
  return svgLoading;
}

export { cytoscape };
