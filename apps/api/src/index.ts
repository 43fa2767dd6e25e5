export { createApi, buildSchema, GRAPHQL_PATH, type ApiDeps, type SteppeApi } from './create-api';
export { parseEnv, corsOrigins } from './env';
export { createApiLogger } from './logger';
export { LIMITS } from './limits';
export { EXAMPLE_QUERIES } from './examples';
export { createApiServer, DEFAULT_HTTP_POLICY, parseHttpPolicy, type HttpPolicy } from './http';
