import type { YogaLogger } from 'graphql-yoga';
import { GraphBusyError, isUnavailableError } from '@steppe/graph-store';

/** How long one "database unavailable" warning covers: the same outage is not reported again within it. */
export const OUTAGE_REPORT_INTERVAL_MS = 10_000;

/**
 * The API's logger, with the database's expected failures said once, in a line, instead of a stack
 * trace per failed field. graphql-yoga logs every error that masking changed; when Neo4j is down or
 * the read gate sheds load, that is every field of every request — pages of identical traces in the
 * terminal of whoever runs `npm start`, for a condition the API already answers with a clear 503.
 * Every other error is passed through unchanged.
 */
export function withOperationalErrorsSummarised(logger: YogaLogger, now: () => number = Date.now): YogaLogger {
  const lastReported = new Map<string, number>();
  let suppressed = 0;
  const summarise = (kind: string, line: string) => {
    const at = now();
    const last = lastReported.get(kind);
    if (last !== undefined && at - last < OUTAGE_REPORT_INTERVAL_MS) {
      suppressed += 1;
      return;
    }
    lastReported.set(kind, at);
    const more = suppressed > 0 ? ` (${suppressed} more such errors since the last report)` : '';
    suppressed = 0;
    logger.warn(`${line}${more}`);
  };
  return {
    debug: (...args) => logger.debug(...args),
    info: (...args) => logger.info(...args),
    warn: (...args) => logger.warn(...args),
    error: (...args) => {
      const [first] = args;
      if (args.length === 1 && first instanceof GraphBusyError) {
        summarise('busy', 'Neo4j is busy: requests beyond the read gate are answered 503 SERVICE_UNAVAILABLE (busy).');
      } else if (args.length === 1 && isUnavailableError(first)) {
        summarise(
          'unavailable',
          `Neo4j is unavailable (${(first as Error).message.split('\n')[0]}): queries are answered 503 SERVICE_UNAVAILABLE until it is back.`,
        );
      } else {
        logger.error(...args);
      }
    },
  };
}
