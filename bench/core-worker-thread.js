// The task pane's core worker (src/taskpane/worker/core-worker.ts) in a Node worker thread, for the
// benchmark: `self` is bridged to the thread's parent port, so the worker module runs unchanged and
// messages are copied by the same structured clone a browser uses.
const { parentPort } = require('node:worker_threads');
require('./register');

const scope = { onmessage: null, postMessage: (message) => parentPort.postMessage(message) };
globalThis.self = scope;
require('../src/taskpane/worker/core-worker.ts');
parentPort.on('message', (data) => scope.onmessage && scope.onmessage({ data }));
