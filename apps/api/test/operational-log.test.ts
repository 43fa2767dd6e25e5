import type { YogaLogger } from 'graphql-yoga';
import { GraphBusyError } from '@steppe/graph-store';
import { OUTAGE_REPORT_INTERVAL_MS, withOperationalErrorsSummarised } from '../src/operational-log';

function recordingLogger() {
  const lines: { level: keyof YogaLogger; args: unknown[] }[] = [];
  const at =
    (level: keyof YogaLogger) =>
    (...args: unknown[]) =>
      void lines.push({ level, args });
  const logger: YogaLogger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

describe('the API log while Neo4j is down or shedding load', () => {
  // Errors shaped as the driver's Neo4jError (name, code, message); which ones mean "unavailable" is graph-store's isUnavailableError, tested there.
  const unavailable = () =>
    Object.assign(new Error('Connection acquisition timed out in 2000 ms. Pool status: Active conn count = 5.'), {
      name: 'Neo4jError',
      code: 'N/A',
    });

  it('says an outage once per interval, in one line without a stack, counting what it held back', () => {
    const { logger, lines } = recordingLogger();
    let clock = 1_000_000;
    const log = withOperationalErrorsSummarised(logger, () => clock);
    for (let i = 0; i < 40; i++) log.error(unavailable());
    expect(lines).toHaveLength(1);
    expect(lines[0]!.level).toBe('warn');
    expect(lines[0]!.args).toEqual([
      expect.stringMatching(/^Neo4j is unavailable \(Connection acquisition timed out in 2000 ms\..*\): queries are answered 503/),
    ]);
    expect(String(lines[0]!.args[0])).not.toMatch(/\n|at /);

    clock += OUTAGE_REPORT_INTERVAL_MS - 1;
    log.error(unavailable());
    expect(lines).toHaveLength(1);
    clock += 1;
    log.error(unavailable());
    expect(lines).toHaveLength(2);
    expect(String(lines[1]!.args[0])).toMatch(/\(40 more such errors since the last report\)$/);
  });

  it('reports the read gate shedding load apart from an outage', () => {
    const { logger, lines } = recordingLogger();
    const log = withOperationalErrorsSummarised(logger, () => 0);
    log.error(new GraphBusyError('the query line is full'));
    log.error(unavailable());
    log.error(new GraphBusyError('the query line is full'));
    expect(lines.map((l) => [l.level, String(l.args[0]).slice(0, 20)])).toEqual([
      ['warn', 'Neo4j is busy: reque'],
      ['warn', 'Neo4j is unavailable'],
    ]);
  });

  it('passes every other error through unchanged, with its stack', () => {
    const { logger, lines } = recordingLogger();
    const log = withOperationalErrorsSummarised(logger, () => 0);
    const bug = new TypeError('Cannot read properties of undefined');
    const syntax = Object.assign(new Error('Invalid input'), { name: 'Neo4jError', code: 'Neo.ClientError.Statement.SyntaxError' });
    log.error(bug);
    log.error(syntax);
    log.error('two', 'arguments');
    log.info('listening');
    expect(lines).toEqual([
      { level: 'error', args: [bug] },
      { level: 'error', args: [syntax] },
      { level: 'error', args: ['two', 'arguments'] },
      { level: 'info', args: ['listening'] },
    ]);
  });
});
