import {
  FORMAT_INFO,
  REPORT_LIMITS,
  collectText,
  renderFigureDocument,
  renderReportHtml,
  materialise,
  writeExport,
  type Chunk,
  type ExportInput,
  type ExportMeta,
  type FormatInfo,
} from '@steppe/exporters';
import { GraphNotLoadedError, isUnavailableError, type ExportReader } from '@steppe/graph-store';
import { canonicalQuery, cliCommand, EXPORT_LIMITS, ExportError, limitExceeded, type ExportArgs } from './args';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../errors';
import { QueueFullError } from '../http/work-queue';
import { ChromiumUnavailableError } from './chromium';
import { printPdf } from './pdf';
import { PngTooLargeError, rasteriseSvg } from './png';

export interface ExportContext {
  reader: ExportReader;
  /** The explorer's address, for the default permalink (default http://localhost:3000). */
  webUrl?: string;
  /** The API's origin, for the reproducing request (absent in the CLI). */
  apiOrigin?: string;
  /** The CLI's --out, for the reproducing command. */
  out?: string;
  now?: () => Date;
  /** Server-side cost limits (the HTTP endpoint; the CLI runs without). */
  costLimits?: ExportCostLimits;
  /** Fires when the client has gone away: a PDF/PNG render stops. */
  signal?: AbortSignal;
}

/** What one export over HTTP may cost (EXPORT_MAX_ENTITIES, EXPORT_MAX_RELATIONS; bytes are capped while streaming). */
export interface ExportCostLimits {
  entities: number;
  relations: number;
}

export interface PreparedExport {
  args: ExportArgs;
  meta: ExportMeta;
  info: FormatInfo;
  filename: string;
  nodeCount: number;
  /** The file, streamed for data formats; the report, PDF, SVG and PNG are complete before the first byte. */
  body: AsyncIterable<Chunk>;
}

export const EXPORT_PATH = '/export';

function defaultTitle(args: ExportArgs, start: { name: string }[]): string {
  const names =
    start
      .slice(0, 3)
      .map((s) => s.name)
      .join(', ') + (start.length > 3 ? ` and ${start.length - 3} more` : '');
  const scope =
    args.depth === 0
      ? 'and the relations among them'
      : `and ${args.depth === 1 ? 'their neighbours' : `everything within ${args.depth} hops`}`;
  const types = args.relationTypes ? ` (${args.relationTypes.join(', ')})` : '';
  return `${names} ${scope}${types}`;
}

/** The explorer view that shows the start entities expanded (depth 1), or just them (depth 0). */
export function defaultPermalink(webUrl: string, args: ExportArgs): string {
  const ids = args.ids.slice(0, 500).join(',');
  const params = `e=${ids}${args.depth > 0 ? `&x=${ids}` : ''}`;
  return `${webUrl.replace(/\/+$/, '')}/?${params}`;
}

export function exportFilename(args: ExportArgs, info: FormatInfo): string {
  const first = (args.ids[0] ?? 'export').replace(/[^\w.-]+/g, '_').slice(0, 80);
  const more = args.ids.length > 1 ? `-and-${args.ids.length - 1}-more` : '';
  return `steppe-${first}${more}-depth${args.depth}.${info.extension}`;
}

/** Errors from Neo4j turned into clear statuses; anything else is passed on. */
export function translateExportError(error: unknown): unknown {
  if (error instanceof ExportError) return error;
  if (error instanceof GraphNotLoadedError) return new ExportError(503, 'SERVICE_UNAVAILABLE', error.message, { retryAfterSeconds: 30 });
  // One code per format that needs Chromium (PDF_UNAVAILABLE as before, PNG_UNAVAILABLE), both with `needs: chromium`.
  if (error instanceof ChromiumUnavailableError) {
    return new ExportError(503, error.format === 'png' ? 'PNG_UNAVAILABLE' : 'PDF_UNAVAILABLE', error.message, {
      format: error.format,
      needs: 'chromium',
    });
  }
  if (error instanceof PngTooLargeError) {
    return new ExportError(400, 'LIMIT_EXCEEDED', error.message, {
      argument: 'scale',
      width: error.width * error.scale,
      height: error.height * error.scale,
    });
  }
  if (error instanceof QueueFullError) {
    return new ExportError(503, 'SERVICE_UNAVAILABLE', error.message, { retryAfterSeconds: error.retryAfterSeconds, busy: error.what });
  }
  if (isUnavailableError(error)) {
    return new ExportError(503, 'SERVICE_UNAVAILABLE', 'The graph database is unavailable right now. Try again shortly.', {
      retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
    });
  }
  const code = (error as { code?: string } | undefined)?.code ?? '';
  if (/TransactionTimedOut/.test(code)) {
    return new ExportError(
      504,
      'TIMEOUT',
      'The export took too long and was stopped. Narrow it (fewer ids, less depth, relation types, a limit) and try again.',
    );
  }
  return error;
}

/**
 * Validates an export against the graph (unknown ids, report size), reads
 * what it needs up front (the traversal's ids and the sources) and returns the
 * file as a stream. Shared by the HTTP endpoint and the CLI.
 */
