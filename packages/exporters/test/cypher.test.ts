import { collectText, cypherLiteral, cypherString, writeCypher } from '../src';
import { input, relations, TRICKY_QUOTE } from './fixture';

/** Reads a Cypher string literal back (the inverse of the escaping), independently of the writer. */
function unquote(literal: string): string {
  expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
  const body = literal.slice(1, -1);
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.startsWith('u') && e.length === 5) return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', "'": "'", '"': '"', '\\': '\\' } as Record<string, string>)[e] ?? e;
  });
}

describe('Cypher export', () => {
  it.each([
    TRICKY_QUOTE,
    "'; MATCH (n) DETACH DELETE n //",
    "back\\slash \\' and \\u0041",
    'Älichan Smajylow Әлихан 😀',
    'nul\u0000 bell\u0007 line\u2028sep del\u007f',
  ])('escapes %j so that it reads back exactly and stays one line', (value) => {
    const literal = cypherString(value);
    // eslint-disable-next-line no-control-regex
    expect(literal).not.toMatch(/[\n\r\u2028\u2029\u0000-\u001f]/);
    // No unescaped quote inside the literal.
    expect(literal.slice(1, -1).replace(/\\\\/g, '').replace(/\\'/g, '')).not.toContain("'");
    expect(unquote(literal)).toBe(value);
  });

  it('writes numbers as Neo4j expects them (floats stay floats) and lists of literals', () => {
    expect(cypherLiteral(1)).toBe('1.0');
    expect(cypherLiteral(0.25)).toBe('0.25');
    expect(cypherLiteral(Number.NaN)).toBe('null');
    expect(cypherLiteral(['a', "b'"])).toBe("['a', 'b\\'']");
    expect(cypherLiteral(true)).toBe('true');
  });

  it('creates the schema, the entities with vocabulary labels, the relations and the graph pointer last', async () => {
    const script = await collectText(writeCypher(input(), { graph: 'exp-test' }));
    expect(script).toContain('CREATE CONSTRAINT steppe_entity_key IF NOT EXISTS');
    expect(script).toMatch(/SET n:Person, n \+= row;/);
    expect(script).toMatch(/MERGE \(a\)-\[r:REQUESTED_AID_FROM \{graph: 'exp-test@export-\d+', id: row\.props\.id\}\]->\(b\)/);
    expect(script.trimEnd().endsWith(';')).toBe(true);
    expect(script.lastIndexOf("MERGE (sg:SteppeGraph {name: 'exp-test'})")).toBeGreaterThan(script.lastIndexOf('MERGE (a)-['));
    expect(script).toContain(cypherString(TRICKY_QUOTE));
    // Every statement ends a line with ";" and no literal spans lines.
    for (const statement of script.split(/;\n/).filter((s) => s.trim() && !s.trim().startsWith('//'))) {
      const code = statement
        .split('\n')
        .filter((l) => !l.startsWith('//'))
        .join('\n');
      expect((code.match(/(?<!\\)'/g) ?? []).length % 2).toBe(0);
    }
  });

  it('refuses a type outside the vocabulary and a bad graph name', async () => {
    const bad = { ...relations[0]!, type: 'DROP_ALL' as never };
    await expect(collectText(writeCypher(input({ edges: [bad] })))).rejects.toThrow(/not in the vocabulary/);
    await expect(collectText(writeCypher(input(), { graph: 'Bad Name' }))).rejects.toThrow(/Invalid graph name/);
  });
});
