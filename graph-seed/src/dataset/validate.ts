import { z } from 'zod';
import { didYouMean } from './suggest';
import { makeIssue, type PathSegment, type YamlFile } from './yaml-file';
import type { DatasetIssue } from './types';

type Issue = z.core.$ZodIssue;

/** The sub-schema a path leads to, looking through optional wrappers, arrays and objects. */
function schemaAt(schema: z.core.$ZodType, path: readonly PathSegment[]): z.core.$ZodType | undefined {
  let current: z.core.$ZodType | undefined = schema;
  for (const seg of path) {
    current = unwrap(current);
    if (current instanceof z.ZodObject && typeof seg === 'string') current = current.shape[seg] as z.core.$ZodType;
    else if (current instanceof z.ZodArray && typeof seg === 'number') current = current.element as z.core.$ZodType;
    else return undefined;
    if (!current) return undefined;
  }
  return unwrap(current);
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.core.$ZodType;
  return current;
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  array: 'a list',
  object: 'a mapping of fields',
  boolean: 'true or false',
};

const VALUE_NAMES: Record<string, string> = {
  type: 'relation type',
  stance: 'stance',
  kind: 'entity kind',
};

const MIN_HINTS: Record<string, string> = {
  evidence: 'a relation needs at least one piece of evidence: add "- source: <source id>" with a verbatim "quote:" under evidence',
  languages: 'list at least one language of the document, e.g. [en]',
  roles: 'give at least one role, e.g. [President of Kazakhstan]',
};

function fieldName(path: readonly PathSegment[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'string') return seg;
  }
  return 'record';
}

function messageFor(issue: Issue, path: readonly PathSegment[], root: z.core.$ZodType): string {
  const field = fieldName(path);
  switch (issue.code) {
    case 'invalid_type': {
      if (path.length === 0) return `each record must be a mapping of fields ("key: value"), not ${describeValue(issue.input)}`;
      const last = path[path.length - 1];
      if (typeof last === 'number') {
        return `item ${last} of "${field}" must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeValue(issue.input)}`;
      }
      if (issue.input === undefined) return `missing required field "${field}": add it`;
      if (issue.input === null) return `"${field}" has no value: fill it in or remove the line`;
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      const hint = issue.expected === 'array' ? ' — write a YAML list, e.g. [a, b] or one "- item" per line' : '';
      return `"${field}" must be ${expected}, not ${describeValue(issue.input)}${hint}`;
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const what = VALUE_NAMES[field] ?? `value for "${field}"`;
      const got = String(issue.input);
      return `unknown ${what} "${got}"${didYouMean(got, allowed)}: use one of ${allowed.join(', ')}`;
    }
    case 'too_small': {
      if (issue.origin === 'array') return MIN_HINTS[field] ?? `"${field}" needs at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'number') return `"${field}" must be at least ${String(issue.minimum)}, not ${describeValue(issue.input)}`;
      return issue.message;
    }
    case 'too_big': {
      if (issue.origin === 'number') return `"${field}" must be at most ${String(issue.maximum)}, not ${describeValue(issue.input)}`;
      return issue.message;
    }
    case 'unrecognized_keys': {
      // Reported per key by the caller; this is only a fallback.
      const allowed = knownKeysAt(root, path);
      return `unknown field(s) ${issue.keys.join(', ')}: remove them or fix the spelling (allowed: ${allowed.join(', ')})`;
    }
    default:
      return issue.message;
  }
}

function knownKeysAt(root: z.core.$ZodType, path: readonly PathSegment[]): string[] {
  const schema = schemaAt(root, path);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/**
 * Validates one record against `schema`. Each zod issue becomes a DatasetIssue
 * with the record's file, line and path; unknown keys are reported one by one,
 * at the key's own line. Returns the parsed record, or undefined when invalid.
 */
export function checkRecord<S extends z.core.$ZodType>(
  schema: S,
  raw: unknown,
  file: YamlFile,
  basePath: readonly PathSegment[],
  issues: DatasetIssue[],
): z.output<S> | undefined {
  const result = z.safeParse(schema, raw, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const rel = issue.path.filter((seg): seg is PathSegment => typeof seg !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const allowed = knownKeysAt(schema, rel);
      for (const key of issue.keys) {
        const path = [...basePath, ...rel, key];
        issues.push(
          makeIssue(
            file.file,
            file.lineOf(path, { key: true }),
            path,
            `unknown field "${key}"${didYouMean(key, allowed)}: remove it or fix its spelling (allowed here: ${allowed.join(', ')})`,
          ),
        );
      }
      continue;
    }
    const path = [...basePath, ...rel];
    issues.push(makeIssue(file.file, file.lineOf(path), path, messageFor(issue, rel, schema)));
  }
  return undefined;
}
