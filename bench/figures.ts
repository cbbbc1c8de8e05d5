/** The figures `npm run bench` prints: one JSON object, every figure with its inputs. */
import type { AppConsoleSummary } from './app-console';
import type { BusyDayFigures, QuietDayFigures } from './day-workloads';
import type { CommentTriggerFigures, PanelFigures } from './ticket-workloads';
import type { YearFigures } from './year';

export interface Figures {
  machine: { cores: number; cpu: string; node: string; quick: boolean };
  quietDay: QuietDayFigures;
  busyDay: BusyDayFigures;
  year: {
    app: YearFigures;
    naive: {
      method: string;
      runsPerYear: number;
      jiraRequests: number;
      perAppPerYear: { jiraRequests: number; storageOps: 0 };
    };
    ratio: { jiraRequests: number };
  };
  commentTrigger: CommentTriggerFigures;
  panel: PanelFigures;
  largestProgram: BusyDayFigures;
  ratios: { quietDayJira: string; busyDayJira: number | null; yearJira: number };
  /** What the app logged as warnings and errors while measured (ordinary log lines are dropped). */
  appConsole: AppConsoleSummary;
  benchSeconds: number;
}
