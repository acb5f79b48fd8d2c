/**
 * The import graph of src/ (docs/architecture.md, "Layers and folders"): no import circle, and no
 * import from a lower layer to a higher one (core ← io ← jobs ← cli / taskpane / playground).
 * ESLint refuses a wrong import as it is typed; this test sees the whole graph, including circles
 * that only types close, which a per-file rule cannot see.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');

/** What each top folder of src/ may import from (besides itself). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  io: ['core'],
  jobs: ['core'],
  cli: ['core', 'io', 'jobs'],
  commands: ['core', 'io'],
  taskpane: ['core', 'io', 'jobs'],
  // The playground hosts the task pane beside its grid.
  playground: ['core', 'io', 'jobs', 'taskpane'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

function importGraph(): Map<string, string[]> {
  const files = sourceFiles(SRC).map((f) => relative(SRC, f).split('\\').join('/'));
  const known = new Set(files);
  const resolve = (from: string, spec: string): string | null => {
    const base = join(dirname(from), spec).split('\\').join('/');
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
      if (known.has(candidate)) return candidate;
    }
    return null;
  };
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(SRC, file), 'utf8');
    const targets: string[] = [];
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? match[3];
      if (!spec.startsWith('.')) continue;
      const target = resolve(file, spec);
      if (target) targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan). */
function circles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

const topFolder = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '');

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('is read: it holds the files and their imports', () => {
    expect(graph.size).toBeGreaterThan(300);
    expect(graph.get('core/recognition/locate.ts')).toContain('core/inputs/catalogue.ts');
    expect(graph.get('cli/main.ts')?.length).toBeGreaterThan(0);
  });

  it('has no import circle', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('finds a circle when there is one (the check itself)', () => {
    const withCircle = new Map(graph);
    withCircle.set('core/a1.ts', [...(graph.get('core/a1.ts') ?? []), 'core/recognition/locate.ts']);
    expect(circles(withCircle).some((c) => c.includes('core/a1.ts') && c.includes('core/recognition/locate.ts'))).toBe(true);
  });

  it('imports only downward: core ← io ← jobs ← cli / taskpane / playground', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      const from = topFolder(file);
      const allowed = MAY_IMPORT[from];
      if (!allowed) continue; // files directly in src/ (entry points) compose everything
      for (const target of targets) {
        const to = topFolder(target);
        if (to !== from && !allowed.includes(to)) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('knows every top folder of src/', () => {
    const folders = new Set([...graph.keys()].map(topFolder).filter((f) => f !== ''));
    expect([...folders].filter((f) => !(f in MAY_IMPORT))).toEqual([]);
  });
});

describe('the files of src/', () => {
  it('are at most 400 lines each (docs/architecture.md, "Invariants")', () => {
    const tooLong = sourceFiles(SRC)
      .map((file) => ({ file: relative(SRC, file), lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > 400)
      .map((f) => `${f.file}: ${f.lines}`);
    expect(tooLong).toEqual([]);
  });
});
