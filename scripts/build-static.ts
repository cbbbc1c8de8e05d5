/**
 * Builds the Custom UI pages for Forge's static hosting: one folder per page under
 * `static/<page>/build/` holding `index.html`, `main.js` and (when a page has styles) `main.css`,
 * referenced by relative paths so the pages work wherever Forge serves them.
 */
import { build, type Plugin } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const PAGES = [
  { dir: 'issue-panel', title: 'Cloud Fortified' },
  { dir: 'global-page', title: 'Cloud Fortified apps' },
  { dir: 'admin-page', title: 'Cloud Fortified settings' },
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
    b.onLoad({ filter: /.*/, namespace: 'host-provided-theme' }, () => ({ contents: 'export default "";', loader: 'js' }));
    b.onResolve({ filter: /^@atlaskit\/feature-gate-js-client\/feature-gates$/ }, (args) => ({ path: args.path, namespace: 'feature-gates-off' }));
    b.onLoad({ filter: /.*/, namespace: 'feature-gates-off' }, () => ({
      contents: 'export default { checkGate: function () { return false; }, initializeCalled: function () { return false; } };',
      loader: 'js',
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

export async function buildPages(): Promise<{ page: string; jsBytes: number; jsGzipBytes: number }[]> {
  const sizes: { page: string; jsBytes: number; jsGzipBytes: number }[] = [];
  for (const page of PAGES) {
    const out = join(root, 'static', page.dir, 'build');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    await build({
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
      plugins: [hostProvided],
      loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
    });
    const withCss = existsSync(join(out, 'main.css'));
    writeFileSync(join(out, 'index.html'), html(page.title, withCss));
    const js = readFileSync(join(out, 'main.js'));
    sizes.push({ page: page.dir, jsBytes: js.length, jsGzipBytes: gzipSync(js, { level: 9 }).length });
  }
  return sizes;
}

if (require.main === module) {
  buildPages()
    .then((sizes) => {
      for (const s of sizes) {
        console.log(`${s.page}: main.js ${(s.jsBytes / 1024).toFixed(1)} KiB, ${(s.jsGzipBytes / 1024).toFixed(1)} KiB gzipped`);
      }
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
