#!/usr/bin/env node
/**
 * Bundle-size report for the task pane (docs/quality.md: initial JavaScript ≤ 200 KB gzip, without
 * ExcelJS and office-js-helpers). "Initial" = every local script taskpane.html loads at start.
 * Prints each script's gzip size, a per-package breakdown from the source maps (approximate: each
 * package's minified bytes gzipped on their own), and exits 1 when the budget is exceeded or a
 * forbidden package is in the initial scripts.
 *
 * Usage: node scripts/bundle-report.js [dist] [--json]
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BUDGET_BYTES = 200 * 1024;
const PAGE = 'taskpane.html';
/** Packages that must load lazily or not at all in the task pane. */
const FORBIDDEN = [
  { name: 'exceljs', source: /node_modules\/exceljs\//, marker: /xl\/worksheets\/sheet|ExcelJS/ },
  { name: '@microsoft/office-js-helpers', source: /node_modules\/@microsoft\/office-js-helpers\//, marker: /OfficeHelpers/ },
  // The playground's spreadsheet engine (WebAssembly): never in the task pane.
  { name: '@ironcalc/wasm', source: /node_modules\/@ironcalc\//, marker: /wasm_bg\.wasm|__wbindgen_/ },
];

const gzipSize = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Local scripts of an HTML page, in order (CDN scripts such as office.js are not ours to count). */
function pageScripts(html) {
  const scripts = [];
  for (const match of html.matchAll(/<script\b[^>]*?\bsrc\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const src = match[2] ?? match[3] ?? match[4];
    if (!/^(https?:)?\/\//i.test(src)) scripts.push(src.replace(/^\.?\//, '').split(/[?#]/)[0]);
  }
  return scripts;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one mapping segment's base64 VLQ numbers. */
function decodeVlq(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64_VALUE.get(char);
    if (digit === undefined) throw new Error(`bad VLQ character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** The package a source path belongs to: "react-dom", "@fluentui/react-tabs", or "(app)". */
function packageOf(source) {
  const at = source.lastIndexOf('node_modules/');
  if (at < 0) return source.includes('webpack/') ? '(webpack runtime)' : '(app: src/)';
  const parts = source.slice(at + 'node_modules/'.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** Family shown in the summary: all of Fluent together (components, Griffel, Tabster, …). */
function familyOf(pkg) {
  if (pkg.startsWith('@fluentui/') || pkg.startsWith('@griffel/') || pkg === 'tabster' || pkg === 'keyborg' || pkg.startsWith('@floating-ui/')) {
    return 'Fluent UI v9 (incl. Griffel, Tabster, Floating UI)';
  }
  if (pkg === 'react' || pkg === 'react-dom' || pkg === 'scheduler') return 'React 19';
  return pkg;
}

/** Generated code attributed to its source files through the source map: bytes per package. */
function attribute(code, map) {
  const lines = code.split('\n');
  const pieces = new Map();
  const add = (pkg, text) => {
    if (!pieces.has(pkg)) pieces.set(pkg, []);
    pieces.get(pkg).push(text);
  };
  let sourceIndex = 0;
  const mappingLines = map.mappings.split(';');
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    const segments = (mappingLines[l] ?? '').split(',').filter(Boolean);
    let column = 0;
    let previous = null; // [startColumn, source]
    for (const segment of segments) {
      const values = decodeVlq(segment);
      column += values[0];
      if (values.length >= 4) sourceIndex += values[1];
      if (previous) add(previous[1], line.slice(previous[0], column));
      previous = [column, values.length >= 4 ? packageOf(map.sources[sourceIndex] ?? '') : '(unmapped)'];
    }
    if (previous) add(previous[1], line.slice(previous[0]));
    else add('(unmapped)', line);
  }
  return pieces;
}

function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const dist = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
  const htmlPath = path.join(dist, PAGE);
  if (!fs.existsSync(htmlPath)) {
    console.error(`bundle-report: ${htmlPath} not found – run "npm run build" first`);
    process.exit(2);
  }
  const scripts = pageScripts(fs.readFileSync(htmlPath, 'utf8'));
  if (scripts.length === 0) {
    console.error(`bundle-report: ${PAGE} loads no local scripts`);
    process.exit(2);
  }

  const problems = [];
  const files = [];
  const byPackage = new Map();
  for (const script of scripts) {
    const file = path.join(dist, script);
    const code = fs.readFileSync(file, 'utf8');
    const entry = { file: script, bytes: Buffer.byteLength(code), gzip: gzipSize(Buffer.from(code)) };
    files.push(entry);
    const mapFile = `${file}.map`;
    const map = fs.existsSync(mapFile) ? JSON.parse(fs.readFileSync(mapFile, 'utf8')) : null;
    for (const forbidden of FORBIDDEN) {
      const inSources = map ? map.sources.some((s) => forbidden.source.test(s)) : false;
      if (inSources || forbidden.marker.test(code)) problems.push(`${forbidden.name} is in ${script}`);
    }
    if (map) {
      for (const [pkg, texts] of attribute(code, map)) {
        const family = familyOf(pkg);
        byPackage.set(family, (byPackage.get(family) ?? '') + texts.join(''));
      }
    }
  }

  const totalGzip = files.reduce((sum, f) => sum + f.gzip, 0);
  const totalBytes = files.reduce((sum, f) => sum + f.bytes, 0);
  if (totalGzip > BUDGET_BYTES) problems.push(`initial JavaScript is ${kb(totalGzip)} gzip, over the ${kb(BUDGET_BYTES)} budget`);

  const packages = [...byPackage.entries()]
    .map(([name, text]) => ({ name, bytes: Buffer.byteLength(text), gzip: gzipSize(Buffer.from(text)) }))
    .sort((a, b) => b.bytes - a.bytes);

  if (json) {
    console.log(JSON.stringify({ page: PAGE, totalBytes, totalGzip, budget: BUDGET_BYTES, files, packages, problems }));
  } else {
    console.log(`Task pane initial JavaScript (${PAGE}):`);
    for (const f of files) console.log(`  ${f.file.padEnd(36)} ${kb(f.bytes).padStart(10)} min  ${kb(f.gzip).padStart(9)} gzip`);
    console.log(`  ${'total'.padEnd(36)} ${kb(totalBytes).padStart(10)} min  ${kb(totalGzip).padStart(9)} gzip  (budget ${kb(BUDGET_BYTES)})`);
    if (packages.length > 0) {
      console.log('By package (minified bytes from the source maps; gzip of each part alone, so the parts add up to more than the total):');
      for (const p of packages.filter((p) => p.bytes >= 512)) {
        console.log(`  ${p.name.padEnd(52)} ${kb(p.bytes).padStart(10)}  ${kb(p.gzip).padStart(9)} gzip`);
      }
    }
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(`bundle-report: FAIL – ${problem}`);
    process.exit(1);
  }
  if (!json) console.log('bundle-report: OK');
}

main();
