/** A problem with the command line's input: printed as one line on stderr, exit status 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
