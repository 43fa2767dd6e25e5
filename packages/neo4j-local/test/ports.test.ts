import net from 'node:net';
import { findFreePort } from '../src';
import { canConnect, isPortFree } from '../src/ports';

describe('ports', () => {
  it('finds a port that is free, and notices when it is taken', async () => {
    const port = await findFreePort();
    expect(port).toBeGreaterThan(0);
    expect(await isPortFree(port)).toBe(true);
    expect(await canConnect(port)).toBe(false);

    const server = net.createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      expect(await isPortFree(port)).toBe(false);
      expect(await canConnect(port)).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
