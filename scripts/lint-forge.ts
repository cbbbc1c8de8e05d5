/**
 * `npm run lint:forge`: the checks of `forge lint`, offline. Validates manifest.yml in full and
 * runs Forge's client-side linters on src/. Exits non-zero on any error; warnings are shown.
 */
import path from 'path';
import { problemCount, reportLintResults } from '@forge/lint';
import { checkManifest, formatProblem } from './forge-checks/manifest-check';
import { runForgeLinters, sourceFiles, specsDirFor } from './forge-checks/forge-lint';

const projectDir = path.resolve(__dirname, '..');
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const check = await checkManifest(projectDir);
  say(`manifest.yml: ${check.errors.length} error(s), ${check.warnings.length} warning(s)`);
  for (const problem of check.errors) say(`  error    ${formatProblem('manifest.yml', problem)}`);
  for (const problem of check.warnings) say(`  warning  ${formatProblem('manifest.yml', problem)}`);
  if (check.unbuilt.length > 0) {
    say(`  note     not built yet: ${check.unbuilt.join(', ')}; their resource checks are skipped.`);
    say('           Build the pages before `forge deploy`; they are checked once built.');
  }
  if (!check.manifest) {
    say('Forge linters: skipped, the manifest could not be read.');
    return 1;
  }

  const logger = { info: (message: string) => say(message) };
  const { results, permissionsChecked, skipped } = await runForgeLinters(projectDir, check.manifest, logger);
  if (!permissionsChecked) {
    say(
      `Forge linters: ${path.relative(projectDir, specsDirFor(projectDir))} is absent, so the scope check of REST calls is skipped; the other linters ran.`,
    );
  }
  say(`Forge linters (${sourceFiles(projectDir).length} files under src/):`);
  reportLintResults(logger, results);
  if (skipped.length > 0) {
    say(
      `  error    ${skipped.length} file(s) were not linted, for example ${skipped[0]}: tsconfig.json's "include" must list`,
    );
    say("           globs (src/**/*), not folders, or Forge's linter (and `forge lint`) skips them.");
  }
  const counts = problemCount(results);
  const errors = check.errors.length + counts.errors + (skipped.length > 0 ? 1 : 0);
  say(errors === 0 ? 'lint:forge: no errors.' : `lint:forge: ${errors} error(s).`);
  return errors === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`lint:forge: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
