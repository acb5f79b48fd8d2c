/** The pages' Content-Security-Policy (docs/quality.md, Security): only this site and office.js's CDN. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
const src = join(__dirname, '..', '..', 'src');

/** The policy of a page's CSP meta tag, as directive → sources. */
function policy(page: string): Map<string, string[]> {
  const html = readFileSync(join(src, page), 'utf8');
  const meta = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
  if (!meta) throw new Error(`${page} has no Content-Security-Policy`);
  return new Map(
    meta[1]
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

const OFFICE_PAGES = ['taskpane/taskpane.html', 'commands/commands.html', 'commands/error-dialog.html'];

describe.each(OFFICE_PAGES)('%s', (page) => {
  const csp = policy(page);

  it('lets office.js frame its own error messages from its CDN, and nothing else', () => {
    expect(csp.get('frame-src')).toEqual([OFFICE_CDN]);
  });

  it('loads scripts only from this site and office.js\'s CDN, never eval', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'", OFFICE_CDN]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it('loads office.js from the CDN', () => {
    expect(readFileSync(join(src, page), 'utf8')).toContain(`<script src="${OFFICE_CDN}/lib/1/hosted/office.js"></script>`);
  });
});
