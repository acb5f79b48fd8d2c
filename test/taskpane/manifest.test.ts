/** The manifest (owned with the task pane) stays in step with the Office adapter and the build. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_EXCEL_API } from '../../src/io/office/requirements';

const manifest = readFileSync(join(__dirname, '..', '..', 'manifest.xml'), 'utf8');

describe('manifest.xml', () => {
  it('requires the ExcelApi version the Office adapter needs', () => {
    expect(manifest).toMatch(new RegExp(`<Set Name="ExcelApi" MinVersion="${MIN_EXCEL_API.replace('.', '\\.')}"\\s*/>`));
  });

  it('asks for ReadWriteDocument and nothing broader', () => {
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  });

  it('points only at the development server, which the production build rewrites', () => {
    const urls = [...manifest.matchAll(/https:\/\/[^"<\s]+/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith('https://localhost:3000'))).toEqual([]);
  });

  it('has a ribbon command for every function the FunctionFile registers', () => {
    const commands = readFileSync(join(__dirname, '..', '..', 'src', 'commands', 'commands.ts'), 'utf8');
    const registered = [...commands.matchAll(/associate\('(\w+)'/g)].map((m) => m[1]).sort();
    const inManifest = [...manifest.matchAll(/<FunctionName>(\w+)<\/FunctionName>/g)].map((m) => m[1]).sort();
    expect(inManifest).toEqual(registered);
  });
});
