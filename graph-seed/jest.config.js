module.exports = require('@steppe/config/jest').nodeProject(__dirname);
