import { todayIn } from '../domain/calendar';
import type { IsoDate, IsoDateTime } from '../domain/dates';
import type { ProgramSettings } from '../domain/program';
import type { TrackedApp } from '../domain/tracked-app';
import type { Ports } from '../ports';

/** What every use case needs for one invocation: the ports, the program, and "today". */
export interface InvocationContext {
  ports: Ports;
  program: ProgramSettings;
  /** Today in the program's time zone. */
  today: IsoDate;
  /** The instant the invocation started, in UTC. */
  at: IsoDateTime;
  /** Set when the stored settings could not be read and the default program is used instead. */
  settingsProblem?: string;
  /**
   * When set, the JQL summaries of the apps written are collected here (last write wins) and
   * written together by `flushSummaries`, instead of one Jira request per write.
   */
  deferredSummaries?: Map<string, TrackedApp>;
}

/** Loads the settings once per invocation and fixes "today" for all the work that follows. */
export async function loadInvocationContext(ports: Ports): Promise<InvocationContext> {
  const { settings, problem } = await ports.settings.load();
  const now = ports.clock.now();
  const context: InvocationContext = {
    ports,
    program: settings,
    today: todayIn(settings.timezone, now),
    at: now.toISOString(),
  };
  if (problem) {
    console.warn(`program settings: ${problem}; using the default program`);
    context.settingsProblem = problem;
  }
  return context;
}
