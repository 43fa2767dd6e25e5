/**
 * The real dataset (graph-seed/data) against its own source documents
 * (graph-seed/data/documents). Nothing here counts records:
 * the assertions are properties every record must have, and the questions an
 * analyst must be able to answer from the graph.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  MAX_QUOTE_LENGTH,
  anchorQuote,
  allowsEndpoints,
  isContested,
  isPartialDate,
  relationTypeInfo,
  dateStart,
  type Entity,
  type Relation,
  type RelationType,
  type Stance,
} from '@steppe/domain';
import { parse } from 'yaml';
import { defaultDataDir, documentsDirOf, formatIssues, readDataset, type Dataset, type DatasetIssue } from '../src/dataset';

let dataset: Dataset;
let issues: DatasetIssue[];
let byId: Map<string, Entity>;
const documents = new Map<string, string>();

beforeAll(async () => {
  const result = await readDataset();
  issues = result.issues;
  if (!result.dataset) throw new Error(`The dataset does not validate:\n${formatIssues(result.issues)}`);
  dataset = result.dataset;
  byId = new Map(dataset.entities.map((e) => [e.id, e]));
  // Read the documents independently of the validator.
  for (const source of dataset.sources) {
    documents.set(source.id, readFileSync(path.join(documentsDirOf(defaultDataDir()), `${source.id}.txt`), 'utf8'));
  }
});

/** The one entity whose name or an alias is exactly `spelling`. */
function resolve(spelling: string): Entity {
  const hits = dataset.entities.filter((e) => e.name === spelling || e.aliases.includes(spelling));
  if (hits.length !== 1) {
    throw new Error(`"${spelling}" should name exactly one entity, names ${hits.length}: ${hits.map((h) => h.id).join(', ')}`);
  }
  return hits[0]!;
}

function relations(type: RelationType, filter: Partial<Pick<Relation, 'from' | 'to'>> = {}): Relation[] {
  return dataset.relations.filter(
    (r) => r.type === type && (filter.from === undefined || r.from === filter.from) && (filter.to === undefined || r.to === filter.to),
  );
}

function stancesOf(r: Relation): Stance[] {
  return r.evidence.map((e) => e.stance ?? r.stance);
}

function sourcesOf(r: Relation): Set<string> {
  return new Set(r.evidence.map((e) => e.sourceId));
}

