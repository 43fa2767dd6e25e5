/**
 * A report, and the figure on its own (SVG, PNG), are read by people: beyond
 * these sizes use a data format instead.
 */
export const REPORT_LIMITS = { nodes: 500, edges: 2_000 } as const;

export class ReportTooLargeError extends Error {
  override name = 'ReportTooLargeError';
}

/** Refuses a report (or, with `what`, a figure) above REPORT_LIMITS. */
export function checkReportSize(nodes: number, edges: number, what = 'A report'): void {
  if (nodes > REPORT_LIMITS.nodes || edges > REPORT_LIMITS.edges) {
    throw new ReportTooLargeError(
      `${what} holds at most ${REPORT_LIMITS.nodes} entities and ${REPORT_LIMITS.edges} relations (this export has ${nodes} and ${edges}). Narrow it, or use graphml, gexf, json or csv.`,
    );
  }
}
