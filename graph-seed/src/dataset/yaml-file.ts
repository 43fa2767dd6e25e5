import { FILE_LIMITS } from '@steppe/domain';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { readTextFile } from './text-file';
import type { DatasetIssue, IssueSeverity } from './types';

export type PathSegment = string | number;

/** A parsed data file: its records, and what is needed to point at a line in it. */
export interface YamlFile {
  /** Path relative to the data directory, with forward slashes. */
  file: string;
  /** The top-level list items, as plain values. Empty when the file could not be used. */
  records: unknown[];
  /** False when the file has YAML syntax errors or is not a list; its records are not validated. */
  usable: boolean;
  /** Line of the value at `path`, or of its nearest enclosing value that exists. */
  lineOf(path: readonly PathSegment[], options?: { key?: boolean }): number | undefined;
}

/** "[3].evidence[0].quote" */
export function formatPath(path: readonly PathSegment[]): string {
  return path
    .map((seg) => (typeof seg === 'number' ? `[${seg}]` : `.${seg}`))
    .join('')
    .replace(/^\./, '');
}

function nodeLine(node: { range?: [number, number, number] | null } | null | undefined, lc: LineCounter) {
  const start = node?.range?.[0];
  return start === undefined ? undefined : lc.linePos(start).line;
}

/** Finds the line of `path` in the document, stopping at the deepest node that exists. */
function locate(doc: Document, lc: LineCounter, path: readonly PathSegment[], wantKey: boolean): number | undefined {
  let node: unknown = doc.contents;
  let line = nodeLine(node as Node, lc);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (!node) return line;
      line = nodeLine(node as Node, lc) ?? line;
    } else if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return line;
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      const keyLine = nodeLine(key, lc);
      if (last && wantKey) return keyLine ?? line;
      // An empty value (`quote:`) sits at the end of the key's line: point at the key.
      const valueLine = isScalar(value) && (value.value === null || value.value === '') ? keyLine : nodeLine(value, lc);
      line = valueLine ?? keyLine ?? line;
      node = value;
      if (!node) return line;
    } else {
      return line;
    }
  }
  return line;
}

export function makeIssue(
  file: string,
  line: number | undefined,
  path: readonly PathSegment[] | string,
  message: string,
  severity: IssueSeverity = 'error',
): DatasetIssue {
  const issue: DatasetIssue = {
    file,
    path: typeof path === 'string' ? path : formatPath(path),
    message,
    severity,
  };
  if (line !== undefined) issue.line = line;
  return issue;
}

/**
 * Reads one data file. Syntax errors and warnings become issues; when a file has
 * errors, `records` still holds whatever could be salvaged (used only to know
 * which ids it defines) and `usable` is false.
 */
export async function readYamlFile(absPath: string, file: string, issues: DatasetIssue[]): Promise<YamlFile & { salvaged: unknown[] }> {
  const read = await readTextFile(absPath, FILE_LIMITS.dataFileBytes);
  if (!read.ok) {
    issues.push(makeIssue(file, read.line, '', read.message));
    return { file, records: [], salvaged: [], usable: false, lineOf: () => read.line };
  }
  const text = read.text;
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true });
  const lineOf = (path: readonly PathSegment[], options?: { key?: boolean }) => locate(doc, lc, path, options?.key ?? false);
  const result = { file, records: [] as unknown[], salvaged: [] as unknown[], usable: false, lineOf };

  for (const err of doc.errors) {
    const where = err.linePos?.[0];
    const first = err.message.split('\n')[0] ?? err.message;
    const hint =
      err.code === 'DUPLICATE_KEY'
        ? 'remove or rename one of the two keys'
        : 'fix the YAML syntax (indentation, quoting, brackets); values containing ": " or starting with a quote mark must be quoted';
    issues.push(makeIssue(file, where?.line, '', `YAML syntax error: ${first.replace(/ at line \d+, column \d+:?$/, '')}: ${hint}`));
  }
  for (const warn of doc.warnings) {
    const first = warn.message.split('\n')[0] ?? warn.message;
    issues.push(makeIssue(file, warn.linePos?.[0]?.line, '', `YAML warning: ${first}`, 'warning'));
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    if (doc.errors.length === 0) {
      issues.push(makeIssue(file, undefined, '', `could not read the YAML: ${(err as Error).message}`));
    }
    return result;
  }

  if (doc.errors.length > 0) {
    if (Array.isArray(value)) result.salvaged = value;
    return result;
  }
  if (value === null || value === undefined) {
    issues.push(makeIssue(file, 1, '', 'the file is empty: add records as a YAML list ("- id: …") or delete the file', 'warning'));
    result.usable = true;
    return result;
  }
  if (!Array.isArray(value)) {
    issues.push(makeIssue(file, nodeLine(doc.contents as Node, lc), '', 'expected a YAML list of records, each starting with "- id: …"'));
    return result;
  }
  result.records = value;
  result.usable = true;
  return result;
}
