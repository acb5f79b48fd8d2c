/**
 * Builds the pages: the task pane (Excel), the ribbon commands (FunctionFile) with their error
 * dialog, and the browser playground. `npm start` serves them on https://localhost:3000;
 * `npm run build` writes dist/ with content-hashed files and the production manifest (Id and
 * addresses: scripts/addin-config.js), which needs ADDIN_PUBLIC_URL; development builds and the
 * dev server do not.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const { DEV_URL, AddinConfigError, productionManifest, resolvePublicUrl } = require('./scripts/addin-config');

const DEV_PORT = Number(new URL(DEV_URL).port);

/**
 * The production build's public address from ADDIN_PUBLIC_URL. Without it (or with a wrong one)
 * the build stops with one line saying what to set, not a stack trace: a manifest pointing at a
 * made-up host would side-load and then fail in Excel with no clue why.
 */
function publicUrlOrExit() {
  try {
    return resolvePublicUrl(process.env.ADDIN_PUBLIC_URL);
  } catch (error) {
    if (!(error instanceof AddinConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return process.exit(1);
  }
}

/**
 * HTTPS for the dev server: the Office dev certificates (`npx office-addin-dev-certs install`)
 * when the user has them, which Excel trusts; otherwise webpack-dev-server's self-signed one.
 */
function httpsServer() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    const options = {};
    for (const [key, file] of Object.entries(files)) options[key] = fs.readFileSync(path.join(dir, file));
    return { type: 'https', options };
  }
  return 'https';
}

/** Big lazily loaded chunks (ExcelJS) are not part of any page's start-up and need no size hint. */
const LAZY_LARGE_CHUNK = /^(exceljs|xlsx|sample|engine)\./;

module.exports = (env, argv) => {
  const production = argv.mode === 'production';
  const publicUrl = production ? publicUrlOrExit() : null;
  const hashed = (name) => (production ? `${name}.[contenthash:8]` : name);

  return {
    mode: production ? 'production' : 'development',
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval.
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      'error-dialog': './src/commands/error-dialog.ts',
      playground: './src/playground/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: `${hashed('[name]')}.js`,
      chunkFilename: `${hashed('[name]')}.js`,
      publicPath: 'auto',
      // dist/node is the CLI, compiled by `npm run build:cli` on `npm ci`: not the pages' to clean.
      clean: { keep: /^node[\\/]/ },
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
      rules: [
        // IronCalc's WebAssembly (the playground's spreadsheet engine, src/playground/engine/): a file
        // fetched by its engine worker with init(); only the playground's worker imports it.
        {
          test: /\.wasm$/,
          type: 'asset/resource',
          generator: { filename: `${hashed('[name]')}[ext]` },
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // ES modules so webpack can tree-shake Fluent and split dynamic import()s into chunks.
              compilerOptions: { module: 'esnext', noEmit: false, sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      // The dialog a failed ribbon command opens (src/commands/error-dialog-host.ts).
      new HtmlWebpackPlugin({ filename: 'error-dialog.html', template: './src/commands/error-dialog.html', chunks: ['error-dialog'] }),
      new HtmlWebpackPlugin({ filename: 'playground.html', template: './src/playground/playground.html', chunks: ['playground'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: production ? (content) => productionManifest(content, publicUrl) : undefined },
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          // ExcelJS under its own name, so the bundle report and a reader of dist/ can see it is lazy.
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', enforce: true },
        },
      },
    },
    performance: production
      ? {
          hints: 'warning',
          // Uncompressed sizes; the 200 KB gzip budget is checked by scripts/bundle-report.js.
          maxEntrypointSize: 900 * 1024,
          maxAssetSize: 900 * 1024,
          assetFilter: (file) => file.endsWith('.js') && !LAZY_LARGE_CHUNK.test(file),
        }
      : false,
    devServer: {
      port: DEV_PORT,
      server: httpsServer(),
      open: false,
      historyApiFallback: false,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: { warnings: false, errors: true } },
      onListening(devServer) {
        if (!devServer) return;
        const log = devServer.compiler.getInfrastructureLogger('budgetkoll');
        log.info(`Lekplats: ${DEV_URL}playground.html`);
        log.info(`Aktivitetsfönster: ${DEV_URL}taskpane.html`);
        log.info(`Manifest: ${path.resolve(__dirname, 'manifest.xml')}`);
      },
    },
  };
};
