// jest globalSetup: gives the test run one Neo4j unless NEO4J_URI already names one.
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { STATE, loadNeo4jLocal } = require('./state');

const ENV_KEYS = ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD'];

module.exports = async function globalSetup() {
  // Also how a multi-project run starts only one instance: the first project's setup sets NEO4J_URI.
  if (process.env.NEO4J_URI || globalThis[STATE]) return;

  const { startLocalNeo4j, neo4jConnectionEnv } = loadNeo4jLocal();
  // A fresh store per run: tests never see another run's data, and nothing needs cleaning up inside it.
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steppe-neo4j-test-'));
  let neo4j;
  try {
    neo4j = await startLocalNeo4j({
      port: 0,
      dataDir: path.join(tempDir, 'data'),
      password: randomBytes(18).toString('base64url'),
      // A test run is over long before the JVM's optimizing compiler would pay off.
      jit: process.env.NEO4J_JIT === 'full' ? 'full' : 'quick',
      onLog: (line) => {
        if (line.startsWith('steppe-neo4j:')) console.error(line);
      },
    });
  } catch (error) {
    fs.rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }

  const previousEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
  for (const key of ENV_KEYS) delete process.env[key];
  // Test workers are forked after globalSetup and inherit these.
  Object.assign(process.env, neo4jConnectionEnv(neo4j));
  globalThis[STATE] = { neo4j, tempDir, previousEnv };
  const seconds = (neo4j.startupMs / 1000).toFixed(1);
  console.error(`\nNeo4j for this test run: ${neo4j.uri} (pid ${neo4j.pid}, ready in ${seconds} s, store in ${tempDir})`);
};
