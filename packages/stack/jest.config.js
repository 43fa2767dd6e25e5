// The orchestrator's own test (up.int.test.ts) brings the stack up against the run's Neo4j.
module.exports = require('@steppe/config/jest').nodeProject(__dirname);
