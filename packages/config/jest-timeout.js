// Runs in every test file (setupFilesAfterEnv): the project's own timeout for its tests and
// hooks. Jest takes `testTimeout` from the global configuration (the first project's, in a
// multi-project run); a setup file is per project, so each project gets the timeout it asks for.
const timeout = globalThis.__STEPPE_TEST_TIMEOUT__;
if (typeof timeout !== 'number')
  throw new Error('@steppe/config/jest-timeout: the project sets no globals.__STEPPE_TEST_TIMEOUT__ (use nodeProject or withTestTimeout)');
jest.setTimeout(timeout);
