declare module 'cose-base' {
  /** The force-directed engine under cytoscape-fcose; the explorer only reaches into it to cap iterations (see graph/cytoscape.ts). */
  const coseBase: unknown;
  export default coseBase;
}
