import { readFile } from 'node:fs/promises';
import { CLOUD_FORTIFIED } from '../src/domain/cloud-fortified';
import { classifyReply } from '../src/domain/reply-classifier';
import { CliError } from './cli-error';
import type { Command } from './command';
import { usageOf } from './usage';

/** `cf-tracker classify-reply [FILE]`: how the app reads a partner's reply (stdin without FILE). */
export const classifyReplyCommand: Command = async (args, io) => {
  const options = args.filter((a) => a.startsWith('-') && a !== '-');
  if (options.length > 0) throw new CliError(`unknown option "${options[0]}" (${usageOf('classify-reply')})`);
  if (args.length > 1) throw new CliError(`takes at most one FILE (${usageOf('classify-reply')})`);
  const file = args[0];
  const text = file === undefined || file === '-' ? await io.readStdin() : await readReply(file);
  if (text.trim() === '') throw new CliError(`the reply is empty${file && file !== '-' ? ` (${file})` : ''}`);
  const { answer, categories, reason } = classifyReply(text, CLOUD_FORTIFIED);
  io.stdout(JSON.stringify({ answer, categories, reason }));
};

async function readReply(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`cannot read "${file}": no such file`);
    if (code === 'EISDIR') throw new CliError(`cannot read "${file}": it is a directory`);
    throw new CliError(`cannot read "${file}": ${code ?? String(error)}`);
  }
}
