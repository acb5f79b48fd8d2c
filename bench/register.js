// Lets the benchmark load the TypeScript sources directly, compiled with SWC (already a dev
// dependency for jest), so it measures the same code the tests run without a separate build.
const fs = require('fs');
const swc = require('@swc/core');

const options = {
  jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } },
  module: { type: 'commonjs' },
  sourceMaps: false,
};

for (const ext of ['.ts', '.tsx']) {
  require.extensions[ext] = (module, filename) => {
    const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
    module._compile(code, filename);
  };
}
