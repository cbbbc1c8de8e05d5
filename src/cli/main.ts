import { CliError } from './cli-error';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
}

export type Command = (args: string[], io: CliIo) => Promise<void>;

/** Each command lives in its own file and is loaded only when called. */
const commands: Record<string, () => Promise<Command>> = {
  schedule: async () => (await import('./schedule-command')).scheduleCommand,
  simulate: async () => (await import('./simulate-command')).simulate,
  'classify-reply': async () => (await import('./classify-reply-command')).classifyReplyCommand,
};

const usage = `usage: cf-tracker <command> [options]
commands: ${Object.keys(commands).join(', ')}`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    io.stderr(name ? `cf-tracker: unknown command "${name}"\n${usage}` : usage);
    return 2;
  }
  try {
    const command = await load();
    await command(rest, io);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`cf-tracker ${name}: ${error.message}`);
      return 2;
    }
    io.stderr(`cf-tracker ${name}: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
