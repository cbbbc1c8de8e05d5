/**
 * `npm start`: the app on this machine. Builds are made by the npm script; this starts the sandbox
 * with the demo data (kept in .sandbox-data/, `npm start -- --reset` starts over) and serves the
 * local site on 127.0.0.1 (port from PORT, default 4040).
 *
 * Options: `--reset`; `--data-dir DIR` (default .sandbox-data); `--seed demo|people` (people: the
 * program's staff and three untracked tickets); `--now ISO` (the sandbox's first instant, people only).
 */
import * as fs from 'fs';
import * as path from 'path';
import { createSandbox } from '../index';
import { addPartnerTicket, demoUsers, seedDemoData, seedPeople } from '../demo-data';
import { startLocalSite } from './server';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const reset = args.includes('--reset');
  const seed = option('--seed') ?? 'demo';
  if (seed !== 'demo' && seed !== 'people') throw new Error(`--seed takes demo or people, not "${seed}"`);
  const port = Number(process.env.PORT ?? 4040);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
  const dataDir = path.resolve(option('--data-dir') ?? path.resolve(__dirname, '../../.sandbox-data'));
  if (reset) fs.rmSync(dataDir, { recursive: true, force: true });
  const fresh = !fs.existsSync(path.join(dataDir, 'jira.json'));

  const sandbox = await createSandbox({ dataDir });
  if (fresh && seed === 'demo') {
    console.log('Seeding the demo data (the real resolvers and sweep, day by day)…');
    await seedDemoData(sandbox, (line) => console.log(line));
  }
  if (fresh && seed === 'people') {
    const now = option('--now');
    if (now) sandbox.clock.set(now);
    seedPeople(sandbox);
    for (const app of ['Atlas Timesheets', 'Beacon Backup', 'Comet Charts']) addPartnerTicket(sandbox, app);
  }
  const site = await startLocalSite({ sandbox, users: demoUsers(sandbox), port });
  console.log(
    `Cloud Fortified Tracker is running at ${site.url} (sandbox day ${sandbox.clock.today()}; data in ${path.relative(process.cwd(), dataDir)}/)`,
  );

  const stop = async () => {
    await site.close();
    await sandbox.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
