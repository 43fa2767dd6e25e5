import { isRelationType, MAX_NOTES_LENGTH, RELATION_TYPE_NAMES } from '@steppe/domain';
import { EXPORT_FORMATS, FIGURE_BACKGROUNDS, isExportFormat, type ExportFormat, type FigureBackground } from '@steppe/exporters';

/**
 * Export limits. The API and the CLI share them; documented in the README
 * ("Exports"). Exports stream, so the entity cap bounds the traversal, not
 * memory.
 */
export const EXPORT_LIMITS = {
  /** Start ids when following relations (depth ≥ 1), as for `neighbourhood`. */
  ids: 50,
  /** Start ids for depth 0 (exactly these entities and the relations among them), as for `subgraph`. */
  idsDepthZero: 500,
  depth: 3,
  /** Entities in one export. */
  nodes: 100_000,
  /** Read transaction timeout of an export (ms): a large export takes longer than an explorer query. The API reads EXPORT_TIMEOUT_MS. */
  timeoutMs: 120_000,
  /** PNG: device pixels per CSS pixel of the figure. */
  scale: { min: 1, max: 4, default: 2 },
  /** The analyst's notes printed in the report (characters). */
  notesLength: MAX_NOTES_LENGTH,
  /** Positions sent for the figure: one per entity, |x|, |y| at most this (model units). */
  coordinate: 1_000_000,
  /**
   * `includeText` (JSON): the graph's documents may hold at most this many characters together (two
   * documents of the dataset's 8 MiB cap). Checked on the whole catalogue before the first byte, since
   * which sources an export cites is known only once its relations have streamed.
   */
  textChars: 16_000_000,
} as const;

/** Why a request cannot be served, with the HTTP status and the same codes as the GraphQL API. */
export class ExportError extends Error {
  override name = 'ExportError';
  constructor(
    readonly status: number,
    readonly code:
      | 'BAD_USER_INPUT'
      | 'NOT_FOUND'
      | 'LIMIT_EXCEEDED'
      | 'SERVICE_UNAVAILABLE'
      | 'TIMEOUT'
      | 'METHOD_NOT_ALLOWED'
      | 'PDF_UNAVAILABLE'
      | 'PNG_UNAVAILABLE'
      | 'INTERNAL_SERVER_ERROR',
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badInput = (message: string, extra: Record<string, unknown> = {}) => new ExportError(400, 'BAD_USER_INPUT', message, extra);

export function limitExceeded(argument: string, max: number, given: number): ExportError {
  return new ExportError(400, 'LIMIT_EXCEEDED', `Limit exceeded: \`${argument}\` is ${given}, the maximum is ${max}.`, { argument, max });
}

export interface ExportArgs {
  format: ExportFormat;
  ids: string[];
  depth: number;
  relationTypes?: string[];
  /** Most entities to export. */
  limit: number;
  /** CSV: start files with a UTF-8 byte-order mark (for Excel). */
  bom: boolean;
  /** JSON: write each cited document's full text into `steppe.sources` (see EXPORT_LIMITS.textChars). */
  includeText: boolean;
  /** Cypher: the logical graph the script loads into. */
  cypherGraph?: string;
  /** The explorer address that shows this view (the explorer passes its own). */
  permalink?: string;
  title?: string;
  /** PNG: device pixels per CSS pixel (1–4; present for png only). */
  scale?: number;
  /** SVG and PNG: paint the background white, or leave it transparent (present for svg and png only). */
  background?: FigureBackground;
  /** Free-text notes the report prints after its summary. */
  notes?: string;
  /** Where the explorer had the entities: the figure draws them there instead of laying them out. */
  positions?: Record<string, { x: number; y: number }>;
}

/** Ids are slugs; anything else is refused rather than sent to the database. */
const ID = /^[\w.:-]{1,200}$/;
const GRAPH_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const KNOWN = [
  'format',
  'ids',
  'depth',
  'relationTypes',
  'limit',
  'bom',
  'includeText',
  'cypherGraph',
  'permalink',
  'title',
  'scale',
  'background',
  'notes',
  'positions',
];

type Raw = Record<string, unknown>;

function list(value: unknown, argument: string): string[] {
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') throw badInput(`\`${argument}\` must be a list of strings.`, { argument });
    out.push(
      ...item
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
  }
  return out;
}

function single(value: unknown, argument: string): string | undefined {
  if (Array.isArray(value)) {
    if (value.length > 1) throw badInput(`\`${argument}\` is given more than once.`, { argument });
    value = value[0];
  }
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') throw badInput(`\`${argument}\` must be a string.`, { argument });
  return value;
}

function integer(value: unknown, argument: string, fallback: number, min: number, max: number): number {
  const text = single(value, argument);
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text.trim())) throw badInput(`\`${argument}\` must be a whole number, not "${text}".`, { argument });
  const n = Number(text);
  if (n < min) throw badInput(`\`${argument}\` must be at least ${min}.`, { argument });
  if (n > max) throw limitExceeded(argument, max, n);
  return n;
}

