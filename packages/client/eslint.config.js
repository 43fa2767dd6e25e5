module.exports = require('@steppe/config/eslint');
