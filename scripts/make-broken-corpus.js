#!/usr/bin/env node
/**
 * Writes the broken-workbook corpus: node scripts/make-broken-corpus.js [FOLDER]
 * (default test/fixtures/broken/). Runs make-broken-corpus.ts through the benchmark's SWC hook.
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS launcher */
require('../bench/register');
const { makeBrokenCorpus, DEFAULT_CORPUS_DIR } = require('./make-broken-corpus.ts');

const dir = process.argv[2] || DEFAULT_CORPUS_DIR;
makeBrokenCorpus(dir).then(
  (files) => process.stderr.write(`Skrev ${files.length} arbetsböcker till ${dir}.\n`),
  (error) => {
    process.stderr.write(`make-broken-corpus: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
