#!/usr/bin/env node
/**
 * How long the playground's engine (IronCalc, src/playground/engine/) takes on the sample with
 * Budgetkoll's tabs written (the allocation tab, a Delårsbokslut tab per nämnd): reading the
 * workbook through the ExcelJS port, handing the cells to the engine, evaluating. In Node, on the
 * same WebAssembly and V8 as Chromium; the page does the last two steps in its worker.
 *
 * Usage: node bench/playground-engine.js [rows…] [--boards=N]
 *   rows: the sample's size (0 = default; default: 0 and 20000); --boards: follow-up tabs for the
 *   first N nämnder only (default: all)
 */
'use strict';
require('./register');
const { readFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const { generateSample, sampleToSheetSpecs } = require('../src/core/sample');
const { readBudgetModel } = require('../src/core/recognition');
const { runAllocation } = require('../src/core/allocation/model');
const { buildAllocationTab } = require('../src/core/allocation/result-tab');
const { buildFollowUpTab, followUpBoards } = require('../src/core/followup');
const { XlsxWorkbookPort } = require('../src/io/xlsx/xlsx-port');
const { collectEngineInput } = require('../src/playground/engine/evaluation');
const { evaluateWithIronCalc } = require('../src/playground/engine/ironcalc-model');

const log = (text) => process.stderr.write(`  ${text}\n`);

/** The sample with the allocation tab and `boards` follow-up tabs (all nämnder when undefined). */
async function workbook(rows, boards) {
  const port = XlsxWorkbookPort.createEmpty();
  for (const spec of sampleToSheetSpecs(generateSample(rows ? { rows } : {}))) await port.writeSheet(spec);
  const allocationModel = await readBudgetModel(port, 'allocation');
  const allocation = runAllocation(allocationModel);
  if (allocation) await port.writeSheet(buildAllocationTab(allocation, allocationModel, new Date()));
  const model = await readBudgetModel(port, 'followUp');
  log(`written: inputs and allocation tab`);
  for (const board of followUpBoards(model).slice(0, boards)) {
    await port.writeSheet(buildFollowUpTab({ model, report: 'august', board, year: 2027, generatedAt: new Date() }));
  }
  return port;
}

async function main() {
  const ironcalc = await import('@ironcalc/wasm');
  ironcalc.initSync({ module: readFileSync(require.resolve('@ironcalc/wasm/wasm_bg.wasm')) });
  const boardsArg = process.argv.find((a) => a.startsWith('--boards='));
  const boards = boardsArg ? Number(boardsArg.slice(9)) : undefined;
  const sizes = process.argv.slice(2).filter((a) => !a.startsWith('--')).map(Number);
  for (const rows of sizes.length > 0 ? sizes : [0, 20000]) {
    const port = await workbook(rows, boards);
    log('workbook built');
    const started = performance.now();
    const collected = await collectEngineInput(port);
    const read = performance.now() - started;
    const cells = collected.input.sheets.reduce((n, s) => n + s.cells.length, 0);
    const formulas = collected.input.sheets.reduce((n, s) => n + s.formulas.length, 0);
    const { timing } = evaluateWithIronCalc(ironcalc, collected.input, (sheet, ms) => {
      if (ms > 200) log(`handed over ${sheet}: ${Math.round(ms)} ms`);
    });
    const ms = (x) => `${Math.round(x)} ms`;
    console.log(
      `${rows || 'default'} rows: ${collected.input.sheets.length} sheets, ${cells} cells, ${formulas} formulas; ` +
        `read ${ms(read)}, hand over ${ms(timing.load)}, evaluate ${ms(timing.evaluate)}, total ${ms(read + timing.load + timing.evaluate)}`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
