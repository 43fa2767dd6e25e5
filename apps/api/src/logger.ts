import { createLogger, type YogaLogger } from 'graphql-yoga';

export function createApiLogger(level: 'debug' | 'info' | 'warn' | 'error'): YogaLogger {
  return createLogger(level);
}
