import fs from 'fs';
import os from 'os';
import path from 'path';
import { cycleName, importCycles, importGraph, type ImportGraph } from '../../scripts/import-cycles';

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe('the import cycle check', () => {
  it('finds two files that import each other, and a longer loop, and nothing in a tree', () => {
    const cycles = importCycles(
      graphOf({
        'a.ts': ['b.ts'],
        'b.ts': ['a.ts', 'c.ts'],
        'c.ts': [],
        'd.ts': ['e.ts'],
        'e.ts': ['f.ts'],
        'f.ts': ['d.ts'],
      }),
    );
    expect(cycles).toEqual([
      ['a.ts', 'b.ts'],
      ['d.ts', 'e.ts', 'f.ts'],
    ]);
    expect(importCycles(graphOf({ 'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['c.ts'], 'c.ts': [] }))).toEqual([]);
  });

  it('reads type-only imports, re-exports, require() and import() from the files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cycles-'));
    try {
      fs.mkdirSync(path.join(dir, 'src', 'panel'), { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'src', 'run.ts'),
        "import type { Figures } from './report';\nexport const run = 1;\n",
      );
      fs.writeFileSync(
        path.join(dir, 'src', 'report.ts'),
        "export { run } from './run';\nexport type Figures = number;\n",
      );
      fs.writeFileSync(
        path.join(dir, 'src', 'panel', 'index.tsx'),
        "const x = require('../lazy');\nexport default x;\n",
      );
      fs.writeFileSync(
        path.join(dir, 'src', 'lazy.ts'),
        "export const load = () => import('./panel');\nimport 'zod';\n",
      );
      const cycles = importCycles(importGraph(dir, ['src']));
      expect(cycles.map(cycleName)).toEqual(['src/lazy.ts ↔ src/panel/index.tsx', 'src/report.ts ↔ src/run.ts']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds none between the project’s own files', () => {
    expect(importCycles(importGraph()).map(cycleName)).toEqual([]);
  });

  it('keeps the command-line tool outside what deploys: nothing in src/ or sandbox/ imports cli/', () => {
    const graph = importGraph();
    const offenders = [...graph].filter(
      ([file, targets]) => /^(src|sandbox)\//.test(file) && targets.some((t) => t.startsWith('cli/')),
    );
    expect(offenders).toEqual([]);
    expect(graph.has('cli/main.ts')).toBe(true);
  });
});
