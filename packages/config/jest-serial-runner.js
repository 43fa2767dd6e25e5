// A jest runner that runs its project's test files one after another, in the main jest
// process. Jest reads `maxWorkers` only from the global configuration (the first project's, in
// a multi-project run), so a project's own `maxWorkers: 1` is ignored there; a runner that says
// `isSerial` is honoured per project: jest runs the files of each runner as one group, serially
// when the runner asks, and the groups one after another.
const TestRunner = require('jest-runner').default;

class SerialRunner extends TestRunner {
  constructor(...args) {
    super(...args);
    this.isSerial = true;
  }
}

module.exports = SerialRunner;
