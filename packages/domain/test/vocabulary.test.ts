import { ENTITY_KINDS, ENTITY_KIND_INFO, RELATION_FAMILIES, RELATION_TYPES, allowsEndpoints, isContested, relationTypeInfo } from '../src';

describe('relation vocabulary', () => {
  it('includes the types the documents need', () => {
    for (const name of ['RESIGNED', 'REQUESTED_AID_FROM', 'ACCUSED', 'DENIED', 'SEIZED', 'BLOCKED', 'FOUNDED', 'REMOVED', 'DECLARED']) {
      expect(relationTypeInfo(name).name).toBe(name);
    }
  });

  it('names every type in UPPER_SNAKE and uniquely', () => {
    const names = RELATION_TYPES.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
  });

  it('gives every type labels, a description, endpoints and a known family', () => {
    for (const t of RELATION_TYPES) {
      expect(t.label.length).toBeGreaterThan(2);
      expect(t.inverseLabel).not.toBe(t.label);
      expect(t.description.length).toBeGreaterThan(10);
      expect(t.from.length).toBeGreaterThan(0);
      expect(t.to.length).toBeGreaterThan(0);
      for (const k of [...t.from, ...t.to]) expect(ENTITY_KINDS).toContain(k);
      expect(Object.keys(RELATION_FAMILIES)).toContain(t.family);
    }
  });

  it('checks endpoint kinds', () => {
    expect(allowsEndpoints('REQUESTED_AID_FROM', 'Person', 'Organisation')).toBe(true);
    expect(allowsEndpoints('OCCURRED_IN', 'Person', 'Place')).toBe(false);
  });

  it('rejects names outside the vocabulary', () => {
    expect(() => relationTypeInfo('DROP')).toThrow(/Unknown relation type/);
  });

  it('gives every kind a distinct colour and shape', () => {
    const infos = ENTITY_KINDS.map((k) => ENTITY_KIND_INFO[k]);
    expect(new Set(infos.map((i) => i.colour)).size).toBe(infos.length);
    expect(new Set(infos.map((i) => i.shape)).size).toBe(infos.length);
  });
});

describe('isContested', () => {
  it('is true only when support and denial meet', () => {
    expect(isContested(['CLAIMED', 'DENIED'])).toBe(true);
    expect(isContested(['CLAIMED', 'REPORTED'])).toBe(false);
    expect(isContested(['DENIED'])).toBe(false);
  });
});
