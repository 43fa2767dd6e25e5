module.exports = require('@steppe/config/jest').nodeProject(__dirname, { neo4j: true });
