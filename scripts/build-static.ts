/**
 * Builds the Custom UI pages for Forge's static hosting: one folder per page under
 * `static/<page>/build/` holding `index.html`, `main.js` and (when a page has styles) `main.css`,
 * referenced by relative paths so the pages work wherever Forge serves them.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const PAGES = [
  { dir: 'issue-panel', title: 'Cloud Fortified' },
  { dir: 'global-page', title: 'Cloud Fortified apps' },
  { dir: 'admin-page', title: 'Cloud Fortified settings' },
] as const;

const root = resolve(__dirname, '..');

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