describe('the curated dataset', () => {
  it('validates with no errors and no warnings', () => {
    expect(formatIssues(issues)).toBe('');
    expect(dataset.sources.length).toBeGreaterThan(0);
    expect(dataset.entities.length).toBeGreaterThan(0);
    expect(dataset.relations.length).toBeGreaterThan(0);
  });

  it('is read from graph-seed/data, documents included', () => {
    expect(defaultDataDir()).toBe(path.resolve(__dirname, '../data'));
    expect(documentsDirOf(defaultDataDir())).toBe(path.resolve(__dirname, '../data/documents'));
    expect(existsSync(documentsDirOf(defaultDataDir()))).toBe(true);
  });

  it('has one source per document, each document listed', () => {
    const files = readdirSync(documentsDirOf(defaultDataDir()))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => f.slice(0, -4))
      .sort();
    expect(dataset.sources.map((s) => s.id).sort()).toEqual(files);
  });

  it('records source metadata only as the documents state it', () => {
    for (const source of dataset.sources) {
      const text = documents.get(source.id)!;
      expect(source.languages).toContain('en');
      if (source.url) expect(text).toContain(source.url);
      if (source.author) expect(text).toContain(source.author);
      for (const outlet of source.outlet?.split(', via ') ?? []) expect(text).toContain(outlet);
      if (source.publishedAt) expect(isPartialDate(source.publishedAt)).toBe(true);
      // Documents with Cyrillic text are tagged as Russian too, and only those.
      expect(source.languages.includes('ru')).toBe(/[А-Яа-яЁё]{3,}/.test(text));
    }
    const dated = dataset.sources.find((s) => documents.get(s.id)!.startsWith('Jan 5, 2022'));
    expect(dated?.publishedAt).toBe('2022-01-05');
  });

  it('quotes every piece of evidence verbatim from its own document', () => {
    for (const relation of dataset.relations) {
      for (const evidence of relation.evidence) {
        const text = documents.get(evidence.sourceId);
        expect(text).toBeDefined();
        expect({ relation: relation.id, quote: evidence.quote, found: text!.includes(evidence.quote) }).toEqual({
          relation: relation.id,
          quote: evidence.quote,
          found: true,
        });
        expect(evidence.quote.trim()).not.toBe('');
        expect(Array.from(evidence.quote).length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
      }
    }
  });

  it('anchors every quote to one passage of its document (a repeated quote names its occurrence)', () => {
    for (const relation of dataset.relations) {
      for (const evidence of relation.evidence) {
        const text = documents.get(evidence.sourceId)!;
        const anchor = anchorQuote(text, evidence.quote, evidence.occurrence);
        expect({ relation: relation.id, ok: anchor.ok }).toEqual({ relation: relation.id, ok: true });
        if (anchor.ok) expect(text.slice(anchor.selector.start, anchor.selector.end)).toBe(evidence.quote);
      }
    }
  });

  it('gives every relation evidence, and cites every source', () => {
    const cited = new Set<string>();
    for (const relation of dataset.relations) {
      expect(relation.evidence.length).toBeGreaterThanOrEqual(1);
      relation.evidence.forEach((e) => cited.add(e.sourceId));
      // A per-evidence stance is given only when it differs from the relation's.
      for (const e of relation.evidence) if (e.stance) expect(e.stance).not.toBe(relation.stance);
    }
    expect([...cited].sort()).toEqual(dataset.sources.map((s) => s.id).sort());
  });

  it('uses unique slug ids', () => {
    const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
    for (const list of [dataset.entities, dataset.relations]) {
      const ids = list.map((x) => x.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(slug);
    }
  });

  it('connects only entity kinds the vocabulary allows, with dates only on dated types', () => {
    for (const r of dataset.relations) {
      const from = byId.get(r.from);
      const to = byId.get(r.to);
      expect(from && to).toBeTruthy();
      expect({ id: r.id, allowed: allowsEndpoints(r.type, from!.kind, to!.kind) }).toEqual({ id: r.id, allowed: true });
      const dates = [r.date, r.startDate, r.endDate].filter((d): d is string => d !== undefined);
      if (!relationTypeInfo(r.type).dated) expect(dates).toEqual([]);
      for (const d of dates) expect(isPartialDate(d)).toBe(true);
      if (r.date) expect(r.startDate ?? r.endDate).toBeUndefined();
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('involves every entity in at least one relation', () => {
    const involved = new Set(dataset.relations.flatMap((r) => [r.from, r.to]));
    const orphans = dataset.entities.filter((e) => !involved.has(e.id)).map((e) => e.id);
    expect(orphans).toEqual([]);
  });

  it('gives entities their kind-specific fields', () => {
    for (const e of dataset.entities) {
      expect(e.description).not.toMatch(/\n/);
      switch (e.kind) {
        case 'Person':
          expect(e.roles.length).toBeGreaterThan(0);
          break;
        case 'Organisation':
          expect(e.orgType).toBeTruthy();
          break;
        case 'Place':
          expect(e.placeType).toBeTruthy();
          if (e.lat !== undefined || e.lon !== undefined) {
            expect(Math.abs(e.lat!)).toBeLessThanOrEqual(90);
            expect(Math.abs(e.lon!)).toBeLessThanOrEqual(180);
          }
          break;
        case 'Event':
          expect(e.placeId && byId.get(e.placeId)?.kind).toBe('Place');
          break;
      }
    }
    // Cities in Kazakhstan have coordinates inside the country.
    for (const city of ['Almaty', 'Nur-Sultan', 'Zhanaozen', 'Aktobe', 'Atyrau'].map(resolve)) {
      expect(city.kind).toBe('Place');
      if (city.kind !== 'Place') continue;
      expect(city.lat).toBeGreaterThan(40);
      expect(city.lat).toBeLessThan(56);
      expect(city.lon).toBeGreaterThan(46);
      expect(city.lon).toBeLessThan(88);
    }
  });
});

describe('aliases make the documents’ spellings findable', () => {
  it.each([
    ['Tokayev', 'Tokaev'],
    ['Tokayev', 'Kasym-Zhomart Tokayev'],
    ['Tokayev', 'Kassym-Jomart Tokayev'],
    ['Tokayev', 'Токаев'],
    ['Nazarbayev', 'Nazarbaev'],
    ['Nazarbayev', 'Nursultan Nazarbaev'],
    ['Almaty', 'Alma-Ata'],
    ['Almaty', 'Алма-Ата'],
    ['Smailov', 'Smajylow'],
    ['Smailov', 'Älichan Smajylow'],
    ['Smailov', 'Смаилов'],
    ['CSTO', 'ODKB'],
    ['Mangystau', 'Mangistau'],
    ['Mangystau', 'Mangistaunskaya region'],
    ['Nur-Sultan', 'Astana'],
    ['Nur-Sultan', 'Nursultan'],
    ['Aktobe', 'Aktyubinsk'],
    ['Atyrau', 'Guryev'],
    ['Kyiv', 'Kiev'],
    ['NEXTA', 'NEXTA Life'],
    ['NEXTA', 'Nekhta'],
    ['Khabar 24', 'Message 24'],
    ['Anatoly Nesmiyan', 'El Murid'],
  ])('%s and %s name the same entity', (a, b) => {
    expect(resolve(b).id).toBe(resolve(a).id);
  });

  it('covers the spellings as they occur in the documents', () => {
    const inDocuments: Record<string, string> = {
      'Kasym-Zhomart Tokayev': '001',
      'Kassym-Jomart Tokayev': '003',
      Токаев: '000',
      'Alma-Ata': '003',
      'Älichan Smajylow': '001',
      Смаилов: '000',
      ODKB: '004',
      Mangistaunskaya: '000',
      Nazarbaev: '004',
      'Message 24': '003',
    };
    for (const [spelling, prefix] of Object.entries(inDocuments)) {
      const source = dataset.sources.find((s) => s.id.startsWith(prefix))!;
      expect(documents.get(source.id)).toContain(spelling);
      const named = dataset.entities.some((e) => [e.name, ...e.aliases].some((n) => n.includes(spelling)));
      expect({ spelling, named }).toEqual({ spelling, named: true });
    }
  });
});

describe('the analyst’s questions can be answered with source and quote', () => {
  it('who requested aid from whom, and when', () => {
    const tokayev = resolve('Tokayev');
    const csto = resolve('CSTO');
    const [request] = relations('REQUESTED_AID_FROM', { from: tokayev.id, to: csto.id });
    expect(request).toBeDefined();
    expect(request!.date).toBe('2022-01-05');
    expect(request!.stance).toBe('ASSERTED');
    expect(sourcesOf(request!).size).toBeGreaterThanOrEqual(2);
    expect(request!.evidence.some((e) => e.quote.includes('ODKB'))).toBe(true);
  });

  it('who removed whom from which council', () => {
    const tokayev = resolve('Tokayev');
    const nazarbayev = resolve('Nazarbayev');
    const council = resolve('Security Council');
    const [removal] = relations('REMOVED', { from: tokayev.id, to: nazarbayev.id });
    expect(removal?.detail).toMatch(/Security Council/);
    expect(removal!.evidence.some((e) => /security council/i.test(e.quote))).toBe(true);
    expect(relations('LEADS', { from: nazarbayev.id, to: council.id })).toHaveLength(1);
    expect(relations('LEADS', { from: tokayev.id, to: council.id })).toHaveLength(1);
  });

  it('which government resigned, and who took over', () => {
    const government = resolve('Government of Kazakhstan');
    const [resignation] = relations('RESIGNED', { from: government.id });
    expect(resignation).toBeDefined();
    expect(resignation!.date).toBe('2022-01-05');
    expect(sourcesOf(resignation!).size).toBeGreaterThanOrEqual(3);
    const smailov = resolve('Smajylow');
    const mamin = resolve('Mamin');
    expect(relations('RESIGNED', { from: mamin.id, to: government.id })).toHaveLength(1);
    expect(relations('SUCCEEDED', { from: smailov.id, to: mamin.id })).toHaveLength(1);
    expect(relations('LEADS', { from: smailov.id, to: government.id })[0]?.detail).toMatch(/acting Prime Minister/i);
  });

  it('where the protests began', () => {
    const zhanaozen = resolve('Zhanaozen');
    const start = dataset.relations.find((r) => r.type === 'OCCURRED_IN' && r.to === zhanaozen.id && /began/i.test(r.detail ?? ''));
    expect(start).toBeDefined();
    expect(start!.evidence.some((e) => e.quote.includes('broke out in the town of Zhanaozen'))).toBe(true);
    const outbreak = byId.get(start!.from)!;
    const unrest = resolve('2022 Kazakh unrest');
    expect(relations('PART_OF', { from: outbreak.id, to: unrest.id })).toHaveLength(1);
    const region = resolve('Mangystau');
    expect(relations('LOCATED_IN', { from: zhanaozen.id, to: region.id })).toHaveLength(1);
  });

  it('where the state of emergency applied, and when it widened', () => {
    const emergency = resolve('state of emergency');
    const startIn = (place: string) => {
      const [r] = relations('OCCURRED_IN', { from: emergency.id, to: resolve(place).id });
      expect(r).toBeDefined();
      return r!;
    };
    const almaty = startIn('Almaty');
    const mangystau = startIn('Mangystau');
    const nationwide = startIn('Kazakhstan');
    startIn('Nur-Sultan');
    expect(almaty.startDate).toBe('2022-01-05');
    expect(almaty.endDate).toBe('2022-01-19');
    expect(mangystau.startDate).toBe(almaty.startDate);
    expect(dateStart(nationwide.startDate!) >= dateStart(almaty.startDate!)).toBe(true);
    expect(nationwide.evidence.some((e) => e.quote.includes('throughout the country'))).toBe(true);
    expect(relations('DECLARED', { from: resolve('Tokayev').id, to: emergency.id })).toHaveLength(1);
  });

  it('who founded which opposition movement', () => {
    const [founding] = relations('FOUNDED', { from: resolve('Ablyazov').id });
    expect(byId.get(founding!.to)?.name).toBe('Democratic Choice of Kazakhstan');
    expect(founding!.date).toBe('2017');
  });

  it('which buildings and airports were seized', () => {
    const targets = relations('SEIZED').map((r) => byId.get(r.to)!);
    const placeTypes = new Set(targets.flatMap((t) => (t.kind === 'Place' ? [t.placeType] : [])));
    expect(placeTypes.has('airport')).toBe(true);
    expect(placeTypes.has('building')).toBe(true);
    expect(targets.map((t) => t.id)).toContain(resolve('Almaty airport').id);
    expect(relations('ATTACKED').map((r) => r.to)).toContain(resolve('presidential residence').id);
  });

  it('which services were blocked', () => {
    const blocked = relations('BLOCKED').map((r) => byId.get(r.to)!);
    const ids = blocked.map((b) => b.id);
    for (const service of ['Telegram', 'WhatsApp', 'Internet', 'Social media', 'messengers']) {
      expect(ids).toContain(resolve(service).id);
    }
    for (const b of blocked) {
      expect(b.kind).toBe('Organisation');
      if (b.kind === 'Organisation') expect(b.orgType).toMatch(/online service|network|media/);
    }
  });

  it('who accused whom of what, and which sources deny it', () => {
    const accusations = relations('ACCUSED');
    expect(accusations.length).toBeGreaterThan(0);
    for (const a of accusations) expect(a.detail).toMatch(/^of /i);
    expect(accusations.some((a) => a.from === resolve('Tokayev').id)).toBe(true);

    // Foreign coordination: 003 claims it, other sources deny it — one relation, contested.
    const denier = dataset.sources.find((s) => documents.get(s.id)!.includes('no evidence of foreign involvement'))!;
    const claimant = dataset.sources.find((s) => s.title === 'Protests in Kazakhstan coordinated from Poland and Ukraine')!;
    for (const country of ['Ukraine', 'Poland']) {
      const [claim] = relations('COORDINATED', { from: resolve(country).id });
      expect(claim).toBeDefined();
      expect(isContested(stancesOf(claim!))).toBe(true);
      expect(claim!.evidence.find((e) => e.sourceId === denier.id)?.stance).toBe('DENIED');
      expect(claim!.evidence.find((e) => e.sourceId === claimant.id && (e.stance ?? claim!.stance) !== 'DENIED')).toBeDefined();
      expect(claim!.confidence).toBeLessThan(0.5);
    }
  });

  it('records claims as claims, never as established fact', () => {
    for (const r of relations('COORDINATED')) expect(r.stance).not.toBe('ASSERTED');
    const turkey = relations('SUPPORTED', { from: resolve('Turkey').id });
    expect(turkey[0]?.stance).toBe('DENIED');
  });
});

describe('the data files', () => {
  const dataDir = path.resolve(__dirname, '../data');
  const files = ['sources.yaml', ...['entities', 'relations'].flatMap((d) => readdirSync(path.join(dataDir, d)).map((f) => `${d}/${f}`))];

  it.each(files)('%s is a YAML list of camelCase records with 2-space indentation', (file) => {
    const text = readFileSync(path.join(dataDir, file), 'utf8');
    expect(text).not.toMatch(/\t/);
    for (const line of text.split('\n')) {
      const indent = /^ */.exec(line)![0].length;
      expect(indent % 2).toBe(0);
    }
    const records = parse(text) as Record<string, unknown>[];
    expect(Array.isArray(records)).toBe(true);
    for (const record of records) {
      for (const key of Object.keys(record)) expect(key).toMatch(/^[a-z][a-zA-Z]*$/);
    }
  });
});
