/**
 * The app logs a line per sweep (8,760 in a year): stdout must carry only the figures. Ordinary
 * lines are dropped; warnings and errors are counted, and the first few kept for the report.
 */
export interface AppConsoleSummary {
  warnings: number;
  errors: number;
  first: string[];
}

const KEEP = 5;

export function quietAppConsole(): { summary(): AppConsoleSummary; restore(): void } {
  const original = {
    log: console.log,
    info: console.info,
    debug: console.debug,
    warn: console.warn,
    error: console.error,
  };
  const seen: AppConsoleSummary = { warnings: 0, errors: 0, first: [] };
  const keep = (kind: string, args: unknown[]) => {
    if (seen.first.length < KEEP)
      seen.first.push(
        `${kind}: ${args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ')}`.slice(0, 300),
      );
  };
  console.log = console.info = console.debug = () => undefined;
  console.warn = (...args: unknown[]) => {
    seen.warnings++;
    keep('warn', args);
  };
  console.error = (...args: unknown[]) => {
    seen.errors++;
    keep('error', args);
  };
  return {
    summary: () => ({ ...seen, first: [...seen.first] }),
    restore: () => Object.assign(console, original),
  };
}
