/**
 * Runs a `cf-tracker` command in this process, as bin/cf-tracker.js does in its own: the one
 * place tests name where the command-line tool lives.
 */
import { main } from '../cli/main';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Each line the tool writes ends with a newline, as on a terminal. */
const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

export async function runCli(args: string[], stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    stdout: (text) => void (stdout += line(text)),
    stderr: (text) => void (stderr += line(text)),
    readStdin: () => Promise.resolve(stdin),
  });
  return { status, stdout, stderr };
}
