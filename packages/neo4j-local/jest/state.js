// Shared by setup.js and teardown.js, which jest runs in the same process: the handle of the Neo4j
// we started lives on globalThis between the two.
const STATE = Symbol.for('@steppe/neo4j-local/jest');

/** Loads the TypeScript sources without installing a global require hook in jest's own process. */
function loadNeo4jLocal() {
  const { require: tsxRequire } = require('tsx/cjs/api');
  return tsxRequire('../src/index.ts', __filename);
}

module.exports = { STATE, loadNeo4jLocal };
