/**
 * The reader against small fixture datasets (test/fixtures): a valid one, and a
 * broken one whose every record carries one deliberate mistake. Expected lines
 * are looked up in the fixture text, so the tests check that each issue points
 * at the line that holds the mistake.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isContested } from '@steppe/domain';
import { documentsDirOf, formatIssues, readDataset, type DatasetIssue } from '../src/dataset';

const FIXTURES = path.join(__dirname, 'fixtures');
const VALID = path.join(FIXTURES, 'valid');
const DOCUMENTS = documentsDirOf(VALID);
const BROKEN = path.join(FIXTURES, 'broken');

/** 1-based line of the `nth` line containing `text` in a fixture file. */
function lineOf(dataDir: string, file: string, text: string, nth = 1): number {
  const lines = readFileSync(path.join(dataDir, file), 'utf8').split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes(text) && ++seen === nth) return i + 1;
  }
  throw new Error(`"${text}" (#${nth}) not found in ${file}`);
}

function errors(issues: DatasetIssue[]): DatasetIssue[] {
  return issues.filter((i) => i.severity === 'error');
}

describe('a valid dataset', () => {
  it('reads with no issues and maps the records to domain objects', async () => {
    const { dataset, issues } = await readDataset({ dataDir: VALID });
    expect(formatIssues(issues)).toBe('');
    expect(dataset).toBeDefined();
    const { sources, entities, relations } = dataset!;

    expect(sources.map((s) => s.id)).toEqual(['alpha', 'beta']);
    expect(sources[0]).toEqual({
      id: 'alpha',
      title: 'Eldoria council dismisses its mayor',
      outlet: 'Eldoria Herald',
      publishedAt: '2021-03-04',
      languages: ['en'],
      text: readFileSync(path.join(DOCUMENTS, 'alpha.txt'), 'utf8'),
    });
    // Optional fields a record does not give are absent, not undefined.
    expect(Object.keys(sources[1]!)).toEqual(['id', 'title', 'languages', 'text']);

    // Entity files are read in name order: other.yaml, then people.yaml.
    expect(entities.map((e) => e.id)).toEqual([
      'council-of-eldoria',
      'eldoria',
      'eldoria-town-hall',
      'eldoria-protests',
      'anna-berg',
      'piet-kohl',
    ]);
    expect(entities.find((e) => e.id === 'eldoria')).toMatchObject({ kind: 'Place', lat: 52.1, lon: 5.1, placeType: 'city' });
    expect(entities.find((e) => e.id === 'eldoria-protests')).toMatchObject({ kind: 'Event', startDate: '2021-03', placeId: 'eldoria' });
    expect(entities.find((e) => e.id === 'anna-berg')).toMatchObject({ kind: 'Person', roles: ['Mayor of Eldoria'], aliases: ['Berg'] });

    const removal = relations.find((r) => r.id === 'council-removed-anna-berg')!;
    expect(removal).toEqual({
      id: 'council-removed-anna-berg',
      type: 'REMOVED',
      from: 'council-of-eldoria',
      to: 'anna-berg',
      date: '2021-03-03',
      stance: 'ASSERTED',
      confidence: 0.9,
      detail: 'Mayor of Eldoria',
      evidence: [{ sourceId: 'alpha', quote: 'On 3 March 2021 the Council of Eldoria dismissed Mayor Anna Berg.' }],
    });
    // A repeated quote names its occurrence; the loader anchors it there.
    const located = relations.find((r) => r.id === 'town-hall-located-in-eldoria')!;
    expect(located.evidence[1]).toEqual({ sourceId: 'alpha', quote: 'of Eldoria', occurrence: 2 });
    const claim = relations.find((r) => r.id === 'piet-kohl-coordinated-protests')!;
    expect(claim.evidence[1]).toEqual({
      sourceId: 'beta',
      quote: 'There is no evidence of that, say local journalists.',
      stance: 'DENIED',
    });
    expect(isContested(claim.evidence.map((e) => e.stance ?? claim.stance))).toBe(true);
  });

  it('reads the documents from <dataDir>/documents, or from documentsDir when given', async () => {
    expect(DOCUMENTS).toBe(path.join(VALID, 'documents'));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-documents-'));
    try {
      for (const name of ['alpha.txt', 'beta.txt']) await writeFile(path.join(dir, name), readFileSync(path.join(DOCUMENTS, name)));
      const { dataset, issues } = await readDataset({ dataDir: VALID, documentsDir: dir });
      expect(formatIssues(issues)).toBe('');
      expect(dataset).toBeDefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('loads nothing without its documents directory, and names the path', async () => {
    const missing = path.join(FIXTURES, 'no-such-documents');
    const { dataset, issues } = await readDataset({ dataDir: VALID, documentsDir: missing });
    expect(dataset).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'sources.yaml',
        severity: 'error',
        message: expect.stringContaining('documents directory not found'),
      }),
    ]);
    expect(issues[0]!.message).toContain(missing);
  });

  it('reports a missing, unreadable or non-UTF-8 document naming the source and the path', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-documents-'));
    try {
      // alpha.txt is a folder (cannot be read as a file), beta.txt is Latin-1, not UTF-8.
      await mkdir(path.join(dir, 'alpha.txt'));
      await writeFile(path.join(dir, 'beta.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
      const { dataset, issues } = await readDataset({ dataDir: VALID, documentsDir: dir });
      expect(dataset).toBeUndefined();
      const errors = issues.filter((i) => i.severity === 'error').map((i) => i.message);
      expect(errors).toEqual([
        `the document of source "alpha" cannot be read (${path.join(dir, 'alpha.txt')}): EISDIR`,
        `the document of source "beta" cannot be read (${path.join(dir, 'beta.txt')}): line 1: not valid UTF-8 at byte 3 (bytes e9): save the file as UTF-8`,
      ]);
      await rm(path.join(dir, 'alpha.txt'), { recursive: true });
      const again = await readDataset({ dataDir: VALID, documentsDir: dir });
      expect(again.issues.map((i) => i.message)).toContainEqual(
        expect.stringContaining(`source "alpha" has no document: expected ${path.join(dir, 'alpha.txt')}`),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a source whose document holds no text, naming the source and the path', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-documents-'));
    try {
      await writeFile(path.join(dir, 'alpha.txt'), '');
      await writeFile(path.join(dir, 'beta.txt'), ' \n\t\r\n');
      const { dataset, issues } = await readDataset({ dataDir: VALID, documentsDir: dir });
      expect(dataset).toBeUndefined();
      expect(issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
        `the document of source "alpha" has no text (${path.join(dir, 'alpha.txt')}): put the document's text in it`,
        `the document of source "beta" has no text (${path.join(dir, 'beta.txt')}): put the document's text in it`,
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a broken dataset', () => {
  let issues: DatasetIssue[];
  let dataset: unknown;

  beforeAll(async () => {
    ({ dataset, issues } = await readDataset({ dataDir: BROKEN }));
  });

  /** The issue at `file`/`path`, asserting its line and that its message matches. */
  function expectIssue(file: string, path: string, line: number, message: RegExp, severity: 'error' | 'warning' = 'error') {
    const matching = issues.filter((i) => i.file === file && i.path === path && message.test(i.message));
    if (matching.length === 0) {
      throw new Error(`no issue ${file} ${path} ~ ${message}; got:\n${formatIssues(issues)}`);
    }
    expect(matching[0]).toMatchObject({ file, path, line, severity });
  }

  const at = (file: string, text: string, nth = 1) => lineOf(BROKEN, file, text, nth);

  it('returns no dataset', () => {
    expect(dataset).toBeUndefined();
    expect(errors(issues).length).toBeGreaterThan(0);
  });

  it('reports an unknown entity kind, with a suggestion', () => {
    expectIssue(
      'entities/a-people.yaml',
      '[1].kind',
      at('entities/a-people.yaml', 'kind: Persn'),
      /unknown entity kind "Persn" \(did you mean "Person"\?\): use one of Person, Organisation, Place, Event/,
    );
  });

  it('reports an unknown field at the key, listing the allowed ones', () => {
    expectIssue(
      'entities/a-people.yaml',
      '[2].lattitude',
      at('entities/a-people.yaml', 'lattitude:'),
      /unknown field "lattitude".*allowed here: .*\blat\b.*\blon\b/,
    );
    expectIssue(
      'relations/a-bad.yaml',
      '[4].evidence[4].qoute',
      at('relations/a-bad.yaml', 'qoute:'),
      /unknown field "qoute" \(did you mean "quote"\?\)/,
    );
    // The misspelt key also leaves the required field missing; that is reported at the evidence item.
    expectIssue(
      'relations/a-bad.yaml',
      '[4].evidence[4].quote',
      at('relations/a-bad.yaml', 'qoute:') - 1,
      /missing required field "quote"/,
    );
  });

  it('reports a duplicate entity id across files, saying where the first one is', () => {
    expectIssue(
      'entities/b-more.yaml',
      '[0].id',
      at('entities/b-more.yaml', 'id: anna-berg'),
      /duplicate entity id "anna-berg": first defined at entities\/a-people\.yaml:1 \(\[0\]\)/,
    );
  });

  it('reports a duplicate relation id across files', () => {
    const first = at('relations/a-bad.yaml', 'id: council-removed-anna-berg');
    expectIssue(
      'relations/b-more.yaml',
      '[1].id',
      at('relations/b-more.yaml', 'id: council-removed-anna-berg'),
      new RegExp(`first defined at relations/a-bad\\.yaml:${first}`),
    );
  });

  it('reports malformed and impossible dates, and a start after the end', () => {
    expectIssue(
      'relations/a-bad.yaml',
      '[0].date',
      at('relations/a-bad.yaml', 'date: 3 March 2021'),
      /malformed date "3 March 2021": write YYYY, YYYY-MM or YYYY-MM-DD/,
    );
    expectIssue('sources.yaml', '[1].publishedAt', at('sources.yaml', "publishedAt: '2021-13'"), /impossible date "2021-13"/);
    expectIssue(
      'entities/b-more.yaml',
      '[2].startDate',
      at('entities/b-more.yaml', 'startDate:'),
      /startDate 2021-03-05 is after endDate 2021-03-01/,
    );
  });

  it('reports an unknown relation type, with a suggestion and the vocabulary', () => {
    expectIssue(
      'relations/a-bad.yaml',
      '[1].type',
      at('relations/a-bad.yaml', 'type: FOUNDED_BY'),
      /unknown relation type "FOUNDED_BY" \(did you mean "FOUNDED"\?\): use one of .*REQUESTED_AID_FROM/,
    );
  });

  it('reports endpoint kinds the relation type does not allow, saying which are allowed', () => {
    expectIssue(
      'relations/a-bad.yaml',
      '[2].from',
      at('relations/a-bad.yaml', 'from: eldoria-town-hall'),
      /LEADS cannot start at a Place \("eldoria-town-hall"\): it runs from Person to Organisation\/Place\/Event/,
    );
  });

  it('reports dangling references: relation endpoints, event places and evidence sources', () => {
    expectIssue(
      'relations/a-bad.yaml',
      '[3].to',
      at('relations/a-bad.yaml', 'to: eldoria-city-hall'),
      /unknown entity "eldoria-city-hall" \(did you mean "eldoria-town-hall"\?\)/,
    );
    expectIssue(
      'entities/b-more.yaml',
      '[2].placeId',
      at('entities/b-more.yaml', 'placeId:'),
      /placeId must point to a Place, but "council-of-eldoria" is an Organisation/,
    );
    expectIssue(
      'relations/a-bad.yaml',
      '[4].evidence[3].source',
      at('relations/a-bad.yaml', 'source: delta'),
      /unknown source "delta".*add it to sources\.yaml/,
    );
  });

  it('reports empty, overlong and non-verbatim quotes, explaining the difference', () => {
    const file = 'relations/a-bad.yaml';
    expectIssue(file, '[4].evidence[0].quote', at(file, 'quote: ""'), /empty quote/);
    expectIssue(file, '[4].evidence[1].quote', at(file, 'quote: "xxxx'), /quote is 301 characters, longer than the 300 allowed/);
    expectIssue(
      file,
      '[4].evidence[2].quote',
      at(file, 'We had no choice'),
      /quote not found verbatim in alpha: it differs only in quote marks/,
    );
    expectIssue(
      file,
      '[4].evidence[5].quote',
      at(file, 'the quote is from alpha, not beta') + 1,
      /quote not found verbatim in beta: it appears verbatim in alpha: cite that source instead/,
    );
  });

  it('reports a repeated quote that does not say which occurrence it means, and an occurrence that does not exist', () => {
    const file = 'relations/a-bad.yaml';
    expectIssue(
      file,
      '[4].evidence[6].quote',
      at(file, 'which one?'),
      /quote occurs 2 times in alpha: say which one with "occurrence: n" \(1–2, in reading order\)/,
    );
    expectIssue(
      file,
      '[4].evidence[7].occurrence',
      at(file, 'occurrence: 2'),
      /occurrence 2, but the quote occurs 1 time in alpha: use 1–1 or remove it/,
    );
  });

  it('reports sources without a document', () => {
    expectIssue(
      'sources.yaml',
      '[2].id',
      at('sources.yaml', 'id: gamma'),
      /source "gamma" has no document: expected .*fixtures[/\\]broken[/\\]documents[/\\]gamma\.txt/,
    );
  });

  it('reports dates on relation types that are not dated, and other field errors', () => {
    const file = 'relations/b-more.yaml';
    expectIssue(file, '[0].date', at(file, "date: '2021-03-03'"), /LOCATED_IN is not a dated relation type: remove "date"/);
    expectIssue(
      file,
      '[1].stance',
      at(file, 'stance: ALLEGED'),
      /unknown stance "ALLEGED": use one of ASSERTED, CLAIMED, REPORTED, DENIED/,
    );
    expectIssue(file, '[1].confidence', at(file, 'confidence: 1.5'), /"confidence" must be at most 1/);
    expectIssue(file, '[1].evidence', at(file, 'evidence: []'), /needs at least one piece of evidence/);
  });

  it('reports YAML syntax errors with their line, and still checks the other files', () => {
    const file = 'relations/c-syntax.yaml';
    expectIssue(file, '', at(file, 'detail: Chair: of the council'), /YAML syntax error: .*fix the YAML syntax/);
    // Records of the unreadable file are not validated, so they add nothing else.
    expect(issues.filter((i) => i.file === file)).toHaveLength(1);
  });

  it('reports every problem in one run, each with file and line, sorted', () => {
    const expected = [
      'entities/a-people.yaml [1].kind',
      'entities/a-people.yaml [2].lattitude',
      'entities/b-more.yaml [0].id',
      'entities/b-more.yaml [2].startDate',
      'entities/b-more.yaml [2].placeId',
      'relations/a-bad.yaml [0].date',
      'relations/a-bad.yaml [1].type',
      'relations/a-bad.yaml [2].from',
      'relations/a-bad.yaml [3].to',
      'relations/a-bad.yaml [4].evidence[0].quote',
      'relations/a-bad.yaml [4].evidence[1].quote',
      'relations/a-bad.yaml [4].evidence[2].quote',
      'relations/a-bad.yaml [4].evidence[3].source',
      'relations/a-bad.yaml [4].evidence[4].qoute',
      'relations/a-bad.yaml [4].evidence[5].quote',
      'relations/a-bad.yaml [4].evidence[6].quote',
      'relations/a-bad.yaml [4].evidence[7].occurrence',
      'relations/b-more.yaml [0].date',
      'relations/b-more.yaml [1].id',
      'relations/b-more.yaml [1].stance',
      'relations/b-more.yaml [1].confidence',
      'relations/b-more.yaml [1].evidence',
      'relations/c-syntax.yaml ',
      'sources.yaml [1].publishedAt',
      'sources.yaml [2].id',
    ];
    const reported = new Set(errors(issues).map((i) => `${i.file} ${i.path}`));
    expect(expected.filter((e) => !reported.has(e))).toEqual([]);
    for (const issue of issues) expect(issue.line).toBeGreaterThan(0);
    const order = issues.map((i) => `${i.file}\u0000${String(i.line).padStart(6, '0')}`);
    expect(order).toEqual([...order].sort());
  });

  it('also warns about things that are legal but suspicious', () => {
    const file = 'relations/b-more.yaml';
    expectIssue(file, '[0].to', at(file, 'to: eldoria-town-hall'), /points from an entity to itself/, 'warning');
    expectIssue('sources.yaml', '[2].id', at('sources.yaml', 'id: gamma'), /never cited/, 'warning');
  });
});

describe('files that cannot be used at all', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-dataset-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports a missing data directory', async () => {
    const { dataset, issues } = await readDataset({ dataDir: path.join(dir, 'nope'), documentsDir: DOCUMENTS });
    expect(dataset).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringContaining('data directory not found') })]);
  });

  it('reports missing files, a file that is not a list and a record that is not a mapping', async () => {
    await mkdir(path.join(dir, 'entities'));
    await writeFile(path.join(dir, 'entities', 'a.yaml'), 'id: not-a-list\nkind: Person\n');
    await writeFile(path.join(dir, 'entities', 'b.yaml'), '- just a string\n');
    const { dataset, issues } = await readDataset({ dataDir: dir, documentsDir: DOCUMENTS });
    expect(dataset).toBeUndefined();
    const summary = issues.map((i) => `${i.severity} ${i.file}:${i.line ?? '-'} ${i.path} ${i.message}`);
    expect(summary).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^error sources\.yaml:- {2}missing/),
        expect.stringMatching(/^error relations\/:- {2}no relation files/),
        expect.stringMatching(/^error entities\/a\.yaml:1 {2}expected a YAML list of records/),
        expect.stringMatching(/^error entities\/b\.yaml:1 \[0\] each record must be a mapping/),
      ]),
    );
  });

  it('reports duplicate keys as YAML errors', async () => {
    await mkdir(path.join(dir, 'entities'));
    await mkdir(path.join(dir, 'relations'));
    await writeFile(path.join(dir, 'sources.yaml'), '- id: alpha\n  title: A\n  title: B\n  languages: [en]\n');
    const { issues } = await readDataset({ dataDir: dir, documentsDir: DOCUMENTS });
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'sources.yaml',
          line: 3,
          message: expect.stringMatching(/YAML syntax error: Map keys must be unique/),
        }),
      ]),
    );
  });
});

describe('formatIssues', () => {
  it('prints one line per issue: file:line path — message, marking warnings', () => {
    const text = formatIssues([
      {
        file: 'relations/claims.yaml',
        line: 42,
        path: '[3].evidence[0].quote',
        message: 'quote not found verbatim in 003_x: check spacing and punctuation',
        severity: 'error',
      },
      { file: 'sources.yaml', path: '', message: 'document gamma.txt has no record', severity: 'warning' },
    ]);
    expect(text.split('\n')).toEqual([
      'relations/claims.yaml:42 [3].evidence[0].quote — quote not found verbatim in 003_x: check spacing and punctuation',
      'sources.yaml — warning: document gamma.txt has no record',
    ]);
  });
});
