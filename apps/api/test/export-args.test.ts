import { canonicalQuery, checkPngSize, cliCommand, EXPORT_LIMITS, fromSearchParams, parseExportArgs, PNG_LIMITS } from '../src/export';
import { exportTimeoutFromEnv, parseEnv } from '../src/env';
import { formatFor } from '../src/export/cli';

describe('export arguments', () => {
  it('reads comma-separated and repeated lists alike, and applies the defaults', () => {
    const a = parseExportArgs(fromSearchParams(new URLSearchParams('format=graphml&ids=a,b&ids=c&relationTypes=LEADS')));
    expect(a).toEqual({
      format: 'graphml',
      ids: ['a', 'b', 'c'],
      depth: 1,
      relationTypes: ['LEADS'],
      limit: EXPORT_LIMITS.nodes,
      bom: false,
      includeText: false,
    });
    const b = parseExportArgs({ format: 'csv', ids: ['a', 'a'], depth: 0, bom: true, limit: 10 });
    expect(b).toMatchObject({ ids: ['a'], depth: 0, bom: true, limit: 10 });
  });

  it('writes the reproducing query and command', () => {
    const args = parseExportArgs({ format: 'csv', ids: 'kassym-jomart-tokayev,csto', depth: '2', relationTypes: 'LEADS', bom: 'true' });
    expect(canonicalQuery(args)).toBe('format=csv&ids=kassym-jomart-tokayev,csto&depth=2&relationTypes=LEADS&bom=true');
    expect(cliCommand(args, 'my file.zip')).toBe(
      "npm run export -- --ids kassym-jomart-tokayev,csto --depth 2 --relation-types LEADS --format csv --bom --out 'my file.zip'",
    );
    expect(parseExportArgs(fromSearchParams(new URLSearchParams(canonicalQuery(args))))).toEqual(args);
  });

  it('gives png a scale (default 2) and a background (default white), svg a background, other formats neither', () => {
    expect(parseExportArgs({ format: 'png', ids: 'a' })).toMatchObject({ scale: 2, background: 'white' });
    expect(parseExportArgs({ format: 'png', ids: 'a', scale: '4', background: 'transparent' })).toMatchObject({
      scale: 4,
      background: 'transparent',
    });
    expect(parseExportArgs({ format: 'png', ids: 'a', scale: 1 })).toMatchObject({ scale: 1 });
    const svg = parseExportArgs({ format: 'svg', ids: 'a', scale: '3', background: 'transparent' });
    expect(svg.background).toBe('transparent');
    expect(svg).not.toHaveProperty('scale');
    const json = parseExportArgs({ format: 'json', ids: 'a', scale: '3', background: 'transparent' });
    expect(json).not.toHaveProperty('scale');
    expect(json).not.toHaveProperty('background');
  });

  it('writes scale and background into the reproducing query and command when they are not the defaults', () => {
    const args = parseExportArgs({ format: 'png', ids: 'csto', depth: '0', scale: '3', background: 'transparent' });
    expect(canonicalQuery(args)).toBe('format=png&ids=csto&depth=0&scale=3&background=transparent');
    expect(cliCommand(args, 'csto.png')).toBe(
      'npm run export -- --ids csto --depth 0 --format png --scale 3 --background transparent --out csto.png',
    );
    expect(parseExportArgs(fromSearchParams(new URLSearchParams(canonicalQuery(args))))).toEqual(args);
    const defaults = parseExportArgs({ format: 'png', ids: 'csto' });
    expect(canonicalQuery(defaults)).toBe('format=png&ids=csto&depth=1');
    expect(parseExportArgs(fromSearchParams(new URLSearchParams(canonicalQuery(defaults))))).toEqual(defaults);
  });

  it.each([
    [{ format: 'png', ids: 'a', scale: '5' }, '`scale` must be a whole number from 1 to 4, not "5".'],
    [{ format: 'png', ids: 'a', scale: '-1' }, '`scale` must be a whole number from 1 to 4, not "-1".'],
    [{ format: 'png', ids: 'a', scale: '2x' }, '`scale` must be a whole number from 1 to 4, not "2x".'],
    [{ format: 'png', ids: 'a', scale: ['2', '3'] }, '`scale` is given more than once.'],
    [{ format: 'png', ids: 'a', background: 'White' }, '`background` must be white or transparent, not "White".'],
    [{ format: 'svg', ids: 'a', background: 'none' }, '`background` must be white or transparent, not "none".'],
  ])('refuses %j with a precise message', (raw, message) => {
    expect(() => parseExportArgs(raw)).toThrow(message);
    try {
      parseExportArgs(raw);
    } catch (error) {
      expect(error).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    }
  });

  it('refuses a PNG beyond the pixel cap, naming its size', () => {
    expect(() => checkPngSize(960, 1200, 4)).not.toThrow();
    expect(() => checkPngSize(960, 4200, 4)).toThrow(/At scale 4 the figure would be 3840 × 16800 pixels/);
    expect(() => checkPngSize(3000, 3500, 4)).toThrow(/use a lower scale, or the SVG/);
    expect(3000 * 4 * 3500 * 4).toBeGreaterThan(PNG_LIMITS.pixels);
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
    expect(formatFor(undefined, 'figure.svg')).toBe('svg');
    expect(formatFor(undefined, 'figure.PNG')).toBe('png');
    expect(() => formatFor(undefined, 'x.txt')).toThrow(/Say --format/);
    expect(() => formatFor(undefined, undefined)).toThrow(/Say --format/);
  });

  it('reads the export timeout from EXPORT_TIMEOUT_MS (default 120 s), refusing nonsense by name', () => {
    expect(parseEnv({}).EXPORT_TIMEOUT_MS).toBe(EXPORT_LIMITS.timeoutMs);
    expect(parseEnv({ EXPORT_TIMEOUT_MS: '300000' }).EXPORT_TIMEOUT_MS).toBe(300_000);
    expect(exportTimeoutFromEnv({})).toBe(120_000);
    expect(exportTimeoutFromEnv({ EXPORT_TIMEOUT_MS: '5000', PORT: 'not a port' })).toBe(5_000);
    expect(() => exportTimeoutFromEnv({ EXPORT_TIMEOUT_MS: 'soon' })).toThrow(/Invalid API configuration:\n {2}EXPORT_TIMEOUT_MS: /);
    expect(() => parseEnv({ EXPORT_TIMEOUT_MS: '10' })).toThrow(/EXPORT_TIMEOUT_MS: .*1000/);
  });
});

