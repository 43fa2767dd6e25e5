/**
 * How a document is laid out in the reader: its text cut into runs, each plain
 * or a cited passage (a <mark>), with entity names inside. Overlapping
 * passages (two quotes sharing words) become one mark citing both, so every
 * character is in at most one mark and the text reads as written.
 */

export interface Range {
  start: number;
  end: number;
}

export interface Cited<P> extends Range {
  /** The passages (e.g. evidence items) this mark covers, in document order. */
  passages: P[];
}

export interface Run<P, M> extends Range {
  /** Present when the run is a cited passage. */
  mark?: Cited<P>;
  /** Entity names inside the run, clipped to it. */
  mentions: (M & Range)[];
}

/** Groups overlapping passages into marks, in document order. Empty ranges are dropped. */
export function mergePassages<P extends Range>(passages: readonly P[]): Cited<P>[] {
  const sorted = passages.filter((p) => p.end > p.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const marks: Cited<P>[] = [];
  for (const p of sorted) {
    const last = marks[marks.length - 1];
    if (last && p.start < last.end) {
      last.end = Math.max(last.end, p.end);
      last.passages.push(p);
    } else {
      marks.push({ start: p.start, end: p.end, passages: [p] });
    }
  }
  return marks;
}

/** Cuts `[0, length)` into plain runs and marks, each with the mentions that fall in it. */
export function layoutRuns<P extends Range, M extends Range>(length: number, passages: readonly P[], mentions: readonly M[]): Run<P, M>[] {
  const marks = mergePassages(passages);
  const runs: Run<P, M>[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start > at) runs.push({ start: at, end: mark.start, mentions: [] });
    runs.push({ start: mark.start, end: mark.end, mark, mentions: [] });
    at = mark.end;
  }
  if (at < length) runs.push({ start: at, end: length, mentions: [] });
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  let r = 0;
  for (const m of sorted) {
    while (r < runs.length && runs[r]!.end <= m.start) r++;
    // A name that straddles a mark's edge is shown in each run it touches.
    for (let k = r; k < runs.length && runs[k]!.start < m.end; k++) {
      const run = runs[k]!;
      run.mentions.push({ ...m, start: Math.max(m.start, run.start), end: Math.min(m.end, run.end) });
    }
  }
  return runs;
}

/** The mark that holds `range` (the passage to open at), if any. */
export function markHolding<P>(runs: readonly Run<P, unknown>[], range: Range): number {
  return runs.findIndex((run) => run.mark !== undefined && run.start <= range.start && range.end <= run.end);
}

/**
 * Cuts plain runs at the given offsets (marks are never cut: a quote stays one mark), each piece keeping the
 * mentions that fall in it. Used to set a passage that is not a cited one (a search hit) apart from its text.
 */
export function splitRuns<P, M extends Range>(runs: readonly Run<P, M>[], points: readonly number[]): Run<P, M>[] {
  const out: Run<P, M>[] = [];
  for (const run of runs) {
    if (run.mark) {
      out.push(run);
      continue;
    }
    const cuts = [...new Set(points.filter((p) => p > run.start && p < run.end))].sort((a, b) => a - b);
    let at = run.start;
    for (const end of [...cuts, run.end]) {
      const start = at;
      out.push({
        start,
        end,
        mentions: run.mentions
          .filter((m) => m.start < end && m.end > start)
          .map((m) => ({ ...m, start: Math.max(m.start, start), end: Math.min(m.end, end) })),
      });
      at = end;
    }
  }
  return out;
}

/** The runs (first and last index, inclusive) that show `range`, or null when it is empty or outside the text. */
export function runsShowing(runs: readonly Run<unknown, unknown>[], range: Range): [number, number] | null {
  const first = runs.findIndex((run) => run.end > range.start);
  let last = -1;
  for (let i = runs.length - 1; i >= 0; i--) {
    if (runs[i]!.start < range.end) {
      last = i;
      break;
    }
  }
  return first >= 0 && last >= first && range.end > range.start ? [first, last] : null;
}
