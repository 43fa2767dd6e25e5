export {
  DEFAULT_DEV_PASSWORD,
  DEFAULT_NEO4J_USER,
  neo4jAuthToken,
  neo4jConnectionEnv,
  neo4jConnectionFromEnv,
  openNeo4jDriver,
  type Neo4jConnection,
} from './connection';
export { ensureLauncherBuilt, type BuildOptions, type LauncherBuild } from './build';
export { DEFAULT_START_TIMEOUT_MS, DEFAULT_STOP_TIMEOUT_MS, startLocalNeo4j, type LocalNeo4j, type StartLocalNeo4jOptions } from './start';
export { neo4jStatus, stopRunningNeo4j, type LocateOptions, type Neo4jStatus, type StopResult } from './status';
export { DEFAULT_HEAP, DEFAULT_PAGE_CACHE, type JitMode } from './jvm';
export { defaultDataDir, pidFileFor } from './paths';
export type { PidFileContent } from './pidfile';
export { findFreePort } from './ports';
export { AlreadyRunningError, LauncherBuildError, Neo4jLocalError, Neo4jStartError, PortInUseError, ToolchainMissingError } from './errors';
