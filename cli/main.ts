import { CliError } from './cli-error';
import type { Command, CliIo } from './command';
import { COMMAND_HELP, usageOf, type CommandName } from './usage';

export type { CliIo } from './command';

/** Each command lives in its own file and is loaded only when called. */
const loaders: Record<CommandName, () => Promise<Command>> = {
  schedule: async () => (await import('./schedule-command')).scheduleCommand,
  'classify-reply': async () => (await import('./classify-reply-command')).classifyReplyCommand,
  simulate: async () => (await import('./simulate-command')).simulate,
};

function isCommand(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMAND_HELP, name);
}

const HELP = new Set(['--help', '-h']);

function overview(): string {
  const width = Math.max(...Object.keys(COMMAND_HELP).map((name) => name.length));
  return [
    'usage: cf-tracker <command> [options]    (cf-tracker <command> --help for its options)',
    'commands:',
    ...Object.entries(COMMAND_HELP).map(([name, help]) => `  ${name.padEnd(width)}  ${help.summary}`),
  ].join('\n');
}

function commandHelp(name: CommandName): string {
  return `${usageOf(name)}\n${COMMAND_HELP[name].summary}\nExamples: README.md, "Command line".`;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || HELP.has(name) || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(overview());
    return name === undefined ? 2 : 0;
  }
  if (!isCommand(name)) {
    io.stderr(`cf-tracker: unknown command "${name}"\n${overview()}`);
    return 2;
  }
  if (rest.some((arg) => HELP.has(arg))) {
    io.stdout(commandHelp(name));
    return 0;
  }
  try {
    const command = await loaders[name]();
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
