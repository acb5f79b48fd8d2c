/**
 * The playground's spreadsheet engine in a Web Worker, so evaluating a big workbook never blocks
 * the page. Webpack bundles this file and IronCalc's WebAssembly (an asset fetched on first use)
 * as the playground's own chunks; the task pane never loads them.
 */
import init, { Model } from '@ironcalc/wasm';
import { evaluateWithIronCalc, type IronCalcModule } from './ironcalc-model';
import { unpackInput, type PackedInput } from './packed';

let ready: Promise<unknown> | null = null;

self.onmessage = async (event: MessageEvent<{ id: number; packed: PackedInput }>) => {
  const { id, packed } = event.data;
  try {
    ready ??= init();
    await ready;
    const output = evaluateWithIronCalc({ Model } as unknown as IronCalcModule, unpackInput(packed));
    self.postMessage({ id, output });
  } catch (e) {
    self.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
