// Preloaded into a benchmarked CLI process (node --require): on exit, writes the process's peak
// resident set size in kilobytes (process.resourceUsage().maxRSS) to the file BENCH_RSS_FILE names.
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS preload */
const fs = require('node:fs');

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
