import { collectBytes, writeExport, type WriterFormat } from '../src';
import { syntheticInput } from './fixture';

describe('streaming', () => {
  it.each(['json', 'graphml', 'gexf', 'csv', 'cypher'] as WriterFormat[])(
    '%s writes output before it has read all of its input',
    async (format) => {
      const pulled = { nodes: 0, edges: 0 };
      const n = 20_000;
      const chunks = writeExport(format, syntheticInput(n, pulled));
      const first = await chunks.next();
      expect(first.done).toBe(false);
      expect(pulled.nodes).toBeLessThan(n);
      let count = 1;
      for await (const _ of chunks) count++;
      expect(count).toBeGreaterThan(10);
      expect(pulled.nodes).toBe(n);
    },
  );

  it('produces the same bytes for the same input', async () => {
    const a = await collectBytes(writeExport('graphml', syntheticInput(500, { nodes: 0, edges: 0 })));
    const b = await collectBytes(writeExport('graphml', syntheticInput(500, { nodes: 0, edges: 0 })));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
