/**
 * Runs @forge/lint's client-side linters (those of `forge lint`) without a login or the
 * network: handlers, scopes the code needs for its REST calls, storage, deprecated APIs.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import ts from 'typescript';
import { getClientSideLintersOnly, lint, parseSourceFile, PermissionLinter } from '@forge/lint';
import type { LintLogger, LintResult } from '@forge/lint';
import { FullManifestLinter } from '@forge/lint/out/lint/linters/manifest-linter/full-manifest-linter';
import type { ManifestSchema } from '@forge/manifest';
import { withDescriptorCalls } from './request-descriptors';

/** Atlassian's OpenAPI specs, kept in the project's specs/ (specs/SOURCES.md says where from). */
export const SPEC_FILES = {
  jira: 'jira-platform.v3.json',
  jsm: 'jira-servicedesk.v3.json',
} as const;

export function specsDirFor(projectDir: string): string {
  return path.resolve(projectDir, 'specs');
}

export function specsPresent(specsDir: string): boolean {
  return Object.values(SPEC_FILES).every((file) => fs.existsSync(path.join(specsDir, file)));
}

/**
 * Points the permission linter at local specs. Without all six variables it downloads them;
 * products the app does not call (Jira Software, Confluence, Bitbucket) get an empty spec.
 */
function useLocalSpecs(specsDir: string): void {
  const emptySpec = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'forge-lint-')), 'no-paths.json');
  fs.writeFileSync(emptySpec, '{"paths":{}}');
  Object.assign(process.env, {
    USE_LOCAL_SWAGGER: '1',
    LOCAL_JIRA_SWAGGER: path.join(specsDir, SPEC_FILES.jira),
    LOCAL_JSM_SWAGGER: path.join(specsDir, SPEC_FILES.jsm),
    LOCAL_JSW_SWAGGER: emptySpec,
    LOCAL_CONF_SWAGGER: emptySpec,
    LOCAL_CONF_V2_SWAGGER: emptySpec,
    LOCAL_BB_SWAGGER: emptySpec,
  });
}

/** The files that deploy: those tsconfig.json (what `forge deploy` compiles) takes in. */
export function sourceFiles(projectDir: string): string[] {
  const configFile = path.join(projectDir, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!parsed) throw new Error(`${configFile} could not be read`);
  return parsed.fileNames
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => path.relative(projectDir, file))
    .sort();
}

export interface ForgeLintRun {
  results: LintResult[];
  /** False when the specs were absent and the permission linter was left out. */
  permissionsChecked: boolean;
  /**
   * Files the linters did not read. Forge's lint keeps only the TypeScript files that
   * tsconfig.json's `include` lists one by one (globs such as `src/**\/*`, not folder names).
   */
  skipped: string[];
}

/** Runs in `projectDir` (the linters read tsconfig.json and manifest.yml from the working directory). */
export async function runForgeLinters(
  projectDir: string,
  manifest: ManifestSchema,
  logger: LintLogger,
): Promise<ForgeLintRun> {
  process.chdir(projectDir);
  const specsDir = specsDirFor(projectDir);
  const permissionsChecked = specsPresent(specsDir);
  if (permissionsChecked) useLocalSpecs(specsDir);

  // Feature flags come from Atlassian's servers in the CLI; offline, no runtime is deprecated.
  const offlineFlags = { getDeprecatedRuntimes: () => Promise.resolve([]) } as unknown as Parameters<typeof lint>[4];
  const linters = (await getClientSideLintersOnly(manifest, 'development', logger, offlineFlags)).filter(
    (linter) =>
      // The full manifest validation is run and reported on its own (see manifest-check.ts).
      !(linter instanceof FullManifestLinter) && (permissionsChecked || !(linter instanceof PermissionLinter)),
  );
  const files = sourceFiles(projectDir);
  const parsed = new Set<string>();
  const results = await lint(files, manifest, 'development', logger, offlineFlags, {
    linter: { mode: 'client-side' },
    linters,
    parseFunction: async (file, parser, readFile) => {
      parsed.add(file);
      return withDescriptorCalls(await parseSourceFile(file, parser, readFile));
    },
  });
  return { results, permissionsChecked, skipped: files.filter((file) => !parsed.has(file)) };
}
