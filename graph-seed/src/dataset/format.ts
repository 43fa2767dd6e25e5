import { REPEATED_ISSUE_LINES } from '@steppe/domain';
import type { DatasetIssue } from './types';

function line(issue: DatasetIssue): string {
  const location = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  const path = issue.path ? ` ${issue.path}` : '';
  const marker = issue.severity === 'warning' ? 'warning: ' : '';
  return `${location}${path} — ${marker}${issue.message}`;
}

/** What makes issues "the same kind": the message with its quoted values and numbers blanked out. */
export function issueKind(issue: DatasetIssue): string {
  return `${issue.severity}: ${issue.message.replace(/"[^"]*"/g, '"…"').replace(/\d[\d,.]*/g, 'N')}`;
}

/**
 * One line per issue, e.g.
 * `relations/claims.yaml:42 [3].evidence[0].quote — quote not found verbatim in 003_…: check spacing and punctuation`.
 * Warnings are marked; errors are not. Of each kind of issue, the first
 * `perKind` are listed (REPEATED_ISSUE_LINES); the rest are counted at the
 * end ("… and 290,494 more like this: …"), so a broken file cannot print a
 * quarter of a million lines.
 */
export function formatIssues(issues: readonly DatasetIssue[], perKind: number = REPEATED_ISSUE_LINES): string {
  const seen = new Map<string, number>();
  const lines: string[] = [];
  for (const issue of issues) {
    const kind = issueKind(issue);
    const count = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, count);
    if (count <= perKind) lines.push(line(issue));
  }
  for (const [kind, count] of seen) {
    if (count > perKind) lines.push(`… and ${(count - perKind).toLocaleString('en-US')} more like this: ${kind.replace(/^error: /, '')}`);
  }
  return lines.join('\n');
}

/** "3 errors, 1 warning" */
export function summariseIssues(issues: readonly DatasetIssue[]): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