function flag(value: unknown, argument: string): boolean {
  const text = single(value, argument);
  if (text === undefined) return false;
  if (/^(1|true|yes)$/i.test(text)) return true;
  if (/^(0|false|no)$/i.test(text)) return false;
  throw badInput(`\`${argument}\` must be true or false.`, { argument });
}

/** Query-string arguments as a plain object (repeated keys become lists). */
export function fromSearchParams(params: URLSearchParams): Raw {
  const raw: Raw = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    raw[key] = all.length === 1 ? all[0] : all;
  }
  return raw;
}

/**
 * Validates export arguments, from a query string or a JSON body alike:
 * `format`, `ids` (comma-separated or a list), `depth`, `relationTypes`,
 * `limit`, `bom`, `includeText`, `cypherGraph`, `permalink`, `title`, `scale` (png), `background` (svg, png).
 * Arguments of other formats are accepted and have no effect, so one set of
 * arguments serves every format.
 */
export function parseExportArgs(raw: Raw): ExportArgs {
  const unknown = Object.keys(raw).filter((k) => !KNOWN.includes(k));
  if (unknown.length > 0)
    throw badInput(`Unknown argument${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Known: ${KNOWN.join(', ')}.`);

  const format = single(raw.format, 'format');
  if (!format) throw badInput(`\`format\` is required: one of ${EXPORT_FORMATS.join(', ')}.`, { argument: 'format' });
  if (!isExportFormat(format))
    throw badInput(`Unknown format "${format}": use one of ${EXPORT_FORMATS.join(', ')}.`, { argument: 'format' });

  const depth = integer(raw.depth, 'depth', 1, 0, EXPORT_LIMITS.depth);
  const ids = [...new Set(list(raw.ids, 'ids'))];
  if (ids.length === 0) throw badInput('`ids` must name at least one entity.', { argument: 'ids' });
  const maxIds = depth === 0 ? EXPORT_LIMITS.idsDepthZero : EXPORT_LIMITS.ids;
  if (ids.length > maxIds) throw limitExceeded('ids (count)', maxIds, ids.length);
  const badIds = ids.filter((id) => !ID.test(id));
  if (badIds.length > 0)
    throw badInput(
      `Not an entity id: ${badIds
        .slice(0, 5)
        .map((id) => JSON.stringify(id))
        .join(', ')}.`,
      { argument: 'ids' },
    );

  const types = [...new Set(list(raw.relationTypes, 'relationTypes'))];
  const unknownTypes = types.filter((t) => !isRelationType(t));
  if (unknownTypes.length > 0) {
    throw badInput(
      `Unknown relation type${unknownTypes.length > 1 ? 's' : ''}: ${unknownTypes.join(', ')}. Known: ${RELATION_TYPE_NAMES.join(', ')}.`,
      { argument: 'relationTypes' },
    );
  }

  const limit = integer(raw.limit, 'limit', EXPORT_LIMITS.nodes, 1, EXPORT_LIMITS.nodes);
  const cypherGraph = single(raw.cypherGraph, 'cypherGraph');
  if (cypherGraph !== undefined && !GRAPH_NAME.test(cypherGraph))
    throw badInput('`cypherGraph` must be 1–63 lowercase letters, digits, "-" or "_".', { argument: 'cypherGraph' });
  const permalink = single(raw.permalink, 'permalink');
  if (permalink !== undefined && (!/^https?:\/\//i.test(permalink) || permalink.length > 4_000))
    throw badInput('`permalink` must be an http(s) address of at most 4,000 characters.', { argument: 'permalink' });
  const title = single(raw.title, 'title');
  if (title !== undefined && title.length > 200) throw limitExceeded('title (length)', 200, title.length);
  const notes = single(raw.notes, 'notes')?.replace(/\r\n?/g, '\n').trim();
  if (notes !== undefined && notes.length > EXPORT_LIMITS.notesLength)
    throw limitExceeded('notes (length)', EXPORT_LIMITS.notesLength, notes.length);
  const positions = parsePositions(single(raw.positions, 'positions'), ids.length);
  const { min, max, default: defaultScale } = EXPORT_LIMITS.scale;
  const scaleText = single(raw.scale, 'scale');
  const scale = scaleText === undefined ? defaultScale : Number(scaleText.trim());
  if (scaleText !== undefined && !(/^\d+$/.test(scaleText.trim()) && scale >= min && scale <= max)) {
    throw badInput(`\`scale\` must be a whole number from ${min} to ${max}, not "${scaleText}".`, { argument: 'scale', min, max });
  }
  const background = single(raw.background, 'background') ?? 'white';
  if (!(FIGURE_BACKGROUNDS as readonly string[]).includes(background)) {
    throw badInput(`\`background\` must be ${FIGURE_BACKGROUNDS.join(' or ')}, not "${background}".`, { argument: 'background' });
  }

  return {
    format,
    ids,
    depth,
    ...(types.length > 0 ? { relationTypes: types } : {}),
    limit: Math.max(limit, ids.length),
    bom: flag(raw.bom, 'bom'),
    includeText: flag(raw.includeText, 'includeText'),
    ...(cypherGraph ? { cypherGraph } : {}),
    ...(permalink ? { permalink } : {}),
    ...(title ? { title } : {}),
    ...(notes ? { notes } : {}),
    ...(positions ? { positions } : {}),
    ...(format === 'png' ? { scale } : {}),
    ...(format === 'png' || format === 'svg' ? { background: background as FigureBackground } : {}),
  };
}

/**
 * `positions`: `id:x:y` entries separated by commas (whole model units, as the explorer's canvas has them), at
 * most one per start id. The figure uses them when every entity it draws has one.
 */
function parsePositions(text: string | undefined, idCount: number): Record<string, { x: number; y: number }> | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const entries = text.split(',');
  if (entries.length > idCount) throw limitExceeded('positions (count)', idCount, entries.length);
  const out: Record<string, { x: number; y: number }> = {};
  const max = EXPORT_LIMITS.coordinate;
  for (const entry of entries) {
    const m = /^([\w.-]{1,200}):(-?\d{1,7}):(-?\d{1,7})$/.exec(entry.trim());
    const x = Number(m?.[2]);
    const y = Number(m?.[3]);
    if (!m || Math.abs(x) > max || Math.abs(y) > max) {
      throw badInput(
        `\`positions\` must be id:x:y entries (whole numbers within ±${max}) separated by commas; "${entry.slice(0, 60)}" is not one.`,
        { argument: 'positions' },
      );
    }
    out[m[1]!] = { x, y };
  }
  return out;
}

/** The canonical query string of an export (what the API URL and the metadata show). */
export function canonicalQuery(args: ExportArgs): string {
  const params = new URLSearchParams();
  params.set('format', args.format);
  params.set('ids', args.ids.join(','));
  params.set('depth', String(args.depth));
  if (args.relationTypes) params.set('relationTypes', args.relationTypes.join(','));
  if (args.limit !== EXPORT_LIMITS.nodes) params.set('limit', String(args.limit));
  if (args.bom) params.set('bom', 'true');
  if (args.includeText) params.set('includeText', 'true');
  if (args.cypherGraph) params.set('cypherGraph', args.cypherGraph);
  if (args.scale !== undefined && args.scale !== EXPORT_LIMITS.scale.default) params.set('scale', String(args.scale));
  if (args.background !== undefined && args.background !== 'white') params.set('background', args.background);
  return params.toString().replace(/%2C/g, ',');
}

/** The CLI command that makes the same export. */
export function cliCommand(args: ExportArgs, out?: string): string {
  const quote = (s: string) => (/^[\w.,:@/=+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const parts = ['npm run export --', '--ids', quote(args.ids.join(',')), '--depth', String(args.depth)];
  if (args.relationTypes) parts.push('--relation-types', args.relationTypes.join(','));
  if (args.limit !== EXPORT_LIMITS.nodes) parts.push('--limit', String(args.limit));
  parts.push('--format', args.format);
  if (args.bom) parts.push('--bom');
  if (args.includeText) parts.push('--include-text');
  if (args.cypherGraph) parts.push('--cypher-graph', args.cypherGraph);
  if (args.scale !== undefined && args.scale !== EXPORT_LIMITS.scale.default) parts.push('--scale', String(args.scale));
  if (args.background !== undefined && args.background !== 'white') parts.push('--background', args.background);
  if (out) parts.push('--out', quote(out));
  return parts.join(' ');
}
