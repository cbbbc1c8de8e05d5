/**
 * Builds the Custom UI pages for Forge's static hosting: one folder per page under
 * `static/<page>/build/` holding `index.html`, `main.js` and (when a page has styles) `main.css`,
 * referenced by relative paths so the pages work wherever Forge serves them.
 */
import { analyzeMetafile, build, type Plugin } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const PAGES = [
  { dir: 'issue-panel', title: 'Cloud Fortified' },
  { dir: 'global-page', title: 'Cloud Fortified apps' },
  { dir: 'admin-page', title: 'Cloud Fortified settings' },
  { dir: 'portal-panel', title: 'Cloud Fortified review' },
] as const;

const root = resolve(__dirname, '..');

/**
 * Leaves out what a Forge page never runs, to keep the panel small:
 * - the theme style sheets: with `view.theme.enable()` the Jira host applies the theme;
 * - the feature-gate client: nothing initialises it in a Custom UI frame, where every
 *   Atlaskit platform flag then resolves to false — the stub answers the same.
 */
const hostProvided: Plugin = {
  name: 'host-provided',
  setup(b) {
    b.onResolve({ filter: /^\.\/themes\// }, (args) =>
      /theme-import-map\.js$/.test(args.importer) ? { path: args.path, namespace: 'host-provided-theme' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'host-provided-theme' }, () => ({
      contents: 'export default "";',
      loader: 'js',
    }));
    b.onResolve({ filter: /^@atlaskit\/feature-gate-js-client\/feature-gates$/ }, (args) => ({
      path: args.path,
      namespace: 'feature-gates-off',
    }));
    b.onLoad({ filter: /.*/, namespace: 'feature-gates-off' }, () => ({
      contents:
        'export default { checkGate: function () { return false; }, initializeCalled: function () { return false; } };',
      loader: 'js',
    }));
  },
};

/** Every source file of the pages. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'build' || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * `token()` for the pages' own code: the same CSS variables as `@atlaskit/tokens`, looked up in
 * a table of only the tokens the pages name, instead of the package's table of every token
 * (about 38 KB). Atlaskit components keep the package's own function. A name the table lacks
 * fails the build, so a page never renders an empty variable.
 */
function pageTokens(): Plugin {
  const staticDir = join(root, 'static');
  return {
    name: 'page-tokens',
    setup(b) {
      b.onResolve({ filter: /^@atlaskit\/tokens$/ }, (args) =>
        ownSource(args.importer) ? { path: 'page-tokens', namespace: 'page-tokens' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'page-tokens' }, () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const all = (require('@atlaskit/tokens/token-names') as { default: Record<string, string> }).default;
        const used: Record<string, string> = {};
        for (const file of sourceFiles(staticDir)) {
          for (const m of readFileSync(file, 'utf8').matchAll(/['"]([a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9[\]]+)+)['"]/g)) {
            const name = m[1] as string;
            if (all[name]) used[name] = all[name];
          }
        }
        return {
          loader: 'js',
          contents: [
            `var names = ${JSON.stringify(used)};`,
            'export function token(name, fallback) {',
            '  var variable = names[name];',
            '  if (!variable) throw new Error("unknown design token " + name);',
            '  return fallback ? "var(" + variable + ", " + fallback + ")" : "var(" + variable + ")";',
            '}',
          ].join('\n'),
        };
      });
    },
  };
}

const ownSource = (importer: string) =>
  importer.startsWith(join(root, 'static') + sep) && !importer.includes(`${sep}node_modules${sep}`);

/** The parts of `@forge/bridge` the pages use; a page importing anything else fails the build. */
const BRIDGE_PARTS: Record<string, string> = { invoke: 'invoke', view: 'view', router: 'router', requestJira: 'fetch' };

/**
 * `@forge/bridge` is CommonJS whose index loads every part (modals, realtime, object store,
 * Rovo, the ADF renderer and its iframe-resizer), which a bundler cannot shake off; the pages
 * load only the parts they call. The ADF renderer's resizer is never run by these pages.
 */
const bridgeParts: Plugin = {
  name: 'bridge-parts',
  setup(b) {
    const out = join(root, 'node_modules', '@forge', 'bridge', 'out');
    b.onResolve({ filter: /^@forge\/bridge$/ }, (args) =>
      ownSource(args.importer) ? { path: 'bridge', namespace: 'bridge-parts' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'bridge-parts' }, () => ({
      loader: 'js',
      resolveDir: out,
      contents: Object.entries(BRIDGE_PARTS)
        .map(([name, dir]) => `export { ${name} } from ${JSON.stringify(join(out, dir, 'index.js'))};`)
        .join('\n'),
    }));
    b.onResolve({ filter: /^iframe-resizer$/ }, (args) =>
      args.importer.startsWith(out) ? { path: 'iframe-resizer', namespace: 'bridge-parts-unused' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'bridge-parts-unused' }, () => ({
      loader: 'js',
      contents: 'export function iframeResizer() { throw new Error("the ADF renderer is not part of this page"); }',
    }));
  },
};

function html(title: string, withCss: boolean): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    withCss ? '<link rel="stylesheet" href="./main.css">' : '',
    '</head>',
    '<body>',
    '<div id="root"></div>',
    '<script src="./main.js"></script>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

export interface PageSize {
  page: string;
  jsBytes: number;
  jsGzipBytes: number;
}

/** Builds every page; with `analyze`, prints what each bundle is made of, largest first. */
export async function buildPages(options: { analyze?: boolean } = {}): Promise<PageSize[]> {
  const sizes: PageSize[] = [];
  for (const page of PAGES) {
    const out = join(root, 'static', page.dir, 'build');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const result = await build({
      entryPoints: [join(root, 'static', page.dir, 'index.tsx')],
      outfile: join(out, 'main.js'),
      bundle: true,
      minify: true,
      format: 'iife',
      platform: 'browser',
      target: ['es2020'],
      jsx: 'automatic',
      legalComments: 'none',
      logLevel: 'warning',
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      plugins: [hostProvided, pageTokens(), bridgeParts],
      metafile: options.analyze === true,
      loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
    });
    if (result.metafile) console.log(`${page.dir}:${await analyzeMetafile(result.metafile, { verbose: false })}`);
    const withCss = existsSync(join(out, 'main.css'));
    writeFileSync(join(out, 'index.html'), html(page.title, withCss));
    const js = readFileSync(join(out, 'main.js'));
    sizes.push({ page: page.dir, jsBytes: js.length, jsGzipBytes: gzipSync(js, { level: 9 }).length });
  }
  return sizes;
}

if (require.main === module) {
  buildPages({ analyze: process.argv.includes('--analyze') })
    .then((sizes) => {
      for (const s of sizes) {
        console.log(
          `${s.page}: main.js ${(s.jsBytes / 1024).toFixed(1)} KiB, ${(s.jsGzipBytes / 1024).toFixed(1)} KiB gzipped`,
        );
      }
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
