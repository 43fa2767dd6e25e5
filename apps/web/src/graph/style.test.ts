import { ENTITY_KIND_INFO, ENTITY_KINDS, RELATION_FAMILIES, type RelationFamily } from '@steppe/domain';
import { cytoscape } from './cytoscape';
import { buildElements } from './elements';
import { buildStylesheet, EDGE_LABEL_MIN_ZOOM, familySelector, kindSelector, labelTier, NODE_FONT_SIZE, READABLE_FONT_PX } from './style';
import { accusation, aidRequest, deployment, tokayev } from '../test/fixtures';

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
}

describe('buildStylesheet', () => {
  const sheet = buildStylesheet();
  const rule = (selector: string) => sheet.find((r) => r.selector === selector);

  it('has a rule for every entity kind with the kind’s colour and shape', () => {
    for (const kind of ENTITY_KINDS) {
      const r = rule(kindSelector(kind));
      expect(r && 'style' in r && r.style).toMatchObject({
        'background-color': ENTITY_KIND_INFO[kind].colour,
        shape: ENTITY_KIND_INFO[kind].shape,
      });
    }
  });

  it('has a rule for every relation family with its colour and line style', () => {
    for (const family of Object.keys(RELATION_FAMILIES) as RelationFamily[]) {
      const r = rule(familySelector(family));
      expect(r && 'style' in r && r.style).toMatchObject({
        'line-color': RELATION_FAMILIES[family].colour,
        'line-style': RELATION_FAMILIES[family].lineStyle,
      });
    }
  });

  it('styles real elements in a headless Cytoscape: kinds, families, labels', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: buildStylesheet(),
      elements: buildElements([tokayev], [aidRequest, accusation, deployment]),
    });
    try {
      const person = cy.getElementById('kassym-jomart-tokayev');
      expect(person.style('background-color')).toBe(rgb(ENTITY_KIND_INFO.Person.colour));
      expect(person.style('shape')).toBe('ellipse');
      expect(person.style('label')).toBe('Kassym-Jomart Tokayev');
      expect(cy.getElementById('csto').style('shape')).toBe('round-rectangle');
      expect(cy.getElementById('almaty').style('shape')).toBe('hexagon');
      expect(cy.getElementById('january-2022-unrest').style('shape')).toBe('diamond');

      const aid = cy.getElementById('relation:tokayev-requested-aid-from-csto');
      expect(aid.style('line-color')).toBe(rgb(RELATION_FAMILIES.aid.colour));
      expect(aid.style('line-style')).toBe('solid');
      expect(aid.style('label')).toBe('requested aid from');
      const claim = cy.getElementById('relation:tokayev-accused-unrest');
      expect(claim.style('line-style')).toBe('dashed');
      expect(Number(claim.style('underlay-opacity'))).toBeGreaterThan(0);
      expect(Number(aid.style('underlay-opacity'))).toBe(0);
    } finally {
      cy.destroy();
    }
  });
});

describe('labels at every zoom', () => {
  it('picks a tier from the zoom', () => {
    expect(labelTier(1.5)).toBe('near');
    expect(labelTier(0.92)).toBe('near');
    // Below 11 / 12 the close-up labels would be drawn under 11 px: the mid tier's larger ones take over.
    expect(labelTier(0.9)).toBe('mid');
    expect(NODE_FONT_SIZE.near * EDGE_LABEL_MIN_ZOOM).toBeGreaterThanOrEqual(READABLE_FONT_PX);
    expect(labelTier(0.6)).toBe('mid');
    expect(labelTier(0.3)).toBe('far');
    expect(labelTier(0.2)).toBe('overview');
  });

  it('hides edge labels away from near zoom and grows node labels so they stay readable on screen', () => {
    const node = (tier: 'near' | 'mid' | 'far' | 'overview') =>
      buildStylesheet(tier).find((r) => r.selector === 'node') as unknown as { style: Record<string, unknown> };
    const edge = (tier: 'near' | 'mid' | 'far' | 'overview') =>
      buildStylesheet(tier).find((r) => r.selector === 'edge') as unknown as { style: Record<string, unknown> };
    expect(edge('near').style.label).toBe('data(label)');
    expect(edge('mid').style.label).toBe('');
    // Read from the stylesheet each tier builds, not from the constants it is built from.
    const fontSize = (tier: 'near' | 'mid' | 'far') => Number(node(tier).style['font-size']);
    const minZoomed = Number(node('near').style['min-zoomed-font-size']);
    expect(fontSize('mid')).toBeGreaterThan(fontSize('near'));
    expect(fontSize('far')).toBeGreaterThan(fontSize('mid'));
    expect(node('overview').style.label).toBe('');
    expect(node('far').style.label).toBe('');
    const prominent = (tier: 'far' | 'overview') =>
      (
        buildStylesheet(tier).find((r) => r.selector === 'node[?expanded], node.pinned, node:selected, node.on-path') as unknown as {
          style: Record<string, unknown>;
        }
      ).style.label;
    expect(prominent('far')).toBe('data(label)');
    expect(prominent('overview')).toBe('');
    expect(edge('near').style['curve-style']).toBe('bezier');
    expect(edge('far').style['curve-style']).toBe('straight');
    expect(edge('overview').style['curve-style']).toBe('haystack');
    // Labels drop out only where they could not be read anyway: below about 7 px on screen.
    expect(minZoomed).toBeGreaterThanOrEqual(6);
    expect(minZoomed).toBeLessThanOrEqual(8);
    expect(fontSize('far') * 0.27).toBeLessThan(minZoomed + 0.1);
    // On screen, node labels stay readable down to each tier's lowest zoom (0.8 near, 0.45 mid).
    expect(fontSize('near') * 0.8).toBeGreaterThanOrEqual(9.5);
    expect(fontSize('mid') * 0.45).toBeGreaterThanOrEqual(6.5);
    expect(Number(node('mid').style['min-zoomed-font-size'])).toBe(minZoomed);
  });

  it('draws each kind with its icon and hides filtered elements', () => {
    const sheet = buildStylesheet();
    const person = sheet.find((r) => r.selector === kindSelector('Person')) as unknown as { style: Record<string, unknown> };
    expect(String(person.style['background-image'])).toMatch(/^data:image\/svg\+xml;utf8,/);
    const filtered = sheet.find((r) => r.selector === '.filtered') as unknown as { style: Record<string, unknown> };
    expect(filtered.style.display).toBe('none');
  });
});
