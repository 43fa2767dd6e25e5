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

export { cytoscape };
