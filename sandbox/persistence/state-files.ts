import * as fs from 'fs';
import * as path from 'path';

/** Writes JSON atomically: a temp file, then a rename, so a crash never leaves half a file. */
export function saveJson(dir: string, name: string, data: unknown): void {
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, name);
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(data));
  fs.renameSync(tmp, target);
}

export function loadJson<T>(dir: string, name: string): T | undefined {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (e) {
    throw new Error(
      `sandbox state file ${file} is not valid JSON (${(e as Error).message}); remove it to start afresh`,
    );
  }
}
