import { ENTITY_KIND_INFO, STANCE_INFO, relationTypeInfo, type Entity, type Source } from '@steppe/domain';
import { CitationTracker, contestedOf, evidenceSelector, evidenceStances, sourceCountOf } from './fields';
import { renderFigureSvg } from './figure';
import { checkReportSize } from './limits';
import { h, raw, type Child, type Html } from './html';
import { materialise } from './stream';
import type { ExportGraph, ExportInput, ExportRelation } from './types';

export { REPORT_LIMITS, checkReportSize, ReportTooLargeError } from './limits';

const CSS = `
@page { size: A4; margin: 14mm 12mm 16mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 Helvetica, Arial, sans-serif; color: #111; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #ccc; padding-bottom: 1mm; break-after: avoid; }
p.summary { color: #444; margin: 0 0 4mm; }
.notes-text { white-space: pre-wrap; margin: 0 0 4mm; }
figure { margin: 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; border: 1px solid #ddd; }
figcaption { font-size: 9pt; color: #555; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
thead { display: table-header-group; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #e3e3e3; padding: 1.2mm 1.5mm; }
th { background: #f3f3f3; }
tr { break-inside: avoid; }
td.kind-cell { white-space: nowrap; }
.kind { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 4px; }
.muted { color: #666; }
.contested { color: #b00020; font-weight: bold; }
blockquote { margin: 0 0 1mm; padding-left: 2mm; border-left: 2px solid #ccc; white-space: pre-wrap; }
ol.sources li { margin-bottom: 1.5mm; }
blockquote.evidence .context { color: #666; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; }
dt { font-weight: bold; }
dd { margin: 0; overflow-wrap: anywhere; }
code { font-size: 8.5pt; overflow-wrap: anywhere; }
a { color: #1a4fa0; }
`;

