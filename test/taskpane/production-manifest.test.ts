/**
 * The production manifest: `npm run build` needs ADDIN_PUBLIC_URL (one clear line without it), writes
 * the production Id and the public addresses; the root manifest is the development add-in with an Id
 * of its own. Tested on scripts/addin-config.js and on the webpack config function, without running
 * webpack.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../scripts/addin-config') as {
  DEV_URL: string;
  DEV_ADDIN_ID: string;
  PRODUCTION_ADDIN_ID: string;
  AddinConfigError: new (message: string) => Error;
  resolvePublicUrl(raw: string | undefined): string;
  productionManifest(content: string | Buffer, publicUrl: string | undefined): string;
};

const root = join(__dirname, '..', '..');
const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8');
const PUBLIC = 'https://budgetkoll.kommun.se/excel/';

const idOf = (xml: string) => xml.match(/<Id>([^<]+)<\/Id>/)?.[1];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('add-in Ids', () => {
  it('the root manifest is the development add-in, with an Id of its own', () => {
    expect(config.DEV_ADDIN_ID).toMatch(GUID);
    expect(config.PRODUCTION_ADDIN_ID).toMatch(GUID);
    expect(config.DEV_ADDIN_ID).not.toBe(config.PRODUCTION_ADDIN_ID);
    expect(idOf(manifest)).toBe(config.DEV_ADDIN_ID);
  });

  it('keeps the production Id the add-in was first published with', () => {
    expect(config.PRODUCTION_ADDIN_ID).toBe('c3562627-7136-418e-886e-9d7fa9b61e7c');
  });
});

describe('resolvePublicUrl', () => {
  it.each([undefined, '', '   '])('refuses a missing ADDIN_PUBLIC_URL (%p) with one line saying what to set', (raw) => {
    expect(() => config.resolvePublicUrl(raw)).toThrow(config.AddinConfigError);
    try {
      config.resolvePublicUrl(raw);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).not.toContain('\n');
      expect(message).toContain('ADDIN_PUBLIC_URL=https://');
      expect(message).toContain('npm run build');
    }
  });

  it.each(['http://budgetkoll.kommun.se/', 'budgetkoll.kommun.se', 'https://x.se/?a=1', 'https://localhost:3000/'])('refuses %p', (raw) => {
    expect(() => config.resolvePublicUrl(raw)).toThrow(config.AddinConfigError);
  });

  it('accepts an https address and ends it with "/"', () => {
    expect(config.resolvePublicUrl('https://budgetkoll.kommun.se')).toBe('https://budgetkoll.kommun.se/');
    expect(config.resolvePublicUrl(' https://kommun.se/excel/budgetkoll ')).toBe('https://kommun.se/excel/budgetkoll/');
  });
});

describe('productionManifest', () => {
  const production = config.productionManifest(manifest, PUBLIC);

  it('says it is generated, not that it is the development add-in', () => {
    expect(production).toMatch(/production manifest/);
    expect(production).not.toMatch(/development add-in|localhost/);
  });

  it('has the production Id and no development Id', () => {
    expect(idOf(production)).toBe(config.PRODUCTION_ADDIN_ID);
    expect(production).not.toContain(config.DEV_ADDIN_ID);
  });

  it('points every address at ADDIN_PUBLIC_URL and the AppDomain at its origin', () => {
    expect(production).not.toMatch(/localhost:3000|example\.(se|org|com)/);
    const urls = [...production.matchAll(/https:\/\/[^"<\s]+/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((url) => !url.startsWith(PUBLIC) && url !== 'https://budgetkoll.kommun.se')).toEqual([]);
    expect(production).toContain('<AppDomain>https://budgetkoll.kommun.se</AppDomain>');
    expect(production).toContain(`<SourceLocation DefaultValue="${PUBLIC}taskpane.html" />`);
  });

  it('changes nothing else', () => {
    const normalise = (xml: string) =>
      xml
        .replace(/<!--[\s\S]*?-->/, '<!---->')
        .replace(/<Id>[^<]+<\/Id>/, '<Id/>')
        .split(PUBLIC)
        .join(config.DEV_URL)
        .split('https://budgetkoll.kommun.se')
        .join(config.DEV_URL.slice(0, -1));
    expect(normalise(production)).toBe(normalise(manifest));
  });

  it('refuses a root manifest without the development Id', () => {
    expect(() => config.productionManifest(manifest.replace(config.DEV_ADDIN_ID, config.PRODUCTION_ADDIN_ID), PUBLIC)).toThrow(
      config.AddinConfigError,
    );
  });
});

describe('webpack.config.js', () => {
  type Pattern = { from: string; transform?: (content: Buffer) => string };
  type Config = { plugins: { patterns?: Pattern[] }[] };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpackConfig = require('../../webpack.config.js') as (env: unknown, argv: { mode?: string }) => Config;
  const saved = process.env.ADDIN_PUBLIC_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = saved;
    jest.restoreAllMocks();
  });

  const manifestPattern = (built: Config) =>
    built.plugins.flatMap((plugin) => plugin.patterns ?? []).find((pattern) => pattern.from === 'manifest.xml');

  it('a production build without ADDIN_PUBLIC_URL exits 1 with one line saying what to set', () => {
    delete process.env.ADDIN_PUBLIC_URL;
    const written: string[] = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const exit = jest.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    expect(() => webpackConfig({}, { mode: 'production' })).toThrow('exit 1');
    expect(exit).toHaveBeenCalledWith(1);
    const text = written.join('');
    expect(text.trimEnd().split('\n')).toHaveLength(1);
    expect(text).toContain('ADDIN_PUBLIC_URL=');
  });

  it('development builds and the dev server need no ADDIN_PUBLIC_URL and copy the root manifest as it is', () => {
    delete process.env.ADDIN_PUBLIC_URL;
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const pattern = manifestPattern(webpackConfig({}, { mode: 'development' }));
    expect(exit).not.toHaveBeenCalled();
    expect(pattern?.transform).toBeUndefined();
  });

  it('a production build writes the production manifest for ADDIN_PUBLIC_URL', () => {
    process.env.ADDIN_PUBLIC_URL = PUBLIC;
    const transform = manifestPattern(webpackConfig({}, { mode: 'production' }))?.transform;
    expect(transform).toBeDefined();
    const written = transform!(Buffer.from(manifest));
    expect(idOf(written)).toBe(config.PRODUCTION_ADDIN_ID);
    expect(written).not.toMatch(/localhost|example\.se/);
  });
});
