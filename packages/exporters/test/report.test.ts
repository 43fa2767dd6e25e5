import { checkReportSize, collectText, renderFigureSvg, writeReportHtml } from '../src';
import { entities, input, meta, relations } from './fixture';
import { parseXml } from './xml-helpers';

describe('HTML report', () => {
  let html: string;
  beforeAll(async () => {
    html = await collectText(writeReportHtml(input()));
  });

  it('has a title, the figure inline, the entity and relation tables, the sources, and how to reproduce it', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<title>${meta.title}</title>`);
    expect(html).toContain('<h1>Tokayev, depth 1</h1>');
    expect(html).toMatch(/<figure><svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(html).toContain('<table class="entities">');
    expect(html).toContain('<table class="relations">');
    expect(html).toContain('Älichan Smajylow');
    expect(html).toContain(`href="${meta.permalink!.replace(/&/g, '&amp;')}"`);
    expect(html).toContain('ids: kassym-jomart-tokayev · depth: 1');
    expect(html).toContain(meta.command!);
    expect(html).toContain(`<time datetime="${meta.generatedAt}">`);
  });

  it('numbers citations in order and links each to its source', () => {
    const cites = [...html.matchAll(/<a href="#source-(\d+)" class="citation">\[(\d+)\]<\/a>/g)];
    expect(cites.length).toBe(relations.reduce((n, r) => n + r.evidence.length, 0));
    for (const c of cites) expect(c[1]).toBe(c[2]);
    // Numbered in order of first citation in the relations table (sorted by date: the 2022 claim first).
    const firstSeen = [...new Set(cites.map((c) => c[1]))];
    expect(firstSeen).toEqual(['1', '2']);
    expect(html).toMatch(/<li id="source-1"><cite>Protests coordinated from abroad<\/cite>, Own. corr., 2022-01-05/);
    expect(html).toContain('<li id="source-2"><cite>Massive internal unrest, part &quot;one&quot;</cite>');
    expect(html).not.toContain('Never cited');
    expect(html).toContain('class="contested">contested<');
  });

  it('prints the analyst’s notes after the summary, as text (markup escaped, line breaks kept)', async () => {
    const notes = 'Check the <script>alert(1)</script> claim & the dates.\nSecond line.';
    const withNotes = await collectText(writeReportHtml({ ...input(), meta: { ...meta, notes } }));
    const summary = withNotes.indexOf('<p class="summary">');
    const at = withNotes.indexOf('<h2>Notes</h2>');
    expect(summary).toBeGreaterThan(0);
    expect(at).toBeGreaterThan(summary);
    expect(at).toBeLessThan(withNotes.indexOf('<figure>'));
    expect(withNotes).toContain('Check the &lt;script&gt;alert(1)&lt;/script&gt; claim &amp; the dates.\nSecond line.');
    expect(withNotes).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<h2>Notes</h2>');
  });

  it('escapes quotes as text: markup in a quote stays text', () => {
    expect(html).toContain('&lt;b&gt;never&lt;/b&gt; &amp; AT&amp;amp;T;');
    expect(html).not.toContain('<b>never</b>');
  });

  it('draws the figure as well-formed SVG with a shape per entity and a path per relation', () => {
    const svg = renderFigureSvg(entities, relations, { highlight: ['kassym-jomart-tokayev'] });
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    expect((svg.match(/data-entity="/g) ?? []).length).toBe(entities.length);
    expect((svg.match(/data-relation="/g) ?? []).length).toBe(relations.length);
    expect(svg).toContain('#2f6fdf');
    expect(renderFigureSvg(entities, relations)).toBe(renderFigureSvg(entities, relations));
  });

  it('refuses to build a report far beyond what a person reads', () => {
    expect(() => checkReportSize(501, 10)).toThrow(/at most 500 entities/);
    expect(() => checkReportSize(10, 10)).not.toThrow();
  });
});
