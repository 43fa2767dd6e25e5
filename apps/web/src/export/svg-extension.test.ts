/**
 * @jest-environment jsdom
 */
import { cytoscape, registerSvg } from '../graph/cytoscape';

// cytoscape-svg's bundle needs a window as it loads: jsdom gives it one (drawing is tested in the browser, apps/web-e2e).
describe('registerSvg', () => {
  it('registers cy.svg once, however often it is asked for', async () => {
    expect(cytoscape('core', 'svg')).toBeFalsy();
    await Promise.all([registerSvg(), registerSvg()]);
    const registered = cytoscape('core', 'svg');
    expect(typeof registered).toBe('function');
    await registerSvg();
    expect(cytoscape('core', 'svg')).toBe(registered);
    const cy = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }] });
    expect(typeof (cy as unknown as { svg?: unknown }).svg).toBe('function');
    cy.destroy();
  });
});
