import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A query an analyst types and the entities they mean (graph-seed/relevance/search-relevance.json). */
export interface RelevanceCase {
  query: string;
  expected: string[];
}

export const RELEVANCE_FILE = path.resolve(__dirname, '../relevance/search-relevance.json');

/** The cut-off recall is measured at: what the search box shows without scrolling. */
export const RECALL_AT = 5;

export function readRelevanceSet(file = RELEVANCE_FILE): RelevanceCase[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { queries?: unknown };
  if (!Array.isArray(parsed.queries)) throw new Error(`${file}: "queries" must be a list`);
  return parsed.queries.map((q: unknown, i) => {
    const c = q as Partial<RelevanceCase>;
    if (typeof c.query !== 'string' || !Array.isArray(c.expected) || c.expected.length === 0) {
      throw new Error(`${file}: query ${i + 1} needs a "query" string and a non-empty "expected" list`);
    }
    return { query: c.query, expected: c.expected.map(String) };
  });
}

export interface CaseResult extends RelevanceCase {
  /** The ids the search returned, best first. */
  got: string[];
  recall: number;
  reciprocalRank: number;
}

/** Recall@k of one query: the share of its expected entities among the first k hits. */
export function scoreCase(c: RelevanceCase, got: readonly string[], k = RECALL_AT): CaseResult {
  const top = new Set(got.slice(0, k));
  const found = c.expected.filter((id) => top.has(id)).length;
  const first = got.findIndex((id) => c.expected.includes(id));
  return { ...c, got: [...got], recall: found / c.expected.length, reciprocalRank: first === -1 ? 0 : 1 / (first + 1) };
}

export interface RelevanceSummary {
  queries: number;
  recallAtK: number;
  mrr: number;
  misses: CaseResult[];
}

export function summarise(results: readonly CaseResult[]): RelevanceSummary {
  const mean = (f: (r: CaseResult) => number) => results.reduce((s, r) => s + f(r), 0) / Math.max(1, results.length);
  return {
    queries: results.length,
    recallAtK: mean((r) => r.recall),
    mrr: mean((r) => r.reciprocalRank),
    misses: results.filter((r) => r.recall < 1),
  };
}

/** Runs every query through `search` (ids best first) and scores it. */
export async function runRelevanceSet(
  search: (query: string) => Promise<string[]>,
  cases: readonly RelevanceCase[] = readRelevanceSet(),
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of cases) results.push(scoreCase(c, await search(c.query)));
  return results;
}
