// jest globalTeardown: stops the Neo4j that setup.js started (if it started one) and deletes its store.
const fs = require('node:fs');
const { STATE } = require('./state');

module.exports = async function globalTeardown() {
  const state = globalThis[STATE];
  // Runs once per project in a multi-project run; only the first call has something to do.
  if (!state) return;
  delete globalThis[STATE];
  try {
    await state.neo4j.stop();
  } finally {
    for (const [key, value] of Object.entries(state.previousEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    fs.rmSync(state.tempDir, { recursive: true, force: true });
  }
};
