export { corsPolicy, defaultAllowedOrigins, parseAllowedOrigins, useVaryOrigin, type AllowedOrigins } from './cors';
export { DEFAULT_HTTP_POLICY, parseHttpPolicy, type HttpPolicy } from './config';
export { useBodyLimit } from './body-limit';
export { useRateLimit } from './rate-limit';
export { useSecurityHeaders } from './security-headers';
export { createReadinessProbe } from './readiness';
export { createApiServer } from './server';
export { QueueFullError, WorkQueue } from './work-queue';
