/** What a command gets to talk to the terminal; the commands do not import `main`, which loads them. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
}

export type Command = (args: string[], io: CliIo) => Promise<void> | void;
