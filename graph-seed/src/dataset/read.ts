import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  ENTITY_KINDS,
  FILE_LIMITS,
  anchorQuote,
  dateEnd,
  dateStart,
  isEntityKind,
  isPartialDate,
  isRelationType,
  relationTypeInfo,
  type Entity,
  type EntityKind,
  type Evidence,
  type Relation,
  type Source,
} from '@steppe/domain';
import { defaultDataDir, documentsDirOf } from './paths';
import { explainMissingQuote } from './quotes';
import {
  entityCommonSchema,
  entitySchemas,
  relationSchema,
  sourceSchema,
  type EntityRecord,
  type RelationRecord,
  type SourceRecord,
} from './schema';
import { didYouMean } from './suggest';
import { readTextFile } from './text-file';
import type { Dataset, DatasetIssue, ReadDatasetOptions, ReadDatasetResult } from './types';
import { checkRecord } from './validate';
import { makeIssue, readYamlFile, type PathSegment, type YamlFile } from './yaml-file';

const YAML_EXT = /\.ya?ml$/i;
const DATE_FIELDS = ['date', 'startDate', 'endDate'] as const;

/** A record as read from a file, with its parsed form when it passed its schema. */
interface Rec<T> {
  file: YamlFile;
  index: number;
  raw: Record<string, unknown>;
  parsed?: T;
}

