/**
 * Every failure a caller can act on gets its own class, so the CLI, the jest setup and the stack
 * runner can print the message as-is instead of a stack trace.
 */
export class Neo4jLocalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The three ways out are spelled out because this is the first thing a new contributor hits. */
export class ToolchainMissingError extends Neo4jLocalError {
  constructor(readonly missing: readonly string[]) {
    super(
      `Cannot run a local Neo4j: ${missing.map((tool) => `\`${tool}\``).join(' and ')} not found on PATH. Either:\n` +
        '  1. install JDK 17 and Maven 3.8+ (e.g. `apt-get install openjdk-17-jdk-headless maven`, or `brew install openjdk@17 maven`), or\n' +
        '  2. point Steppe at your own Neo4j 5.26: export NEO4J_URI=bolt://host:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=..., or\n' +
        '  3. run `docker compose up -d` (Neo4j 5.26 in Docker) and set NEO4J_URI=bolt://localhost:7687 plus its credentials.',
    );
  }
}

export class PortInUseError extends Neo4jLocalError {
  constructor(readonly port: number) {
    super(`port ${port} is already in use: stop whatever is listening there or set NEO4J_PORT`);
  }
}

export class AlreadyRunningError extends Neo4jLocalError {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly uri: string,
  ) {
    super(
      `Neo4j is already running on data dir ${dataDir} (pid ${pid}, ${uri}): ` +
        'use it, stop it with `steppe-neo4j stop`, or set NEO4J_DATA_DIR to another directory',
    );
  }
}

/** Carries the JVM's last stderr lines: without them a failed start is undiagnosable from CI logs. */
export class Neo4jStartError extends Neo4jLocalError {
  constructor(
    message: string,
    readonly stderrTail: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(stderrTail.length > 0 ? `${message}\nLast lines of the JVM's stderr:\n  ${stderrTail.join('\n  ')}` : message, options);
  }
}

export class LauncherBuildError extends Neo4jLocalError {}
