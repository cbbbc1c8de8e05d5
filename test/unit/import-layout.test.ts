import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, folder))) {
    const path = join(folder, name);
    if (name === 'node_modules' || name === 'build') continue;
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** The project files a file imports (static and dynamic imports, `export ... from`). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specs.map((spec) => {
    const base = relative(ROOT, resolve(ROOT, dirname(file), spec));
    for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base]) {
      try {
        if (statSync(join(ROOT, candidate)).isFile()) return candidate;
      } catch {
        // not this one
      }
    }
    return base;
  });
}

function cycleFrom(files: string[]): string[] | null {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'done' || !graph.has(file)) return null;
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of files) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

describe('the layout shows what deploys', () => {
  it('the command-line tool lives outside src/, and nothing in src/ or sandbox/ imports it', () => {
    const deployed = [...sourceFiles('src'), ...sourceFiles('sandbox')];
    const offenders = deployed.filter((file) => importsOf(file).some((target) => target.startsWith('cli/')));
    expect(offenders).toEqual([]);
    expect(sourceFiles('cli')).toContain('cli/main.ts');
  });

  it.each(['cli', 'static'])('the files in %s/ import each other without a cycle', (folder) => {
    expect(cycleFrom(sourceFiles(folder))).toBeNull();
  });
});