interface EntityInfo {
  kind?: EntityKind;
  rec: Rec<EntityRecord>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A partial date given as text or as an unquoted year. */
function asDate(value: unknown): string | undefined {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  return typeof text === 'string' && isPartialDate(text) ? text : undefined;
}

/** "a Person", "an Organisation", "an Event" */
function withArticle(word: string): string {
  return `${/^[AEIOU]/i.test(word) ? 'an' : 'a'} ${word}`;
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function where(rec: Rec<unknown>): string {
  const line = rec.file.lineOf([rec.index]);
  return `${rec.file.file}${line === undefined ? '' : `:${line}`} ([${rec.index}])`;
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

async function yamlFilesIn(dir: string): Promise<string[]> {
  if (!(await isDirectory(dir))) return [];
  return (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isFile() && YAML_EXT.test(d.name))
    .map((d) => d.name)
    .sort();
}

class Checker {
  readonly issues: DatasetIssue[] = [];

  constructor(
    readonly dataDir: string,
    readonly documentsDir: string,
  ) {}

  error(file: YamlFile | string, path: readonly PathSegment[], message: string, options: { key?: boolean } = {}) {
    this.push(file, path, message, 'error', options);
  }

  warn(file: YamlFile | string, path: readonly PathSegment[], message: string, options: { key?: boolean } = {}) {
    this.push(file, path, message, 'warning', options);
  }

  private push(
    file: YamlFile | string,
    path: readonly PathSegment[],
    message: string,
    severity: 'error' | 'warning',
    options: { key?: boolean },
  ) {
    if (typeof file === 'string') this.issues.push(makeIssue(file, undefined, path, message, severity));
    else this.issues.push(makeIssue(file.file, file.lineOf(path, options), path, message, severity));
  }

  /** Reads the files of one category; returns usable records and the ids salvaged from broken files. */
  async readFiles(relPaths: string[]): Promise<{ records: Rec<never>[]; salvagedIds: Set<string> }> {
    const records: Rec<never>[] = [];
    const salvagedIds = new Set<string>();
    for (const rel of relPaths) {
      const file = await readYamlFile(path.join(this.dataDir, rel), rel, this.issues);
      for (const item of file.salvaged) {
        const id = isObject(item) ? asString(item.id) : undefined;
        if (id) salvagedIds.add(id);
      }
      file.records.forEach((raw, index) => {
        if (isObject(raw)) records.push({ file, index, raw });
        else
          this.error(
            file,
            [index],
            `each record must be a mapping of fields ("key: value"), not ${raw === null ? 'an empty item' : Array.isArray(raw) ? 'a list' : `${typeof raw} ${String(raw)}`}`,
          );
      });
    }
    return { records, salvagedIds };
  }

  /** Registers ids, reporting duplicates with the location of the first definition. */
  registerIds<T>(records: Rec<T>[], what: string): Map<string, Rec<T>> {
    const byId = new Map<string, Rec<T>>();
    for (const rec of records) {
      const id = asString(rec.raw.id);
      if (!id) continue;
      const first = byId.get(id);
      if (first) {
        this.error(
          rec.file,
          [rec.index, 'id'],
          `duplicate ${what} id "${id}": first defined at ${where(first)}; rename one or merge the two records`,
        );
      } else {
        byId.set(id, rec);
      }
    }
    return byId;
  }
}

/**
 * Reads the curated dataset from `dataDir`, validates every record and every
 * cross-reference, and checks each quote against its source document
 * (`<dataDir>/documents/<source id>.txt` unless `documentsDir` says otherwise).
 * All problems are reported at once; `dataset` is returned only when there are
 * no errors.
 */
export async function readDataset(options: ReadDatasetOptions = {}): Promise<ReadDatasetResult> {
  const dataDir = path.resolve(options.dataDir ?? defaultDataDir());
  const documentsDir = path.resolve(options.documentsDir ?? documentsDirOf(dataDir));
  const c = new Checker(dataDir, documentsDir);

  if (!(await isDirectory(dataDir))) {
    c.error('.', [], `data directory not found: ${dataDir}: create it or pass dataDir`);
    return { issues: c.issues };
  }

  // — which files —
  const rootYaml = await yamlFilesIn(dataDir);
  const sourcesFile = rootYaml.find((f) => /^sources\.ya?ml$/i.test(f));
  if (!sourcesFile) c.error('sources.yaml', [], 'missing: list the source documents in sources.yaml');
  for (const stray of rootYaml.filter((f) => f !== sourcesFile)) {
    c.warn(stray, [], 'not read: data files belong in sources.yaml, entities/ or relations/');
  }
  const entityFiles = (await yamlFilesIn(path.join(dataDir, 'entities'))).map((f) => `entities/${f}`);
  const relationFiles = (await yamlFilesIn(path.join(dataDir, 'relations'))).map((f) => `relations/${f}`);
  if (entityFiles.length === 0) c.error('entities/', [], 'no entity files: add entities/*.yaml');
  if (relationFiles.length === 0) c.error('relations/', [], 'no relation files: add relations/*.yaml');

  const sourceRead = await c.readFiles(sourcesFile ? [sourcesFile] : []);
  const entityRead = await c.readFiles(entityFiles);
  const relationRead = await c.readFiles(relationFiles);

  // — record schemas —
  const sources = sourceRead.records as Rec<SourceRecord>[];
  for (const rec of sources) rec.parsed = checkRecord(sourceSchema, rec.raw, rec.file, [rec.index], c.issues);

  const entities = entityRead.records as Rec<EntityRecord>[];
  for (const rec of entities) {
    const kind = rec.raw.kind;
    if (isEntityKind(kind)) {
      rec.parsed = checkRecord(entitySchemas[kind], rec.raw, rec.file, [rec.index], c.issues) as EntityRecord | undefined;
    } else {
      const allowed = ENTITY_KINDS.join(', ');
      if (kind === undefined) c.error(rec.file, [rec.index], `missing required field "kind": add one of ${allowed}`);
      else
        c.error(
          rec.file,
          [rec.index, 'kind'],
          `unknown entity kind "${String(kind)}"${didYouMean(String(kind), ENTITY_KINDS)}: use one of ${allowed}`,
        );
      checkRecord(entityCommonSchema, rec.raw, rec.file, [rec.index], c.issues);
    }
  }

  const relations = relationRead.records as Rec<RelationRecord>[];
  for (const rec of relations) rec.parsed = checkRecord(relationSchema, rec.raw, rec.file, [rec.index], c.issues);

  // — ids —
  const sourceById = c.registerIds(sources, 'source');
  const entityRecById = c.registerIds(entities, 'entity');
  c.registerIds(relations, 'relation');
  const entityById = new Map<string, EntityInfo>();
  for (const [id, rec] of entityRecById) {
    entityById.set(id, { kind: isEntityKind(rec.raw.kind) ? rec.raw.kind : undefined, rec });
  }
  const unreadEntityIds = entityRead.salvagedIds;
  const brokenEntityFiles = entityRead.records.length === 0 && entityFiles.length > 0;

  // — source documents —
  const documents = await readDocuments(c, sources, sourceById, sourcesFile, sourceRead.salvagedIds);

  // — entities: references and consistency —
  checkEntities(c, entities, entityById, unreadEntityIds);

  // — relations: endpoints, vocabulary, dates, evidence —
  const cited = new Set<string>();
  const involved = new Set<string>();
  for (const rec of relations) {
    checkRelation(c, rec, {
      entityById,
      unreadEntityIds,
      brokenEntityFiles,
      sourceById,
      documents,
      cited,
      involved,
      salvagedSourceIds: sourceRead.salvagedIds,
    });
  }

  // — coverage —
  for (const [id, info] of entityById) {
    if (!involved.has(id)) {
      c.warn(info.rec.file, [info.rec.index, 'id'], `entity "${id}" takes part in no relation: add a sourced relation for it or remove it`);
    }
  }
  for (const [id, rec] of sourceById) {
    if (!cited.has(id)) c.warn(rec.file, [rec.index, 'id'], `source "${id}" is never cited: quote it as evidence or remove it`);
  }

  const issues = sortIssues(c.issues);
  if (issues.some((i) => i.severity === 'error')) return { issues };
  return { dataset: buildDataset(sources, entities, relations, documents), issues };
}

/**
 * Loads <id>.txt for each source. A source whose document is missing, cannot be
 * read or holds no text (empty or only whitespace) is an error naming the source and the path (quotes cannot be checked, and
 * the loader stores the text), so nothing is loaded without its documents. A
 * document without a source is a warning.
 */
async function readDocuments(
  c: Checker,
  sources: Rec<SourceRecord>[],
  sourceById: Map<string, Rec<SourceRecord>>,
  sourcesFile: string | undefined,
  salvagedIds: Set<string>,
): Promise<Map<string, string>> {
  const documents = new Map<string, string>();
  if (!(await isDirectory(c.documentsDir))) {
    c.error(
      sourcesFile ?? 'sources.yaml',
      [],
      `documents directory not found: ${c.documentsDir}: put each source's document there as <source id>.txt`,
    );
    return documents;
  }
  const names = new Set((await readdir(c.documentsDir)).filter((n) => n.endsWith('.txt')));
  for (const rec of sources) {
    const id = asString(rec.raw.id);
    if (!id || sourceById.get(id) !== rec) continue;
    const file = path.join(c.documentsDir, `${id}.txt`);
    if (!names.has(`${id}.txt`)) {
      const known = [...names].map((n) => n.slice(0, -4));
      c.error(
        rec.file,
        [rec.index, 'id'],
        `source "${id}" has no document: expected ${file}${didYouMean(id, known)}; fix the id or add the document`,
      );
      continue;
    }
    const text = await readDocument(file);
    // A source without text cannot back a quote, and the loader stores every source's text: an empty document is refused too.
    if (typeof text === 'string' && text.trim() === '')
      c.error(rec.file, [rec.index, 'id'], `the document of source "${id}" has no text (${file}): put the document's text in it`);
    else if (typeof text === 'string') documents.set(id, text);
    else c.error(rec.file, [rec.index, 'id'], `the document of source "${id}" cannot be read (${file}): ${text.problem}`);
  }
  for (const name of [...names].sort()) {
    const id = name.slice(0, -4);
    if (!sourceById.has(id) && !salvagedIds.has(id)) {
      c.warn(sourcesFile ?? 'sources.yaml', [], `document ${name} in ${c.documentsDir} has no record: add "- id: ${id}" to sources.yaml`);
    }
  }
  return documents;
}

/** The document's text, or why it cannot be used (unreadable, too large, or not UTF-8: offsets would be meaningless). */
async function readDocument(file: string): Promise<string | { problem: string }> {
  try {
    // The byte-order mark, if any, is kept: quote offsets count from the first byte of the text.
    const read = await readTextFile(file, FILE_LIMITS.documentBytes, { keepBom: true });
    return read.ok ? read.text : { problem: read.line !== undefined ? `line ${read.line}: ${read.message}` : read.message };
  } catch (error) {
    return { problem: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

function checkDateOrder(c: Checker, rec: Rec<unknown>, start: unknown, end: unknown) {
  const s = asDate(start);
  const e = asDate(end);
  if (s && e && dateStart(s) > dateEnd(e)) {
    c.error(rec.file, [rec.index, 'startDate'], `startDate ${s} is after endDate ${e}: swap them or correct one of the dates`);
  }
}

function checkEntities(c: Checker, entities: Rec<EntityRecord>[], entityById: Map<string, EntityInfo>, unreadIds: Set<string>) {
  const nameOwner = new Map<string, Rec<EntityRecord>>();
  for (const rec of entities) {
    const { raw } = rec;
    const id = asString(raw.id);
    if (raw.kind === 'Event') {
      checkDateOrder(c, rec, raw.startDate, raw.endDate);
      const placeId = asString(raw.placeId);
      if (placeId) {
        const place = entityById.get(placeId);
        if (!place && !unreadIds.has(placeId)) {
          c.error(
            rec.file,
            [rec.index, 'placeId'],
            `unknown place "${placeId}"${didYouMean(placeId, entityById.keys())}: no entity has this id; add the Place or fix the reference`,
          );
        } else if (place?.kind && place.kind !== 'Place') {
          c.error(
            rec.file,
            [rec.index, 'placeId'],
            `placeId must point to a Place, but "${placeId}" is ${withArticle(place.kind)}: use the id of the Place where the event happened`,
          );
        }
      }
    }
    if (raw.kind === 'Place' && (raw.lat === undefined) !== (raw.lon === undefined)) {
      c.error(rec.file, [rec.index, raw.lat === undefined ? 'lon' : 'lat'], 'give both lat and lon, or neither');
    }
    // Names and aliases: repeated spellings are harmless but noisy; shared ones make search ambiguous.
    const name = asString(raw.name);
    const aliases = Array.isArray(raw.aliases) ? raw.aliases : [];
    const seen = new Set<string>(name ? [name.toLowerCase()] : []);
    aliases.forEach((alias, j) => {
      if (typeof alias !== 'string') return;
      const key = alias.toLowerCase();
      if (seen.has(key)) {
        c.warn(rec.file, [rec.index, 'aliases', j], `alias "${alias}" repeats the name or another alias: remove it`);
        return;
      }
      seen.add(key);
    });
    for (const spelling of seen) {
      const owner = nameOwner.get(spelling);
      if (owner && owner !== rec && asString(owner.raw.id) !== id) {
        c.warn(
          rec.file,
          [rec.index, 'id'],
          `"${spelling}" also names entity "${String(owner.raw.id)}" (${where(owner)}): if they are different things, make the alias more specific`,
        );
      } else if (!owner) {
        nameOwner.set(spelling, rec);
      }
    }
  }
}

interface RelationContext {
  entityById: Map<string, EntityInfo>;
  unreadEntityIds: Set<string>;
  brokenEntityFiles: boolean;
  sourceById: Map<string, Rec<SourceRecord>>;
  salvagedSourceIds: Set<string>;
  documents: Map<string, string>;
  cited: Set<string>;
  involved: Set<string>;
}

function checkRelation(c: Checker, rec: Rec<RelationRecord>, ctx: RelationContext) {
  const { raw } = rec;
  const type = isRelationType(raw.type) ? relationTypeInfo(raw.type) : undefined;

  // Endpoints: they must exist, and their kinds must be allowed by the vocabulary entry.
  for (const end of ['from', 'to'] as const) {
    const id = asString(raw[end]);
    if (!id) continue;
    ctx.involved.add(id);
    const target = ctx.entityById.get(id);
    if (!target) {
      if (!ctx.unreadEntityIds.has(id)) {
        c.error(
          rec.file,
          [rec.index, end],
          `unknown entity "${id}"${didYouMean(id, ctx.entityById.keys())}: no entity has this id; add it under entities/ or fix the reference`,
        );
      }
      continue;
    }
    const allowed = type?.[end];
    if (type && allowed && target.kind && !allowed.includes(target.kind)) {
      c.error(
        rec.file,
        [rec.index, end],
        `${type.name} cannot ${end === 'from' ? 'start at' : 'end at'} ${withArticle(target.kind)} ("${id}"): it runs from ${type.from.join('/')} to ${type.to.join('/')}; pick another type or endpoint`,
      );
    }
  }
  if (asString(raw.from) && raw.from === raw.to)
    c.warn(rec.file, [rec.index, 'to'], 'relation points from an entity to itself: check from and to');

  // Dates: only on dated types; either a single date or a range, in order.
  if (type && !type.dated) {
    for (const field of DATE_FIELDS) {
      if (raw[field] !== undefined) {
        c.error(
          rec.file,
          [rec.index, field],
          `${type.name} is not a dated relation type: remove "${field}" (date the event it involves instead)`,
        );
      }
    }
  }
  if (raw.date !== undefined && (raw.startDate !== undefined || raw.endDate !== undefined)) {
    c.error(rec.file, [rec.index, 'date'], 'give either "date" or "startDate"/"endDate", not both');
  }
  checkDateOrder(c, rec, raw.startDate, raw.endDate);

  // Evidence: known sources, verbatim quotes.
  const evidence = Array.isArray(raw.evidence) ? raw.evidence : [];
  const seen = new Set<string>();
  const relationStance = raw.stance;
  const relationStart = asDate(raw.date) ?? asDate(raw.startDate);
  evidence.forEach((item: unknown, j) => {
    if (!isObject(item)) return;
    const path = [rec.index, 'evidence', j];
    const sourceId = asString(item.source);
    const quote = typeof item.quote === 'string' ? item.quote : undefined;
    if (item.stance !== undefined && item.stance === relationStance) {
      c.warn(
        rec.file,
        [...path, 'stance'],
        `same as the relation's stance (${String(relationStance)}): remove it; give a stance on evidence only when this source differs`,
      );
    }
    const occurrence = typeof item.occurrence === 'number' ? item.occurrence : undefined;
    const key = `${sourceId}\u0000${quote}\u0000${occurrence ?? 1}`;
    if (seen.has(key)) c.warn(rec.file, path, 'the same source and quote are cited twice: remove one');
    seen.add(key);
    if (!sourceId) return;
    ctx.cited.add(sourceId);
    const source = ctx.sourceById.get(sourceId);
    if (!source) {
      if (!ctx.salvagedSourceIds.has(sourceId)) {
        c.error(
          rec.file,
          [...path, 'source'],
          `unknown source "${sourceId}"${didYouMean(sourceId, ctx.sourceById.keys())}: add it to sources.yaml or fix the id`,
        );
      }
      return;
    }
    const published = asDate(source.raw.publishedAt);
    if (relationStart && published && dateStart(relationStart) > dateEnd(published)) {
      c.warn(
        rec.file,
        [rec.index, raw.date !== undefined ? 'date' : 'startDate'],
        `dated ${relationStart}, after ${sourceId} was published (${published}): check the date`,
      );
    }
    const doc = ctx.documents.get(sourceId);
    if (doc === undefined || quote === undefined || quote.trim() === '') return;
    const anchor = anchorQuote(doc, quote, occurrence);
    if (!anchor.ok && anchor.problem === 'not-found') {
      const others = new Map([...ctx.documents].filter(([id]) => id !== sourceId));
      c.error(rec.file, [...path, 'quote'], `quote not found verbatim in ${sourceId}: ${explainMissingQuote(quote, doc, others)}`);
      return;
    }
    // The selector must point at one passage: a repeated quote names the occurrence it means.
    if (!anchor.ok && anchor.problem === 'ambiguous') {
      c.error(
        rec.file,
        [...path, 'quote'],
        `quote occurs ${anchor.occurrences} times in ${sourceId}: say which one with "occurrence: n" (1–${anchor.occurrences}, in reading order), or quote more words`,
      );
    } else if (!anchor.ok) {
      c.error(
        rec.file,
        [...path, 'occurrence'],
        `occurrence ${String(item.occurrence)}, but the quote occurs ${anchor.occurrences} time${anchor.occurrences === 1 ? '' : 's'} in ${sourceId}: use 1–${anchor.occurrences}${anchor.occurrences === 1 ? ' or remove it' : ''}`,
      );
    } else if (occurrence !== undefined && anchor.occurrences === 1) {
      c.warn(rec.file, [...path, 'occurrence'], `the quote occurs only once in ${sourceId}: remove "occurrence"`);
    }
    if (quote !== quote.trim()) c.warn(rec.file, [...path, 'quote'], 'quote starts or ends with whitespace: trim it');
  });
}

function sortIssues(issues: DatasetIssue[]): DatasetIssue[] {
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => a.issue.file.localeCompare(b.issue.file) || (a.issue.line ?? 0) - (b.issue.line ?? 0) || a.order - b.order)
    .map(({ issue }) => issue);
}

function buildDataset(
  sources: Rec<SourceRecord>[],
  entities: Rec<EntityRecord>[],
  relations: Rec<RelationRecord>[],
  documents: Map<string, string>,
): Dataset {
  const outSources: Source[] = sources.map(({ parsed }) => {
    const s = parsed!;
    return compact({
      id: s.id,
      title: s.title,
      outlet: s.outlet,
      author: s.author,
      publishedAt: s.publishedAt,
      languages: s.languages,
      url: s.url,
      text: documents.get(s.id),
    });
  });
  const outEntities: Entity[] = entities.map(({ parsed }) => toEntity(parsed!));
  const outRelations: Relation[] = relations.map(({ parsed }) => {
    const r = parsed!;
    const evidence: Evidence[] = r.evidence.map((e) =>
      compact({ sourceId: e.source, quote: e.quote, stance: e.stance, occurrence: e.occurrence }),
    );
    return compact({
      id: r.id,
      type: r.type,
      from: r.from,
      to: r.to,
      date: r.date,
      startDate: r.startDate,
      endDate: r.endDate,
      stance: r.stance,
      confidence: r.confidence,
      detail: r.detail,
      evidence,
    });
  });
  return { sources: outSources, entities: outEntities, relations: outRelations };
}

function toEntity(e: EntityRecord): Entity {
  const base = { id: e.id, name: e.name, aliases: e.aliases, description: e.description };
  switch (e.kind) {
    case 'Person':
      return { ...base, kind: e.kind, roles: e.roles };
    case 'Organisation':
      return compact({ ...base, kind: e.kind, orgType: e.orgType, country: e.country });
    case 'Place':
      return compact({ ...base, kind: e.kind, placeType: e.placeType, country: e.country, lat: e.lat, lon: e.lon });
    case 'Event':
      return compact({ ...base, kind: e.kind, startDate: e.startDate, endDate: e.endDate, placeId: e.placeId });
  }
}
