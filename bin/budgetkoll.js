#!/usr/bin/env node
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS launcher */
// The CLI is TypeScript compiled by `npm run build:cli` (run by `prepare` on `npm ci`).
const fs = require('node:fs');
const path = require('node:path');

const entry = path.join(__dirname, '..', 'dist', 'node', 'cli', 'index.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('budgetkoll: kommandoradsverktyget är inte byggt. Kör "npm run build:cli" i projektmappen först.\n');
  process.exit(2);
}
require(entry);
