#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so there is nothing to build first.
require('tsx/cjs');
require('../src/export/cli.ts').main(process.argv);
