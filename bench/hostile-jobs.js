/**
 * Hostile files as a user meets them (docs/quality.md, "Bad files"; the files of
 * test/io/xlsx/hostile-files.ts): `validate` (the lean path) and `allocate -o` (checked before
 * ExcelJS) on each, each in its own process through bin/budgetkoll.js. Each must end in exit 2;
 * the table gives the median wall time and the peak RSS over the runs (target: one clear line
 * within 5 s and ≤ 400 MB). The unit tests check the line and the memory, not the time: a wall
 * clock in a unit test measures the machine's other work as much as ours.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS bench module */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runCli, median } = require('./cli-jobs');
const { HOSTILE_FILES } = require('../test/io/xlsx/hostile-files');

const TARGET_MS = 5000;
const TARGET_RSS_MB = 400;

function hostileFigures(runs) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-bench-hostile-'));
  const rows = [];
  try {
    HOSTILE_FILES.forEach(([name, build], i) => {
      const file = `fientlig-${i + 1}.xlsx`;
      fs.writeFileSync(path.join(dir, file), build());
      for (const [command, args] of [
        ['validate', ['validate', file]],
        ['allocate -o', ['allocate', file, '-o', `ut-${i + 1}.xlsx`]],
      ]) {
        const list = Array.from({ length: runs }, () => runCli(args, dir, [2]));
        const ms = Math.round(median(list.map((r) => r.ms)));
        const peakRssMB = Math.round(Math.max(...list.map((r) => r.rssMB)));
        rows.push({ file: name, command, ms, peakRssMB, met: ms <= TARGET_MS && peakRssMB <= TARGET_RSS_MB ? 'ja' : 'NEJ' });
      }
      fs.rmSync(path.join(dir, file));
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

module.exports = { hostileFigures, TARGET_MS, TARGET_RSS_MB };
