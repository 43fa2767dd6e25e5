// jose (JWT verification, src/auth) ships ES modules only: swc compiles it to CommonJS for jest like our own files.
module.exports = require('@steppe/config/jest').nodeProject(__dirname, {
  overrides: { transformIgnorePatterns: ['/node_modules/(?!jose/)'] },
});
