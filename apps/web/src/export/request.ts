import { MAX_NOTES_LENGTH, RELATION_TYPE_NAMES } from '@steppe/domain';
import type { ExportScope } from './scope';

/**
 * What the explorer asks the API's `/export` endpoint for: the formats it
 * offers, the request it sends (ids = the scope's entities, depth 0, the
 * permalink of the view, a title) and how it names and explains what comes
 * back. Pure: the fetch itself is in ./download.ts.
 */

/** Formats the API writes (pictures are drawn in the browser, see ./image.ts). */
export const API_FORMATS = ['pdf', 'html', 'graphml', 'json', 'gexf', 'csv', 'cypher'] as const;
export type ApiFormat = (typeof API_FORMATS)[number];

export interface FormatInfo {
  /** Button label. */
  label: string;
  /** What it is for, in a few words (shown next to the button). */
  hint: string;
  extension: string;
  group: 'report' | 'data';
}

export const FORMAT_INFO: Readonly<Record<ApiFormat, FormatInfo>> = {
  pdf: { label: 'PDF report', hint: 'figure, tables, quotes and numbered citations', extension: 'pdf', group: 'report' },
  html: { label: 'HTML report', hint: 'the same report as a web page', extension: 'html', group: 'report' },
  graphml: { label: 'GraphML', hint: 'yEd, Gephi, NetworkX; every attribute and source', extension: 'graphml', group: 'data' },
  json: { label: 'JSON (.cyjs)', hint: 'Cytoscape; can be imported back here', extension: 'cyjs', group: 'data' },
  gexf: { label: 'GEXF', hint: 'Gephi, with the timeline', extension: 'gexf', group: 'data' },
  csv: { label: 'CSV (zip)', hint: 'nodes, edges, evidence, sources for spreadsheets', extension: 'zip', group: 'data' },
  cypher: { label: 'Cypher', hint: 'a script that loads it into Neo4j', extension: 'cypher', group: 'data' },
};

/** The API takes at most this many ids with depth 0 (README, "Exports"). */
export const MAX_EXPORT_IDS = 500;
/** The API refuses longer titles and permalinks. */
export const MAX_TITLE_LENGTH = 200;
export const MAX_PERMALINK_LENGTH = 4_000;

export interface ExportRequestInput {
  format: ApiFormat;
  scope: ExportScope;
  title: string;
  /** The address of the page, which reproduces the view. */
  permalink: string;
  /** Relation types the view hides (its type filter); the export leaves them out too. */
  hiddenTypes?: readonly string[];
  /** The analyst's notes for the report (printed after its summary). */
  notes?: string;
  /** Where the canvas has the scope's entities: the report's figure draws them there. */
  positions?: Readonly<Record<string, { x: number; y: number }>>;
}

export interface ExportRequest {
  url: string;
  /**
   * A form body: a "simple" cross-origin request (no preflight), with no URL
   * length limit however many ids the scope holds.
   */
  body: URLSearchParams;
}

/** The `relationTypes` argument for a view that hides some types; null when it hides none. */
export function relationTypesFor(hiddenTypes: readonly string[] = []): string[] | null {
  if (hiddenTypes.length === 0) return null;
  const hidden = new Set(hiddenTypes);
  return RELATION_TYPE_NAMES.filter((t) => !hidden.has(t));
}

export function buildExportRequest(exportUrl: string, input: ExportRequestInput): ExportRequest {
  const body = new URLSearchParams();
  body.set('format', input.format);
  body.set('ids', input.scope.entityIds.join(','));
  body.set('depth', '0');
  const types = relationTypesFor(input.hiddenTypes);
  if (types) body.set('relationTypes', types.join(','));
  const title = input.title.trim().slice(0, MAX_TITLE_LENGTH);
  if (title) body.set('title', title);
  // The API only records http(s) addresses; a longer one (a huge view) is left out rather than refused.
  if (/^https?:\/\//i.test(input.permalink) && input.permalink.length <= MAX_PERMALINK_LENGTH) body.set('permalink', input.permalink);
  const notes = input.notes?.trim().slice(0, MAX_NOTES_LENGTH);
  if (notes) body.set('notes', notes);
  // Every entity's position, or none: the figure keeps its own layout unless it can draw them all as arranged.
  const positions = input.positions;
  if (positions && input.scope.entityIds.every((id) => positions[id])) {
    body.set(
      'positions',
      input.scope.entityIds.map((id) => `${id}:${Math.round(positions[id]!.x)}:${Math.round(positions[id]!.y)}`).join(','),
    );
  }
  return { url: exportUrl, body };
}

/** Why an export cannot be asked for at all (before any request), or null. */
export function scopeProblem(scope: ExportScope): string | null {
  if (scope.entityIds.length === 0) {
    return scope.kind === 'selection'
      ? 'Nothing selected: select entities (or relations) first.'
      : 'The canvas shows no entities to export.';
  }
  if (scope.entityIds.length > MAX_EXPORT_IDS) {
    return `${scope.entityIds.length} entities is more than the ${MAX_EXPORT_IDS} an export can hold: narrow the view or export a selection.`;
  }
  return null;
}

/** A title from the scope's names: "Kassym-Jomart Tokayev, CSTO and 3 more". */
export function defaultTitle(names: readonly string[]): string {
  if (names.length === 0) return 'Steppe export';
  const shown = names.slice(0, 2);
  const rest = names.length - shown.length;
  if (rest === 0) return shown.join(' and ');
  return `${shown.join(', ')} and ${rest} more`;
}

/** A file-name-safe slug of a title (ASCII letters, digits and dashes). */
export function slugOf(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return slug || 'graph';
}

/** `steppe-<title>-<YYYY-MM-DD>[-<suffix>].<ext>`, e.g. `steppe-tokayev-and-csto-2026-11-30@2x.png`. */
export function fileNameFor(title: string, extension: string, date: Date = new Date(), suffix = ''): string {
  return `steppe-${slugOf(title)}-${date.toISOString().slice(0, 10)}${suffix}.${extension}`;
}

/** The API's error body: `{ errors: [{ message, extensions: { code } }] }`. */
export interface ExportFailure {
  status: number | null;
  code: string;
  message: string;
}

/** What to tell the analyst when the API answered with an error status. */
export function failureFromResponse(status: number, bodyText: string): ExportFailure {
  let message: string | undefined;
  let code: string | undefined;
  try {
    const body = JSON.parse(bodyText) as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
    const first = body.errors?.[0];
    if (typeof first?.message === 'string') message = first.message;
    if (typeof first?.extensions?.code === 'string') code = first.extensions.code;
  } catch {
    // not the API's JSON (a proxy's page, say): fall back to the status
  }
  return {
    status,
    code: code ?? `HTTP_${status}`,
    message: message ?? `The API answered ${status}${bodyText.trim() ? `: ${bodyText.trim().slice(0, 200)}` : ''}.`,
  };
}

/** What to tell the analyst when the request never got an answer. */
export function unreachableFailure(exportUrl: string): ExportFailure {
  const origin = (() => {
    try {
      return new URL(exportUrl).origin;
    } catch {
      return exportUrl;
    }
  })();
  return {
    status: null,
    code: 'UNREACHABLE',
    message: `The API at ${origin} did not answer: it may be down or unreachable from this browser. Pictures (PNG, SVG) still work; try the report and data files again once it is back.`,
  };
}

/** "12.3 kB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
