/**
 * What the reader refuses before anything is loaded: bytes that are not
 * UTF-8 (with the byte offset and line), text past its length limit
 * (TEXT_LIMITS), files past their size limit (FILE_LIMITS, refused before
 * they are read), and how repeated issues are capped when printed.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FILE_LIMITS, REPEATED_ISSUE_LINES, TEXT_LIMITS } from '@steppe/domain';
import { formatIssues, readDataset, type DatasetIssue } from '../src/dataset';
import { firstInvalidUtf8 } from '../src/dataset/text-file';

const FIXTURES = path.join(__dirname, 'fixtures');

let dir: string;
let dataDir: string;
let documentsDir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-limits-'));
  dataDir = path.join(dir, 'data');
  documentsDir = path.join(dataDir, 'documents');
  await cp(path.join(FIXTURES, 'valid'), dataDir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const people = () => path.join(dataDir, 'entities', 'people.yaml');
const errorsOf = (issues: DatasetIssue[]) => issues.filter((i) => i.severity === 'error');

describe('invalid UTF-8', () => {
  it('refuses a data file with the byte offset and line, and loads nothing', async () => {
    const text = await readFile(people(), 'utf8');
    const at = text.indexOf('Anna Berg');
    const bytes = Buffer.concat([
      Buffer.from(text.slice(0, at), 'utf8'),
      Buffer.from([0x41, 0xff, 0x6e]),
      Buffer.from(text.slice(at + 3), 'utf8'),
    ]);
    await writeFile(people(), bytes);
    const { dataset, issues } = await readDataset({ dataDir, documentsDir });
    expect(dataset).toBeUndefined();
    const offset = Buffer.byteLength(text.slice(0, at), 'utf8') + 1;
    const line = text.slice(0, at).split('\n').length;
    expect(errorsOf(issues)).toContainEqual(
      expect.objectContaining({
        file: 'entities/people.yaml',
        line,
        message: expect.stringContaining(`not valid UTF-8 at byte ${offset} (bytes ff 6e`),
      }),
    );
  });

  it('refuses a source document the same way', async () => {
    const doc = path.join(documentsDir, 'alpha.txt');
    await writeFile(doc, Buffer.concat([await readFile(doc), Buffer.from('\nbroken \xc3\x28 here\n', 'latin1')]));
    const { dataset, issues } = await readDataset({ dataDir, documentsDir });
    expect(dataset).toBeUndefined();
    const problem = errorsOf(issues).find((i) => i.message.includes('alpha.txt'));
    expect(problem?.message).toMatch(
      /the document of source "alpha" cannot be read \(.*alpha\.txt\): line \d+: not valid UTF-8 at byte [\d,]+ \(bytes c3 28/,
    );
  });

  it('finds the first bad sequence: stray continuation, truncation, overlong forms and surrogates', () => {
    expect(firstInvalidUtf8(Buffer.from('plain Älichan Әлихан 🙂', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
    expect(firstInvalidUtf8(Uint8Array.from([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0xe0, 0x80, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
  });
});

describe('text length limits', () => {
  it('refuses a description past TEXT_LIMITS.description and a name past TEXT_LIMITS.line, at their lines', async () => {
    const text = await readFile(people(), 'utf8');
    const long = 'x'.repeat(TEXT_LIMITS.description + 1);
    await writeFile(
      people(),
      text.replace('Mayor of Eldoria until March 2021.', long).replace('name: Anna Berg', `name: ${'N'.repeat(TEXT_LIMITS.line + 5)}`),
    );
    const { dataset, issues } = await readDataset({ dataDir, documentsDir });
    expect(dataset).toBeUndefined();
    const messages = errorsOf(issues).map((i) => `${i.path} ${i.message}`);
    expect(messages).toContain(
      `[0].description text is ${(TEXT_LIMITS.description + 1).toLocaleString('en-US')} characters, longer than the ${TEXT_LIMITS.description.toLocaleString('en-US')} allowed here: shorten it`,
    );
    expect(messages).toContain(
      `[0].name text is ${TEXT_LIMITS.line + 5} characters, longer than the ${TEXT_LIMITS.line} allowed here: shorten it`,
    );
  });

  it('accepts text exactly at the limit, counted in characters (not UTF-16 units)', async () => {
    const text = await readFile(people(), 'utf8');
    await writeFile(people(), text.replace('Mayor of Eldoria until March 2021.', '🙂'.repeat(TEXT_LIMITS.description)));
    const { dataset, issues } = await readDataset({ dataDir, documentsDir });
    expect(errorsOf(issues)).toEqual([]);
    expect(dataset?.entities.find((e) => e.id === 'anna-berg')?.description).toHaveLength(TEXT_LIMITS.description * 2);
  });
});

describe('file size limits', () => {
  it('refuses a data file past FILE_LIMITS.dataFileBytes before reading it', async () => {
    const text = await readFile(people(), 'utf8');
    await writeFile(people(), text + `# ${'x'.repeat(FILE_LIMITS.dataFileBytes)}\n`);
    const { dataset, issues } = await readDataset({ dataDir, documentsDir });
    expect(dataset).toBeUndefined();
    expect(errorsOf(issues)).toContainEqual(
      expect.objectContaining({
        file: 'entities/people.yaml',
        message: expect.stringMatching(/^file is [\d,]+ bytes, more than the 8,388,608 allowed: split it/),
      }),
    );
  });
});

describe('repeated issues when printed', () => {
  it(`lists the first ${REPEATED_ISSUE_LINES} of a kind and counts the rest`, () => {
    const issues: DatasetIssue[] = Array.from({ length: 1_000 }, (_, i) => ({
      file: 'entities/x.yaml',
      line: i + 1,
      path: `[${i}].id`,
      message: `entity "e-${i}" takes part in no relation: add a sourced relation for it or remove it`,
      severity: 'warning' as const,
    }));
    issues.push({ file: 'entities/x.yaml', line: 2_000, path: '[0].name', message: 'other problem', severity: 'error' });
    const lines = formatIssues(issues).split('\n');
    expect(lines).toHaveLength(REPEATED_ISSUE_LINES + 1 + 1);
    expect(lines[0]).toBe(
      'entities/x.yaml:1 [0].id — warning: entity "e-0" takes part in no relation: add a sourced relation for it or remove it',
    );
    expect(lines).toContain('entities/x.yaml:2000 [0].name — other problem');
    expect(lines.at(-1)).toBe(
      `… and 980 more like this: warning: entity "…" takes part in no relation: add a sourced relation for it or remove it`,
    );
  });
});
