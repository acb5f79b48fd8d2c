/** Entry point of the built CLI (bin/budgetkoll.js requires dist/node/cli/index.js). */
import { main } from './main';
import { nodeIo } from './node-io';

void main(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code;
});
