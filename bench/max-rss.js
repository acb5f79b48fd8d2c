// Preloaded into a benchmarked CLI process (node --require): on exit, writes the process's peak
// resident set size in kilobytes to the file BENCH_RSS_FILE names. Linux's VmHWM from
// /proc/self/status, where there is one: getrusage's maxRSS (process.resourceUsage().maxRSS, the
// fallback) survives exec, so a child started by a large bench process reported the bench's own
// size (300 MB for a file rejected in milliseconds after the L runs).
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS preload */
const fs = require('node:fs');

function peakKB() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // no /proc: not Linux
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) fs.writeFileSync(file, String(peakKB()));
});