function safeHref(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

function link(url: string | undefined, text?: string): Html | string {
  const href = safeHref(url);
  if (!url) return '';
  return href ? h('a', { href }, text ?? url) : (text ?? url);
}

function relationLabel(r: ExportRelation): string {
  try {
    return relationTypeInfo(r.type).label;
  } catch {
    return r.type;
  }
}

function dateText(r: ExportRelation): string {
  if (r.date) return r.date;
  if (r.startDate || r.endDate) return `${r.startDate ?? '…'} – ${r.endDate ?? '…'}`;
  return '';
}

function sourceLine(s: Source): Child[] {
  const parts: Child[] = [h('cite', null, s.title)];
  const by = [s.outlet, s.author].filter(Boolean).join(', ');
  if (by) parts.push(`, ${by}`);
  if (s.publishedAt) parts.push(`, ${s.publishedAt}`);
  if (s.languages.length > 0) parts.push(h('span', { class: 'muted' }, ` [${s.languages.join(', ')}]`));
  if (s.url) parts.push('. ', link(s.url));
  parts.push(h('span', { class: 'muted' }, ` (id ${s.id})`));
  return parts;
}

/**
 * The report as one self-contained HTML page (no external resources): title,
 * the figure as inline SVG, a table of entities, a table of relations with
 * their quotes and numbered citations, the numbered list of sources, and what
 * reproduces it (permalink, query, API request, CLI command) with the time it
 * was generated. Print it to PDF (A4) with Chromium.
 */
export function renderReportHtml(graph: ExportGraph): string {
  const { meta } = graph;
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const nodes = [...graph.nodes].sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  const edges = [...graph.edges].sort(
    (a, b) =>
      (a.date ?? a.startDate ?? '9999').localeCompare(b.date ?? b.startDate ?? '9999') ||
      a.type.localeCompare(b.type) ||
      a.id.localeCompare(b.id),
  );
  const citations = new CitationTracker(graph.sources);
  for (const e of edges) citations.cite(e);
  const sources = citations.cited();

  const entityRows = nodes.map((n: Entity, i) =>
    h(
      'tr',
      { id: `entity-${i + 1}` },
      h('td', null, String(i + 1)),
      h('td', null, h('strong', null, n.name), n.aliases.length > 0 ? h('div', { class: 'muted' }, n.aliases.join(', ')) : null),
      h(
        'td',
        { class: 'kind-cell' },
        h('span', { class: 'kind', style: `background:${ENTITY_KIND_INFO[n.kind]?.colour ?? '#999'}` }),
        n.kind,
      ),
      h('td', null, n.description),
    ),
  );

  const relationRows = edges.map((r, i) => {
    const stances = evidenceStances(r);
    const contested = contestedOf(r);
    return h(
      'tr',
      { id: `relation-${i + 1}` },
      h('td', null, String(i + 1)),
      h('td', null, names.get(r.from) ?? r.from),
      h('td', null, relationLabel(r), r.detail ? h('div', { class: 'muted' }, r.detail) : null),
      h('td', null, names.get(r.to) ?? r.to),
      h('td', null, dateText(r)),
      h(
        'td',
        null,
        STANCE_INFO[r.stance]?.label ?? r.stance,
        contested ? h('div', { class: 'contested' }, 'contested') : null,
        h('div', { class: 'muted' }, `${sourceCountOf(r)} source${sourceCountOf(r) === 1 ? '' : 's'}`),
      ),
      h(
        'td',
        null,
        r.evidence.map((e, j) => {
          const n = citations.number(e.sourceId);
          // The quote in its surrounding words, when the document's text is known: … prefix “quote” suffix …
          const selector = evidenceSelector(e, citations.text(e.sourceId));
          return h(
            'blockquote',
            { class: 'evidence' },
            selector?.prefix ? h('span', { class: 'context' }, `…${selector.prefix.trimStart()}`) : null,
            `“${e.quote}”`,
            selector?.suffix ? h('span', { class: 'context' }, `${selector.suffix.trimEnd()}…`) : null,
            ' ',
            h('a', { href: `#source-${n}`, class: 'citation' }, `[${n}]`),
            stances[j] !== r.stance ? h('span', { class: 'muted' }, ` (${STANCE_INFO[stances[j]!]?.label ?? stances[j]})`) : null,
          );
        }),
      ),
    );
  });

  const q = meta.query;
  const queryText = [
    `ids: ${q.ids.join(', ')}`,
    `depth: ${q.depth}`,
    q.relationTypes ? `relation types: ${q.relationTypes.join(', ')}` : '',
    q.limit ? `limit: ${q.limit}` : '',
  ]
    .filter(Boolean)
    .join(' · ');

  const figure =
    graph.nodes.length > 0
      ? h(
          'figure',
          null,
          raw(renderFigureSvg(graph.nodes, graph.edges, { highlight: q.ids, ...(meta.positions ? { positions: meta.positions } : {}) })),
          h(
            'figcaption',
            null,
            'Entities by kind (colour and shape); relations by family (colour and line), arrows from subject to object; thick lines are contested. Start entities are outlined.',
          ),
        )
      : h('p', { class: 'muted' }, 'No entities.');

  const page = h(
    'html',
    { lang: 'en' },
    h('head', null, h('meta', { charset: 'utf-8' }), h('title', null, meta.title), h('style', null, raw(CSS))),
    h(
      'body',
      null,
      h('h1', null, meta.title),
      h(
        'p',
        { class: 'summary' },
        `${graph.nodes.length} entities, ${graph.edges.length} relations, ${sources.length} sources`,
        meta.graph ? ` · graph “${meta.graph}”` : '',
        ` · generated ${meta.generatedAt}`,
        meta.truncated ? h('span', { class: 'contested' }, ` · truncated: ${meta.omittedNodes ?? 0} entities held back by the limit`) : '',
      ),
      // The analyst's notes, as typed: text nodes are escaped by h(); line breaks kept by CSS (white-space: pre-wrap).
      meta.notes ? h('section', { class: 'notes' }, h('h2', null, 'Notes'), h('p', { class: 'notes-text' }, meta.notes)) : '',
      figure,
      h('h2', null, 'Entities'),
      h(
        'table',
        { class: 'entities' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ['#', 'Name', 'Kind', 'Description'].map((t) => h('th', null, t)),
          ),
        ),
        h('tbody', null, entityRows),
      ),
      h('h2', null, 'Relations'),
      h(
        'table',
        { class: 'relations' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ['#', 'Subject', 'Relation', 'Object', 'Date', 'Stance', 'Evidence'].map((t) => h('th', null, t)),
          ),
        ),
        h('tbody', null, relationRows),
      ),
      h('h2', null, 'Sources'),
      sources.length > 0
        ? h(
            'ol',
            { class: 'sources' },
            sources.map((s, i) => h('li', { id: `source-${i + 1}` }, sourceLine(s))),
          )
        : h('p', { class: 'muted' }, 'No sources cited.'),
      h('h2', null, 'Reproduce'),
      h(
        'dl',
        { class: 'reproduce' },
        h('dt', null, 'Permalink'),
        h('dd', null, meta.permalink ? link(meta.permalink) : h('span', { class: 'muted' }, 'none')),
        h('dt', null, 'Query'),
        h('dd', null, queryText),
        meta.apiUrl ? [h('dt', null, 'API'), h('dd', null, h('code', null, `GET ${meta.apiUrl}`))] : null,
        meta.command ? [h('dt', null, 'CLI'), h('dd', null, h('code', null, meta.command))] : null,
        meta.graph ? [h('dt', null, 'Graph'), h('dd', null, meta.graph)] : null,
        h('dt', null, 'Generated'),
        h('dd', null, h('time', { datetime: meta.generatedAt }, meta.generatedAt)),
      ),
    ),
  );
  return `<!DOCTYPE html>\n${page.html}\n`;
}

/** The report from a (streamed) export input; refuses inputs above REPORT_LIMITS. */
export async function* writeReportHtml(input: ExportInput): AsyncGenerator<string> {
  const graph = await materialise(input);
  checkReportSize(graph.nodes.length, graph.edges.length);
  yield renderReportHtml(graph);
}
