import fs from 'fs';
import os from 'os';
import path from 'path';
import { bundleLikeForge, manifestHandlers, type BundleResult } from '../../scripts/forge-checks/forge-bundle';

const projectDir = path.resolve(__dirname, '../..');

/** What `forge deploy` builds: if this breaks, deploying breaks. Built once for the file. */
describe('the Forge functions, bundled as forge deploy bundles them', () => {
  let outputDir: string;
  let bundle: BundleResult;
  beforeAll(async () => {
    outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cf-forge-bundle-'));
    bundle = await bundleLikeForge(projectDir, outputDir);
  }, 170_000);
  afterAll(() => fs.rmSync(outputDir, { recursive: true, force: true }));

  test('the build has no errors', () => {
    expect(bundle.errors).toEqual([]);
  });

  test.each(manifestHandlers(projectDir).map((h) => [h.functionKey, h] as const))(
    'the bundle exports the handler of function %s',
    (_key, handler) => {
      const file = bundle.files[handler.module] as string;
      expect(fs.existsSync(file)).toBe(true);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const loaded = require(file) as Record<string, unknown>;
      expect(typeof loaded[handler.exportName]).toBe('function');
    },
  );
});
