#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so there is no build step between editing and running it.
require('tsx/cjs');
require('../src/cli.ts')
  .main(process.argv)
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
