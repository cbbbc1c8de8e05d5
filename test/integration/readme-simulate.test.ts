import { readFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../cli/main';

const ROOT = join(__dirname, '..', '..');

test("README's simulate sample is what the example fixture prints", async () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /```\n(\{"on":[\s\S]*?)\n```/.exec(readme)?.[1];
  if (!block) throw new Error('README has no simulate sample');
  const sample = block.split('\n').filter((line) => line !== '…');

  const out: string[] = [];
  const io = { stdout: (t: string) => void out.push(t), stderr: () => undefined, readStdin: async () => '' };
  const fixture = join(ROOT, 'test', 'fixtures', 'simulate', 'example.json');
  expect(await main(['simulate', '--fixture', fixture, '--from', '2027-03-01', '--to', '2027-06-15'], io)).toBe(0);

  for (const line of sample) expect(out).toContain(line);
  expect(out[out.length - 1]).toBe(sample[sample.length - 1]);
  expect(out.slice(0, 2)).toEqual(sample.slice(0, 2));
});
