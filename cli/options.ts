import { CliError } from './cli-error';

/**
 * Reads `--name value` and `--name=value` options. A value may start with a single dash, so
 * `--count -1` reaches the command's own check and is refused with its reason, not as a syntax error.
 */
export function readOptions(args: string[], names: readonly string[], usage: string): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) throw new CliError(`unexpected argument "${arg}" (${usage})`);
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (!names.includes(name)) throw new CliError(`unknown option "${name}" (${usage})`);
    let value: string | undefined;
    if (equals !== -1) value = arg.slice(equals + 1);
    else {
      value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new CliError(`${name} needs a value (${usage})`);
      i++;
    }
    if (values.has(name)) throw new CliError(`${name} is given twice (${usage})`);
    values.set(name, value);
  }
  return values;
}
