/** What each command is for and how it is called: the help text, and the reminder in every refusal. */
export const COMMAND_HELP = {
  schedule: {
    usage: 'cf-tracker schedule --approved YYYY-MM-DD [--count N]',
    summary: 'the next N annual reviews (default 3, at most 50) of an app approved on that day',
  },
  'classify-reply': {
    usage: 'cf-tracker classify-reply [FILE]',
    summary: "how the app reads a partner's reply, from FILE or standard input",
  },
  simulate: {
    usage:
      'cf-tracker simulate --fixture FILE --from YYYY-MM-DD --to YYYY-MM-DD [--faults RATE] [--seed N] [--comments]',
    summary: 'runs the real handlers in a fresh sandbox through every day and prints what the app did',
  },
} as const;

export type CommandName = keyof typeof COMMAND_HELP;

export function usageOf(name: CommandName): string {
  return `usage: ${COMMAND_HELP[name].usage}`;
}
