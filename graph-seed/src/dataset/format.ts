import type { DatasetIssue } from './types';

/**
 * One line per issue, e.g.
 * `relations/claims.yaml:42 [3].evidence[0].quote — quote not found verbatim in 003_…: check spacing and punctuation`.
 * Warnings are marked; errors are not.
 */
export function formatIssues(issues: readonly DatasetIssue[]): string {
  return issues
    .map((issue) => {
      const location = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
      const path = issue.path ? ` ${issue.path}` : '';
      const marker = issue.severity === 'warning' ? 'warning: ' : '';
      return `${location}${path} — ${marker}${issue.message}`;
    })
    .join('\n');
}

/** "3 errors, 1 warning" */
export function summariseIssues(issues: readonly DatasetIssue[]): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
