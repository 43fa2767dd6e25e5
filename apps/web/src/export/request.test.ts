import { RELATION_TYPE_NAMES } from '@steppe/domain';
import { exportUrlFor } from '../config';
import {
  API_FORMATS,
  buildExportRequest,
  defaultTitle,
  failureFromResponse,
  fileNameFor,
  FORMAT_INFO,
  formatBytes,
  MAX_EXPORT_IDS,
  relationTypesFor,
  scopeProblem,
  slugOf,
  unreachableFailure,
} from './request';
import type { ExportScope } from './scope';

const scope: ExportScope = {
  kind: 'selection',
  entityIds: ['kassym-jomart-tokayev', 'csto'],
  relationIds: ['tokayev-requested-aid-from-csto'],
};
const page = 'http://127.0.0.1:3000/?e=kassym-jomart-tokayev,csto&s=csto';

describe('exportUrlFor', () => {
  it('is /export next to the GraphQL endpoint, keeping any prefix', () => {
    expect(exportUrlFor('http://localhost:4000/graphql')).toBe('http://localhost:4000/export');
    expect(exportUrlFor('https://example.org/steppe/graphql?x=1')).toBe('https://example.org/steppe/export');
  });
});

describe('buildExportRequest', () => {
  it('asks for exactly the scope: its ids, depth 0, the page as permalink and the title', () => {
    const request = buildExportRequest('http://localhost:4000/export', {
      format: 'pdf',
      scope,
      title: ' Tokayev and the CSTO ',
      permalink: page,
    });
    expect(request.url).toBe('http://localhost:4000/export');
    expect(Object.fromEntries(request.body)).toEqual({
      format: 'pdf',
      ids: 'kassym-jomart-tokayev,csto',
      depth: '0',
      title: 'Tokayev and the CSTO',
      permalink: page,
    });
  });

  it('passes the view’s relation-type filter as relationTypes', () => {
    const request = buildExportRequest('http://a/export', {
      format: 'graphml',
      scope,
      title: 't',
      permalink: page,
      hiddenTypes: ['ACCUSED'],
    });
    const types = request.body.get('relationTypes')!.split(',');
    expect(types).not.toContain('ACCUSED');
    expect(types).toHaveLength(RELATION_TYPE_NAMES.length - 1);
    expect(relationTypesFor([])).toBeNull();
  });

  it('leaves out a permalink the API would refuse (not http, too long) instead of failing', () => {
    expect(buildExportRequest('http://a/export', { format: 'json', scope, title: 't', permalink: 'file:///x' }).body.has('permalink')).toBe(
      false,
    );
    const long = `http://a/?e=${'x'.repeat(5000)}`;
    expect(buildExportRequest('http://a/export', { format: 'json', scope, title: 't', permalink: long }).body.has('permalink')).toBe(false);
    expect(
      buildExportRequest('http://a/export', { format: 'json', scope, title: 'x'.repeat(300), permalink: page }).body.get('title'),
    ).toHaveLength(200);
  });

  it('offers every format the explorer promises, each with an extension', () => {
    expect([...API_FORMATS].sort()).toEqual(['csv', 'cypher', 'gexf', 'graphml', 'html', 'json', 'pdf']);
    expect(FORMAT_INFO.json.extension).toBe('cyjs');
    expect(FORMAT_INFO.csv.extension).toBe('zip');
  });
});

describe('scopeProblem', () => {
  it('explains an empty or too large scope before any request', () => {
    expect(scopeProblem(scope)).toBeNull();
    expect(scopeProblem({ kind: 'selection', entityIds: [], relationIds: [] })).toMatch(/Nothing selected/);
    expect(scopeProblem({ kind: 'view', entityIds: [], relationIds: [] })).toMatch(/no entities/);
    const many = Array.from({ length: MAX_EXPORT_IDS + 1 }, (_, i) => `e${i}`);
    expect(scopeProblem({ kind: 'view', entityIds: many, relationIds: [] })).toMatch(/501 entities is more than the 500/);
  });
});

describe('names', () => {
  it('titles a scope by its first names', () => {
    expect(defaultTitle([])).toBe('Steppe export');
    expect(defaultTitle(['Kassym-Jomart Tokayev'])).toBe('Kassym-Jomart Tokayev');
    expect(defaultTitle(['Kassym-Jomart Tokayev', 'CSTO'])).toBe('Kassym-Jomart Tokayev and CSTO');
    expect(defaultTitle(['A', 'B', 'C', 'D'])).toBe('A, B and 2 more');
  });

  it('makes safe file names from any title', () => {
    expect(slugOf('Älichan Smajylow & the CSTO: 5 January')).toBe('alichan-smajylow-the-csto-5-january');
    expect(slugOf('Токаев')).toBe('graph');
    const day = new Date('2026-11-30T08:00:00Z');
    expect(fileNameFor('Tokayev and CSTO', 'pdf', day)).toBe('steppe-tokayev-and-csto-2026-11-30.pdf');
    expect(fileNameFor('Tokayev and CSTO', 'png', day, '@2x')).toBe('steppe-tokayev-and-csto-2026-11-30@2x.png');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(12_345)).toBe('12.3 kB');
  });
});

describe('failures', () => {
  it('shows the API’s own message and code', () => {
    const body = JSON.stringify({
      errors: [
        {
          message: 'Limit exceeded: `ids (count)` is 501, the maximum is 500.',
          extensions: { code: 'LIMIT_EXCEEDED', argument: 'ids (count)' },
        },
      ],
    });
    expect(failureFromResponse(400, body)).toEqual({
      status: 400,
      code: 'LIMIT_EXCEEDED',
      message: 'Limit exceeded: `ids (count)` is 501, the maximum is 500.',
    });
  });

  it('falls back to the status for a body that is not the API’s', () => {
    expect(failureFromResponse(502, '<html>Bad gateway</html>')).toEqual({
      status: 502,
      code: 'HTTP_502',
      message: 'The API answered 502: <html>Bad gateway</html>.',
    });
  });

  it('says the API did not answer, naming where it was looked for', () => {
    const failure = unreachableFailure('http://127.0.0.1:4999/export');
    expect(failure.code).toBe('UNREACHABLE');
    expect(failure.message).toMatch(/^The API at http:\/\/127\.0\.0\.1:4999 did not answer/);
  });
});

describe('positions and notes for the report', () => {
  const scope = { kind: 'view' as const, entityIds: ['a', 'b'], relationIds: [] };
  it('sends every entity’s position, rounded, and the notes trimmed', () => {
    const { body } = buildExportRequest('http://api/export', {
      format: 'pdf',
      scope,
      title: 'T',
      permalink: '',
      notes: '  look here \n',
      positions: { a: { x: 1.4, y: -2.6 }, b: { x: 100, y: 0 } },
    });
    expect(body.get('positions')).toBe('a:1:-3,b:100:0');
    expect(body.get('notes')).toBe('look here');
  });
  it('sends no positions when one entity has none, and no empty notes', () => {
    const { body } = buildExportRequest('http://api/export', {
      format: 'pdf',
      scope,
      title: 'T',
      permalink: '',
      notes: '   ',
      positions: { a: { x: 1, y: 1 } },
    });
    expect(body.has('positions')).toBe(false);
    expect(body.has('notes')).toBe(false);
  });
});
