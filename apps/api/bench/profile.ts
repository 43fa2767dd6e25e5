/**
 * `--profile`: PROFILEs the statements the store issued for a sample of each
 * operation's requests and prints database hits per statement, plus the
 * operator tree of the most expensive statement, to see where the time goes.
 */
import type { Driver, ProfiledPlan } from 'neo4j-driver';
import type { RecordedRequest } from './raw';

function totalHits(plan: ProfiledPlan): number {
  return plan.dbHits + plan.children.reduce((sum, child) => sum + totalHits(child), 0);
}

function planLines(plan: ProfiledPlan, depth = 0, out: string[] = []): string[] {
  const details = String(plan.arguments?.Details ?? '')
    .replace(/\s+/g, ' ')
    .slice(0, 110);
  out.push(
    `${'  '.repeat(depth)}${plan.operatorType.replace(/@.*$/, '')}  rows ${plan.rows}  db hits ${plan.dbHits}${details ? `  ${details}` : ''}`,
  );
  for (const child of plan.children) planLines(child, depth + 1, out);
  return out;
}

/** A short name for a statement: its first clause after the generation lookup. */
function statementName(cypher: string): string {
  const body = cypher
    .replace(/\s+/g, ' ')
    .replace(/^MATCH \(steppeGraph:SteppeGraph \{name: \$graph\}\) WITH steppeGraph\.active AS g /, '');
  return body.slice(0, 70);
}

export async function profileRequests(
  driver: Driver,
  label: string,
  requests: readonly RecordedRequest[],
  sample: number,
): Promise<string[]> {
  const lines: string[] = [];
  const perStatement = new Map<string, { hits: number[]; ms: number[] }>();
  let heaviest: { hits: number; plan: ProfiledPlan; name: string } | undefined;
  for (const request of requests.slice(0, sample)) {
    for (const q of request) {
      const t0 = performance.now();
      const result = await driver.executeQuery(`PROFILE ${q.cypher}`, q.params, { routing: 'READ' });
      const elapsed = performance.now() - t0;
      const plan = result.summary.profile;
      if (!plan) continue;
      const name = statementName(q.cypher);
      const hits = totalHits(plan);
      const entry = perStatement.get(name) ?? { hits: [], ms: [] };
      entry.hits.push(hits);
      entry.ms.push(elapsed);
      perStatement.set(name, entry);
      if (!heaviest || hits > heaviest.hits) heaviest = { hits, plan, name };
    }
  }
  lines.push(`${label}: ${Math.min(sample, requests.length)} requests profiled`);
  for (const [name, { hits, ms }] of perStatement) {
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    lines.push(
      `  ${hits.length}× avg ${Math.round(avg(hits)).toLocaleString('en-US')} db hits (max ${Math.max(...hits).toLocaleString('en-US')}), avg ${avg(ms).toFixed(1)} ms (profiled)  ${name}…`,
    );
  }
  if (heaviest) {
    lines.push(`  heaviest statement (${heaviest.hits.toLocaleString('en-US')} db hits): ${heaviest.name}…`);
    for (const line of planLines(heaviest.plan)) lines.push(`    ${line}`);
  }
  return lines;
}
