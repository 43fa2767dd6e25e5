describe('jest global setup with NEO4J_URI already set', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('does nothing: no Neo4j started, environment untouched', async () => {
    process.env.NEO4J_URI = 'bolt://external:7687';
    process.env.NEO4J_PASSWORD = 'external-password';
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const setup = require('../jest/setup.js') as () => Promise<void>;
    await setup();
    expect(process.env.NEO4J_URI).toBe('bolt://external:7687');
    expect(process.env.NEO4J_PASSWORD).toBe('external-password');
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('@steppe/neo4j-local/jest')]).toBeUndefined();
  });
});
