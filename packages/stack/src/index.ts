export { startStack, buildWebIfNeeded, neo4jEnv, type StackOptions, type RunningStack } from './orchestrator';
export { provideNeo4j, type Neo4jHandle, type Neo4jOptions } from './neo4j';
export { groupAlive, httpOk, type Service, type ServiceOutput } from './processes';
export { REPO_ROOT, repoPath } from './paths';
