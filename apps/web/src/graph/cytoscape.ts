import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

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

registerFcose();

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
