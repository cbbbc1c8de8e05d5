/**
 * `npm run lint:cycles`: fails on any import cycle between the project's own files. Type-only
 * imports count too: a cycle of types still ties two files into one unit to read and change.
 */
import fs from 'fs';
import path from 'path';
import ts from 'typescript';

const projectDir = path.resolve(__dirname, '..');
const ROOTS = ['src', 'cli', 'static', 'sandbox', 'bench', 'scripts', 'bin', 'test'];
const SOURCE = /\.(ts|tsx|js|cjs|mjs)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'build', 'dist', 'coverage']);
const RESOLVED_SUFFIXES = ['', '.ts', '.tsx', '.js', '.cjs', '.mjs', '/index.ts', '/index.tsx', '/index.js'];

export type ImportGraph = Map<string, string[]>;

function sourceFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return SKIPPED_DIRS.has(entry.name) || entry.name.startsWith('.') ? [] : sourceFilesUnder(full);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolveRelative(fromFile: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  return RESOLVED_SUFFIXES.map((suffix) => base + suffix).find((candidate) => files.has(candidate));
}

/** Every file's relative imports (static, type-only, `export … from`, `require`, `import()`), as project-relative paths. */
export function importGraph(dir = projectDir, roots = ROOTS): ImportGraph {
  const files = roots.flatMap((root) => sourceFilesUnder(path.join(dir, root)));
  const known = new Set(files);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map(({ fileName }) => fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolveRelative(file, specifier, known))
      .filter((target): target is string => target !== undefined)
      .map((target) => path.relative(dir, target));
    graph.set(path.relative(dir, file), [...new Set(targets)]);
  }
  return graph;
}

/** The groups of files that import each other, directly or around a loop (Tarjan's strongly connected components). */
export function importCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];

  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
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
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(group.sort());
  };

  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

export const cycleName = (files: readonly string[]) => files.join(' ↔ ');

if (require.main === module) {
  const graph = importGraph();
  const cycles = importCycles(graph).map(cycleName);
  for (const name of cycles) process.stdout.write(`import cycle: ${name}\n`);
  process.stdout.write(`import cycles: ${graph.size} files checked, ${cycles.length} cycle(s)\n`);
  process.exitCode = cycles.length > 0 ? 1 : 0;
}
