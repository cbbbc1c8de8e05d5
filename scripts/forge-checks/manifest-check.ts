/**
 * Full offline validation of manifest.yml with @forge/manifest (the same checks `forge lint`
 * and `forge deploy` run), with one allowance: the Custom UI builds under static/<page>/build
 * are produced by the build, not kept in git, so while one is missing its "missing resource"
 * errors are reported apart, as a build still to do, instead of as manifest errors.
 */
import fs from 'fs';
import path from 'path';
import { errors as forgeText, validate } from '@forge/manifest';
import type { ManifestSchema, ValidationError } from '@forge/manifest';

export interface ManifestProblem {
  line?: number;
  column?: number;
  message: string;
}

export interface ManifestCheck {
  /** Problems that make the manifest undeployable. */
  errors: ManifestProblem[];
  /** Warnings from the validator. */
  warnings: ManifestProblem[];
  /** Custom UI build folders that do not exist yet (relative to the project). */
  unbuilt: string[];
  /** The parsed manifest, when it could be read at all. */
  manifest?: ManifestSchema;
}

const BUILD_FOLDER = /^static\/[^/]+\/build\/?$/;

function isBuilt(projectDir: string, folder: string): boolean {
  return fs.existsSync(path.join(projectDir, folder, 'index.html'));
}

/** The messages @forge/manifest gives for a resource folder that is absent or incomplete. */
function awaitingBuildMessages(folder: string, resourceKey: string): Array<(message: string) => boolean> {
  const exact = [
    forgeText.resources.missingResource(folder, resourceKey),
    forgeText.resources.emptyDirectory(folder, resourceKey),
  ];
  const marker = '\u0000';
  const [entryPrefix = '', entrySuffix = ''] = forgeText.resources.missingEntrypoint(folder, marker).split(marker);
  return [
    (message) => exact.includes(message),
    (message) => message.startsWith(entryPrefix) && message.endsWith(entrySuffix),
  ];
}

export async function checkManifest(projectDir: string): Promise<ManifestCheck> {
  const manifestPath = path.join(projectDir, 'manifest.yml');
  const result = await validate(false, manifestPath);
  const manifest = result.manifestObject?.typedContent as ManifestSchema | undefined;

  const unbuilt = (manifest?.resources ?? [])
    .filter((resource) => BUILD_FOLDER.test(resource.path) && !isBuilt(projectDir, resource.path))
    .map((resource) => ({ folder: resource.path, matchers: awaitingBuildMessages(resource.path, resource.key) }));
  const awaitsBuild = (problem: ValidationError) =>
    unbuilt.some(({ matchers }) => matchers.some((matches) => matches(problem.message)));

  const problems = result.errors ?? [];
  const toProblem = ({ line, column, message }: ValidationError): ManifestProblem => ({ line, column, message });
  return {
    errors: problems.filter((p) => p.level === 'error' && !awaitsBuild(p)).map(toProblem),
    warnings: problems.filter((p) => p.level === 'warning').map(toProblem),
    unbuilt: unbuilt.map(({ folder }) => folder),
    manifest,
  };
}

export function formatProblem(file: string, problem: ManifestProblem): string {
  const at = problem.line !== undefined ? `:${problem.line}:${problem.column ?? 0}` : '';
  return `${file}${at}  ${problem.message}`;
}
