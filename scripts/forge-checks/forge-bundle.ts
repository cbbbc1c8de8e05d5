import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

/** A function module of manifest.yml: `handler: index.resolver` → module `index`, export `resolver`. */
export interface ManifestHandler {
  functionKey: string;
  module: string;
  exportName: string;
}

export function manifestHandlers(appDirectory: string): ManifestHandler[] {
  const raw = parse(fs.readFileSync(path.join(appDirectory, 'manifest.yml'), 'utf8')) as {
    modules?: { function?: { key: string; handler: string }[] };
  };
  return (raw.modules?.function ?? []).map((f) => {
    const dot = f.handler.lastIndexOf('.');
    return { functionKey: f.key, module: f.handler.slice(0, dot), exportName: f.handler.slice(dot + 1) };
  });
}

export interface BundleResult {
  outputDir: string;
  /** webpack's errors (ts-loader's among them); empty when the build worked. */
  errors: string[];
  files: Record<string, string>;
}

/**
 * Builds the Forge functions as `forge deploy` does: `@forge/bundler`'s own webpack
 * configuration (ts-loader reading the app's `tsconfig.json`), Node target, one entry per
 * handler module, `[name].cjs`.
 */
export async function bundleLikeForge(appDirectory: string, outputDir: string): Promise<BundleResult> {
  // The bundler's own webpack, whatever else is installed.
  const bundlerDir = path.dirname(require.resolve('@forge/bundler/package.json'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require(require.resolve('webpack', { paths: [bundlerDir] })) as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { getCommonWebpackConfig } = require('@forge/bundler/out/config/common') as {
    getCommonWebpackConfig: (args: {
      entryPoints: { name: string; path: string }[];
      appDirectory: string;
      watchMode: boolean;
    }) => import('webpack').Configuration;
  };
  const modules = [...new Set(manifestHandlers(appDirectory).map((h) => h.module))];
  const entryPoints = modules.map((name) => ({ name, path: resolveModule(appDirectory, name) }));
  const config = getCommonWebpackConfig({ entryPoints, appDirectory, watchMode: false });
  config.target = 'node18';
  config.output = { ...config.output, path: outputDir, filename: '[name].cjs' };
  config.devtool = false;
  const stats = await new Promise<import('webpack').Stats | undefined>((resolve, reject) =>
    webpack(config, (error, result) => (error ? reject(error) : resolve(result))),
  );
  const json = stats?.toJson({ all: false, errors: true });
  const errors = (json?.errors ?? []).map((e) => e.message);
  const files = Object.fromEntries(modules.map((name) => [name, path.join(outputDir, `${name}.cjs`)]));
  return { outputDir, errors, files };
}

function resolveModule(appDirectory: string, module: string): string {
  for (const ext of ['.ts', '.tsx', '.js', '.jsx']) {
    const file = path.join(appDirectory, 'src', `${module}${ext}`);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`manifest.yml names the module ${module}, but src/${module}.ts (or .js) does not exist`);
}
