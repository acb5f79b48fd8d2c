#!/usr/bin/env node
/**
 * A tiny static file server over plain HTTP for the production build (screenshots, end-to-end
 * tests): `node scripts/serve-static.js dist 8080`. Serves files under the root only, with
 * content types for what the build emits; "/" goes to playground.html. No directory listings.
 *
 * Also usable from code: `const { serveStatic } = require('./serve-static'); const server =
 * await serveStatic('dist', 0)` (port 0 = any free port; see server.address().port).
 */
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  // The playground's formula engine: WebAssembly.instantiateStreaming needs this type.
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function handler(rootDir) {
  const root = path.resolve(rootDir);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(res, 400, 'Bad request');
    }
    if (pathname === '/') pathname = '/playground.html';
    const file = path.resolve(root, `.${pathname}`);
    // Never outside the root ("/../../etc/passwd").
    if (file !== root && !file.startsWith(root + path.sep)) return send(res, 403, 'Forbidden');
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) return send(res, 404, 'Not found');
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': stat.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    });
  };
}

/** Starts serving `rootDir` on `port` (127.0.0.1); resolves with the listening server. */
function serveStatic(rootDir, port = 8080, host = '127.0.0.1') {
  if (!fs.existsSync(rootDir)) return Promise.reject(new Error(`serve-static: ${rootDir} does not exist`));
  const server = http.createServer(handler(rootDir));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

module.exports = { serveStatic };

if (require.main === module) {
  const [rootDir = 'dist', portText = '8080'] = process.argv.slice(2);
  serveStatic(rootDir, Number(portText))
    .then((server) => {
      const { port } = server.address();
      console.log(`Serving ${path.resolve(rootDir)} on http://127.0.0.1:${port}/ (playground: http://127.0.0.1:${port}/playground.html)`);
      const stop = () => server.close(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((error) => {
      console.error(error.message);
      process.exit(2);
    });
}
