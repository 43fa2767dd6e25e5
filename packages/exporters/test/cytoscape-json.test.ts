import cytoscape from 'cytoscape';
import { collectText, parseCytoscapeJson, parseExport, writeCytoscapeJson } from '../src';
import { entities, input, meta, relations, sources, TRICKY_QUOTE } from './fixture';

describe('Cytoscape.js JSON export', () => {
  let text: string;
  beforeAll(async () => {
    text = await collectText(writeCytoscapeJson(input()));
  });

  it('is loaded by Cytoscape.js itself, with every node, edge and property', () => {
    const doc = JSON.parse(text);
    const cy = cytoscape({ headless: true, elements: doc.elements });
    try {
      expect(cy.nodes().length).toBe(entities.length);
      expect(cy.edges().length).toBe(relations.length);
      const smailov = cy.getElementById('alikhan-smailov');
      expect(smailov.data('name')).toBe('Älichan Smajylow');
      expect(smailov.data('kind')).toBe('Person');
      expect(smailov.data('aliases')).toEqual(['Alikhan Smailov', 'Әлихан Смайылов']);
      expect(smailov.data('roles')).toEqual(['Vice-Prime Minister', 'acting PM']);
      expect(cy.getElementById('almaty').data('lat')).toBeCloseTo(43.2389);

      const aid = cy.getElementById('tokayev-requested-aid-from-csto');
      expect(aid.source().id()).toBe('kassym-jomart-tokayev');
      expect(aid.target().id()).toBe('csto');
      expect(aid.data('relationType')).toBe('REQUESTED_AID_FROM');
      expect(aid.data('label')).toBe('requested aid from');
      expect(aid.data('evidenceQuotes')).toEqual([TRICKY_QUOTE, 'Tokayev asked the CSTO for help.']);
      expect(aid.data('evidenceSources')).toEqual(['src-a', 'src-b']);
      expect(aid.data('sourceTitles')).toEqual([sources[0]!.title, sources[1]!.title]);
      expect(aid.data('sourceCount')).toBe(2);
      expect(aid.data('start')).toBe('2022-01-05');

      const claim = cy.getElementById('csto-coordinated-unrest');
      expect(claim.data('contested')).toBe(true);
      expect(claim.data('evidenceStances')).toEqual(['CLAIMED', 'DENIED']);
      expect(claim.data('start')).toBe('2022-01-01');
      expect(claim.data('end')).toBe('2022-12-31');
    } finally {
      cy.destroy();
    }
  });

  it('is accepted whole by cy.json(), and Cytoscape writes it back the same way', () => {
    const doc = JSON.parse(text);
    const cy = cytoscape({ headless: true });
    try {
      cy.json(doc);
      expect(cy.nodes().length).toBe(entities.length);
      const back = cy.json() as { elements: { nodes: { data: Record<string, unknown> }[]; edges: { data: Record<string, unknown> }[] } };
      const edge = back.elements.edges.find((e) => e.data.id === 'tokayev-appointed-smailov')!;
      expect(edge.data).toMatchObject({
        source: 'kassym-jomart-tokayev',
        target: 'alikhan-smailov',
        detail: 'acting Prime Minister',
        confidence: 1,
      });
    } finally {
      cy.destroy();
    }
  });

  it('keeps only flat values and string lists (what Cytoscape desktop can hold)', () => {
    const doc = JSON.parse(text) as {
      elements: { nodes: { data: Record<string, unknown> }[]; edges: { data: Record<string, unknown> }[] };
      data: Record<string, unknown>;
    };
    for (const el of [...doc.elements.nodes, ...doc.elements.edges, { data: doc.data }]) {
      for (const [k, v] of Object.entries(el.data)) {
        const flat = ['string', 'number', 'boolean'].includes(typeof v) || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
        if (!flat) throw new Error(`${k} is not flat: ${JSON.stringify(v)}`);
      }
    }
    expect(doc.data).toMatchObject({
      name: meta.title,
      generatedAt: meta.generatedAt,
      permalink: meta.permalink,
      sourceIds: ['src-a', 'src-b'],
    });
  });

  it('lists only the cited sources, numbered in citation order', () => {
    const doc = JSON.parse(text);
    expect(doc.steppe.sources.map((s: { id: string; number: number }) => [s.number, s.id])).toEqual([
      [1, 'src-a'],
      [2, 'src-b'],
    ]);
  });

  it('imports back into the same subgraph', () => {
    const back = parseExport(text);
    expect(back.nodes).toEqual(entities);
    expect(back.edges).toEqual(relations);
    expect(back.sources).toEqual(sources.slice(0, 2));
    expect(back.meta).toEqual(meta);
  });

  it('rejects files that are not our exports, saying why', () => {
    expect(() => parseCytoscapeJson('{"elements": {"nodes": [{"data": {"id": "x", "kind": "Robot"}}]}}')).toThrow(/kind "Robot"/);
    expect(() => parseCytoscapeJson('not json')).toThrow(/Not JSON/);
    expect(() => parseCytoscapeJson('{"nodes": []}')).toThrow(/no "elements"/);
    const dangling = JSON.parse(text);
    dangling.elements.nodes = dangling.elements.nodes.filter((n: { data: { id: string } }) => n.data.id !== 'csto');
    expect(() => parseCytoscapeJson(dangling)).toThrow(/ends at "csto"/);
  });

  it("carries the cited documents' texts only when asked, and they come back on import", async () => {
    const withTexts = sources.map((s) => ({ ...s, text: `Full text of ${s.id}: ${TRICKY_QUOTE}\n  with "quotes", </script> and Әлихан.` }));
    // without the option: no text, even though the catalogue has them
    const plain = JSON.parse(await collectText(writeCytoscapeJson(input({ sources: withTexts }))));
    expect(plain.steppe.sources.map((s: Record<string, unknown>) => 'text' in s)).toEqual([false, false]);
    // with it: every cited source's text, byte for byte; the uncited source is still left out
    const doc = await collectText(writeCytoscapeJson(input({ sources: withTexts }), { includeText: true }));
    const parsed = JSON.parse(doc);
    expect(parsed.steppe.sources.map((s: { id: string; text: string }) => [s.id, s.text])).toEqual(
      withTexts.slice(0, 2).map((s) => [s.id, s.text]),
    );
    // Cytoscape desktop's flat network attributes do not get the texts
    expect(JSON.stringify(parsed.data)).not.toContain('Full text of');
    expect(parseExport(doc).sources).toEqual(withTexts.slice(0, 2));
  });

  it('refuses an edge whose endpoint is not exported, instead of writing a broken file', async () => {
    await expect(collectText(writeCytoscapeJson(input({ nodes: entities.slice(1) })))).rejects.toThrow(/not among the exported entities/);
  });
});