describe('notes and positions', () => {
  it('takes notes (trimmed, line breaks normalised) and refuses them beyond the limit', () => {
    expect(parseExportArgs({ format: 'pdf', ids: 'a', notes: '  one\r\ntwo  ' }).notes).toBe('one\ntwo');
    expect(() => parseExportArgs({ format: 'pdf', ids: 'a', notes: 'x'.repeat(EXPORT_LIMITS.notesLength + 1) })).toThrow(/notes/);
  });

  it('reads positions as id:x:y entries, at most one per id, and refuses anything else', () => {
    expect(parseExportArgs({ format: 'pdf', ids: 'a,b', depth: '0', positions: 'a:1:-2,b:300:40' }).positions).toEqual({
      a: { x: 1, y: -2 },
      b: { x: 300, y: 40 },
    });
    expect(() => parseExportArgs({ format: 'pdf', ids: 'a', positions: 'a:1:2,b:3:4' })).toThrow(/positions/);
    expect(() => parseExportArgs({ format: 'pdf', ids: 'a', positions: 'a:1.5:2' })).toThrow(/positions/);
    expect(() => parseExportArgs({ format: 'pdf', ids: 'a', positions: 'a:99999999:2' })).toThrow(/positions/);
    expect(() => parseExportArgs({ format: 'pdf', ids: 'a', positions: '<script>:1:2' })).toThrow(/positions/);
  });
});
