import fs from 'fs';
import path from 'path';
import { ContractChecker, defaultSpecsDir } from '../../sandbox/jira/contract-check';
import { specsDirFor, specsPresent } from '../../scripts/forge-checks/forge-lint';

const projectDir = path.resolve(__dirname, '../..');

/** A fresh clone with nothing beside it passes `npm ci && npm test`. */
describe('the project stands alone', () => {
  test('the sandbox and the Forge linters read the specs kept in the project', () => {
    expect(defaultSpecsDir(projectDir)).toBe(path.join(projectDir, 'specs'));
    expect(specsDirFor(projectDir)).toBe(path.join(projectDir, 'specs'));
    expect(new ContractChecker(defaultSpecsDir(projectDir)).enabled).toBe(true);
    expect(specsPresent(specsDirFor(projectDir))).toBe(true);
    expect(fs.readFileSync(path.join(projectDir, 'specs/SOURCES.md'), 'utf8')).toMatch(
      /robertmassaioli\/forge-clients/,
    );
  });

  test('nothing in the project reaches outside it for files', () => {
    const roots = [
      'src',
      'sandbox',
      'scripts',
      'test',
      'bench',
      'bin',
      '.ci',
      'package.json',
      'jest.config.js',
      'eslint.config.mjs',
    ];
    const offenders: string[] = [];
    const visit = (rel: string) => {
      const full = path.join(projectDir, rel);
      if (fs.statSync(full).isDirectory()) {
        for (const name of fs.readdirSync(full)) visit(path.join(rel, name));
        return;
      }
      if (rel === path.join('test', 'unit', 'standalone.test.ts')) return;
      const text = fs.readFileSync(full, 'utf8');
      if (/\.\.\/shared\b|'\.\.', 'shared'/.test(text)) offenders.push(rel);
    };
    for (const root of roots) if (fs.existsSync(path.join(projectDir, root))) visit(root);
    expect(offenders).toEqual([]);
  });
});

describe('CI', () => {
  test('builds the pages once', () => {
    const script = fs.readFileSync(path.join(projectDir, '.ci/run'), 'utf8');
    const testScript =
      (
        JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as {
          scripts: Record<string, string>;
        }
      ).scripts.test ?? '';
    const commands = script.split('\n').filter((line) => !line.trim().startsWith('#'));
    const builds = commands.filter(
      (line) => /\bnpm run build\b/.test(line) || (/\bnpm test\b/.test(line) && /npm run build/.test(testScript)),
    ).length;
    expect(builds).toBe(1);
  });
});
