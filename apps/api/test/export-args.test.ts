import { canonicalQuery, cliCommand, EXPORT_LIMITS, fromSearchParams, parseExportArgs } from '../src/export';
import { formatFor } from '../src/export/cli';

describe('export arguments', () => {
  it('reads comma-separated and repeated lists alike, and applies the defaults', () => {
    const a = parseExportArgs(fromSearchParams(new URLSearchParams('format=graphml&ids=a,b&ids=c&relationTypes=LEADS')));
    expect(a).toEqual({ format: 'graphml', ids: ['a', 'b', 'c'], depth: 1, relationTypes: ['LEADS'], limit: EXPORT_LIMITS.nodes, bom: false });
    const b = parseExportArgs({ format: 'csv', ids: ['a', 'a'], depth: 0, bom: true, limit: 10 });
    expect(b).toMatchObject({ ids: ['a'], depth: 0, bom: true, limit: 10 });
  });

  it('writes the reproducing query and command', () => {
    const args = parseExportArgs({ format: 'csv', ids: 'kassym-jomart-tokayev,csto', depth: '2', relationTypes: 'LEADS', bom: 'true' });
    expect(canonicalQuery(args)).toBe('format=csv&ids=kassym-jomart-tokayev,csto&depth=2&relationTypes=LEADS&bom=true');
    expect(cliCommand(args, 'my file.zip')).toBe("npm run export -- --ids kassym-jomart-tokayev,csto --depth 2 --relation-types LEADS --format csv --bom --out 'my file.zip'");
    expect(parseExportArgs(fromSearchParams(new URLSearchParams(canonicalQuery(args))))).toEqual(args);
  });

  it.each([
    [{ format: 'json', ids: 'a', depth: '1.5' }, /whole number/],
    [{ format: 'json', ids: 'a', bom: 'maybe' }, /true or false/],
    [{ format: 'json', ids: 'a', depth: ['1', '2'] }, /more than once/],
    [{ format: 'json', ids: [1] }, /list of strings/],
    [{ format: 'json', ids: 'a', title: 'x'.repeat(201) }, /title \(length\)/],
  ])('refuses %j', (raw, message) => {
    expect(() => parseExportArgs(raw)).toThrow(message);
  });

  it('takes the CLI format from --format, else from the --out extension', () => {
    expect(formatFor('gexf', 'x.graphml')).toBe('gexf');
    expect(formatFor(undefined, 'x.graphml')).toBe('graphml');
    expect(formatFor(undefined, 'out/x.ZIP')).toBe('csv');
    expect(formatFor(undefined, 'x.cyjs')).toBe('json');
    expect(formatFor(undefined, 'x.json')).toBe('json');
    expect(formatFor(undefined, 'report.pdf')).toBe('pdf');
    expect(() => formatFor(undefined, 'x.txt')).toThrow(/Say --format/);
    expect(() => formatFor(undefined, undefined)).toThrow(/Say --format/);
  });
});
