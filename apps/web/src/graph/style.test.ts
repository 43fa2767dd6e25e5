import { ENTITY_KIND_INFO, ENTITY_KINDS, RELATION_FAMILIES, type RelationFamily } from '@steppe/domain';
import { cytoscape } from './cytoscape';
import { buildElements } from './elements';
import { buildStylesheet, familySelector, kindSelector } from './style';
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
    const cy = cytoscape({ headless: true, styleEnabled: true, style: buildStylesheet(), elements: buildElements([tokayev], [aidRequest, accusation, deployment]) });
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
