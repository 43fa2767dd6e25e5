// The integration test runs the real API in-process; its jose dependency (JWT verification) ships
// ES modules only, so swc compiles it to CommonJS here as in apps/api's own jest config.
module.exports = require('@steppe/config/jest').nodeProject(__dirname, {
  overrides: { transformIgnorePatterns: ['/node_modules/(?!jose/)'] },
});