export async function prepareExport(args: ExportArgs, ctx: ExportContext): Promise<PreparedExport> {
  try {
    const { reader } = ctx;
    const cost = ctx.costLimits;
    // Over HTTP, an export asking for more than EXPORT_MAX_ENTITIES reads one more than the cap, to tell "exactly the cap" from "more".
    const limit = cost && args.limit > cost.entities ? cost.entities + 1 : args.limit;
    const traversal = await reader.traverse(args.ids, { depth: args.depth, relationTypes: args.relationTypes, limit });
    if (cost && traversal.nodeIds.length > cost.entities) {
      throw new ExportError(
        400,
        'LIMIT_EXCEEDED',
        `This export would hold more than ${cost.entities} entities, the most one export may hold on this server (EXPORT_MAX_ENTITIES). ` +
          `Narrow it (fewer ids, less depth, relation types) or pass limit=${cost.entities} or less for a truncated file.`,
        { argument: 'entities', max: cost.entities, setting: 'EXPORT_MAX_ENTITIES' },
      );
    }
    if (traversal.missingIds.length > 0) {
      const ids = traversal.missingIds;
      throw new ExportError(
        404,
        'NOT_FOUND',
        `Unknown entity id${ids.length > 1 ? 's' : ''}: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''}.`,
        { ids },
      );
    }
    const info = FORMAT_INFO[args.format];
    const { generation, nodeIds } = traversal;
    // The report and the figure on its own are for people, and built in memory: both have the report's size cap.
    const bounded = args.format === 'html' || args.format === 'pdf' || args.format === 'svg' || args.format === 'png';
    if (bounded) {
      const what = args.format === 'svg' || args.format === 'png' ? 'a figure' : 'a report';
      if (nodeIds.length > REPORT_LIMITS.nodes) throw limitExceeded(`entities in ${what}`, REPORT_LIMITS.nodes, nodeIds.length);
      const edges = await reader.relationCount(generation, nodeIds, args.relationTypes);
      if (edges > REPORT_LIMITS.edges) throw limitExceeded(`relations in ${what}`, REPORT_LIMITS.edges, edges);
    }
    if (cost && !bounded) {
      const relations = await reader.relationCount(generation, nodeIds, args.relationTypes);
      if (relations > cost.relations) {
        throw new ExportError(
          400,
          'LIMIT_EXCEEDED',
          `This export would hold ${relations} relations, more than the ${cost.relations} one export may hold on this server (EXPORT_MAX_RELATIONS). ` +
            'Narrow it (fewer ids, less depth, relation types, a lower limit).',
          { argument: 'relations', max: cost.relations, given: relations, setting: 'EXPORT_MAX_RELATIONS' },
        );
      }
    }
    const sources = await reader.sources(generation);
    if (args.includeText && args.format === 'json') {
      const chars = sources.reduce((sum, s) => sum + (s.text?.length ?? 0), 0);
      if (chars > EXPORT_LIMITS.textChars) {
        throw new ExportError(
          400,
          'LIMIT_EXCEEDED',
          `includeText: the graph's documents hold ${chars} characters together, more than the ${EXPORT_LIMITS.textChars} an export may carry. Export without includeText and read the texts from the API (Source.text).`,
          { argument: 'includeText', max: EXPORT_LIMITS.textChars, given: chars },
        );
      }
    }
    const meta: ExportMeta = {
      title: args.title ?? defaultTitle(args, traversal.start),
      query: {
        ids: args.ids,
        depth: args.depth,
        ...(args.relationTypes ? { relationTypes: args.relationTypes } : {}),
        ...(args.limit !== EXPORT_LIMITS.nodes ? { limit: args.limit } : {}),
      },
      generatedAt: (ctx.now?.() ?? new Date()).toISOString(),
      graph: reader.graph,
      permalink: args.permalink ?? defaultPermalink(ctx.webUrl ?? process.env.STEPPE_WEB_URL ?? 'http://localhost:3000', args),
      ...(ctx.apiOrigin ? { apiUrl: `${ctx.apiOrigin}${EXPORT_PATH}?${canonicalQuery(args)}` } : {}),
      command: cliCommand(args, ctx.out),
      truncated: traversal.omittedNodes > 0,
      ...(args.notes ? { notes: args.notes } : {}),
      ...(args.positions ? { positions: args.positions } : {}),
      ...(traversal.omittedNodes > 0 ? { omittedNodes: traversal.omittedNodes } : {}),
    };
    const input: ExportInput = {
      meta,
      nodes: reader.entities(generation, nodeIds),
      edges: reader.relations(generation, nodeIds, args.relationTypes),
      sources,
    };
    const filename = exportFilename(args, info);
    let body: AsyncIterable<Chunk>;
    if (args.format === 'html') {
      body = single(renderReportHtml(await materialise(input)));
    } else if (args.format === 'pdf') {
      body = single(await printPdf(renderReportHtml(await materialise(input)), { signal: ctx.signal }));
    } else if (args.format === 'svg') {
      body = single(renderFigureDocument(await materialise(input), { background: args.background }).text);
    } else if (args.format === 'png') {
      const figure = renderFigureDocument(await materialise(input), { background: args.background });
      body = single(
        await rasteriseSvg(figure.svg, {
          width: figure.width,
          height: figure.height,
          scale: args.scale ?? EXPORT_LIMITS.scale.default,
          transparent: args.background === 'transparent',
          signal: ctx.signal,
        }),
      );
    } else {
      const format = args.format;
      body = {
        [Symbol.asyncIterator]: () =>
          writeExport(format, input, {
            json: { includeText: args.includeText },
            csv: { bom: args.bom },
            cypher: { graph: args.cypherGraph },
          }),
      };
    }
    return { args, meta, info, filename, nodeCount: nodeIds.length, body };
  } catch (error) {
    throw translateExportError(error);
  }
}

function single(chunk: Chunk): AsyncIterable<Chunk> {
  return {
    async *[Symbol.asyncIterator]() {
      yield chunk;
    },
  };
}

/** Reads a whole text export (tests, small exports). */
export function exportText(prepared: PreparedExport): Promise<string> {
  return collectText(prepared.body);
}
