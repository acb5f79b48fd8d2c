/**
 * The CLI's commands as a user runs them, for the benchmark (docs/quality.md's CLI rows): for a sample
 * workbook of each size, `sample`, `validate`, `submit -o`, `verify`, `allocate -o`, `followup --all -o` and
 * `consolidate -o` (of the follow-up output; and of 30 nämnd files, each the workbook with one
 * nämnd's tab, as a KS gets them) each in its own Node process through bin/budgetkoll.js
 * (the compiled CLI: `npm run build:cli`, which `npm ci` runs). For each: wall time (median over
 * the runs) and peak RSS (the largest over the runs, from process.resourceUsage() in the child,
 * bench/max-rss.js), and the ratios of `allocate -o` and `followup --all -o` to `validate` on the
 * same file in the same run (targets: ≤ 1 GB peak RSS, ≤ 3 × validate, sample ≤ 10 s on L).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS bench module */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'bin', 'budgetkoll.js');
const PRELOAD = path.join(__dirname, 'max-rss.js');
const NAMND_FILES = Array.from({ length: 30 }, (_, i) => `namnd-${i + 1}.xlsx`);

/**
 * Runs one CLI command; exit codes 0 and 1 (findings) are a run, anything else fails the bench
 * (`expectedCodes` says otherwise: a hostile file must end in 2).
 */
function runCli(args, dir, expectedCodes = [0, 1]) {
  const rssFile = path.join(dir, `rss-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['--require', PRELOAD, CLI, ...args], {
    cwd: dir,
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  if (!expectedCodes.includes(child.status)) {
    throw new Error(`budgetkoll ${args.join(' ')}: slutkod ${child.status}\n${(child.stderr || '').slice(0, 2000)}`);
  }
  const rssKB = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : NaN;
  fs.rmSync(rssFile, { force: true });
  return { ms, rssMB: rssKB / 1024 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The commands on a sample of `rows` Driftbudget rows, `runs` times; one row per command. */
function cliFigures(size, rows, runs) {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'node', 'cli', 'index.js'))) throw new Error('Kör npm run build:cli först.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budgetkoll-bench-'));
  const commands = [
    ['sample', ['sample', '--rows', String(rows), '-o', 'prov.xlsx']],
    ['validate', ['validate', 'prov.xlsx', '--format', 'json']],
    // Inlämning: the check plus the inputs' fingerprint, the receipt written into a copy; then the
    // receiving team's verify of that copy (the sample has no errors or warnings to comment).
    ['submit -o', ['submit', 'prov.xlsx', '--by', 'Bänk', '-o', 'inlamnad.xlsx']],
    ['verify', ['verify', 'inlamnad.xlsx', '--format', 'json']],
    ['allocate -o', ['allocate', 'prov.xlsx', '-o', 'resultat.xlsx', '--format', 'json']],
    ['followup --all -o', ['followup', 'prov.xlsx', '--report', 'august', '--all', '-o', 'uppfoljning.xlsx', '--format', 'json']],
    ['consolidate -o', ['consolidate', 'uppfoljning.xlsx', '--report', 'august', '-o', 'sammanstallning.xlsx', '--format', 'json']],
    // A KS compiling 30 nämnder's files: each the whole workbook with one nämnd's tab (copies of one).
    ['followup --board -o', ['followup', 'prov.xlsx', '--report', 'august', '--board', 'Barn- och ungdomsnämnden', '-o', 'namnd.xlsx', '--format', 'json']],
    ['consolidate 30 files -o', ['consolidate', ...NAMND_FILES, '--report', 'august', '-o', 'sammanstallning-30.xlsx', '--format', 'json']],
  ];
  const measured = new Map(commands.map(([name]) => [name, []]));
  try {
    for (let i = 0; i < runs; i++) {
      for (const [name, args] of commands) {
        if (name === 'consolidate 30 files -o') for (const file of NAMND_FILES) fs.copyFileSync(path.join(dir, 'namnd.xlsx'), path.join(dir, file));
        measured.get(name).push(runCli(args, dir));
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const validate = measured.get('validate');
  return commands.map(([name]) => {
    const list = measured.get(name);
    const row = {
      size,
      command: name,
      ms: Math.round(median(list.map((r) => r.ms))),
      peakRssMB: Math.round(Math.max(...list.map((r) => r.rssMB))),
    };
    if (name === 'allocate -o' || name === 'followup --all -o' || name === 'submit -o' || name === 'verify') row.ratioToValidate = +median(list.map((r, k) => r.ms / validate[k].ms)).toFixed(2);
    return row;
  });
}

module.exports = { cliFigures, runCli, median };
