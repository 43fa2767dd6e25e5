declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';

  /** Registers `cy.svg(options)`; typed where it is called (src/export/image.ts). */
  const svg: Ext;
  export default svg;
}
