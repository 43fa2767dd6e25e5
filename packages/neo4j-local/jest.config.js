// This package's own tests start and stop their Neo4j instances themselves, so the shared global
// setup (which would start one more) is switched off here.
module.exports = require('@steppe/config/jest').nodeProject(__dirname, {
  neo4j: false,
  // A first run builds the launcher with Maven (downloads included) inside the first test that needs it.
  testTimeout: 300_000,
});
