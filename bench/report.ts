/** The short table for people, from the figures. */
import type { Figures } from './figures';

const n = (value: number | undefined | null) =>
  value === undefined || value === null ? '-' : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
const ms = (value: number | undefined) =>
  value === undefined ? '-' : value >= 1000 ? `${n(value / 1000)} s` : `${n(value)} ms`;

export function table(f: Figures): string {
  const rows: string[][] = [
    ['workload', 'inputs', 'Jira requests', 'storage ops', 'invocations', 'longest invocation', 'naive: Jira requests'],
  ];
  for (const q of f.quietDay.app) {
    const naive =
      q.inputs.trackedApps === f.quietDay.naive.inputs.trackedApps ? n(f.quietDay.naive.cost.jiraRequests) : '';
    rows.push([
      'quiet day',
      `${n(q.inputs.trackedApps)} apps, none due`,
      n(q.cost.jiraRequests),
      n(q.cost.storageOps),
      n(q.cost.invocations),
      `${ms(q.sweepMs)} (sweep)`,
      naive,
    ]);
  }
  const b = f.busyDay.app;
  rows.push([
    'busy day',
    `${n(b.inputs.trackedApps)} apps, ${n(b.inputs.due)} notices due`,
    `${n(b.cost.jiraRequests)} (${n(b.perOpenedReview.jiraRequests)}/review, min 2)`,
    `${n(b.cost.storageOps)} (${n(b.perOpenedReview.storageOps)}/review)`,
    n(b.cost.invocations),
    `${ms(b.longestInvocationMs)} of 900 s`,
    f.busyDay.naive
      ? `${n(f.busyDay.naive.cost.jiraRequests)} (${n(f.busyDay.naive.perOpenedReview.jiraRequests)}/review)`
      : '-',
  ]);
  const y = f.year.app;
  rows.push([
    'a year',
    `${n(y.inputs.trackedApps)} apps, ${n(y.inputs.sweeps)} sweeps`,
    `${n(y.cost.jiraRequests)} (${n(y.perAppPerYear.jiraRequests)}/app)`,
    `${n(y.cost.storageOps)} (${n(y.perAppPerYear.storageOps)}/app)`,
    n(y.cost.invocations),
    ms(y.cost.longestInvocation?.ms),
    `${n(f.year.naive.jiraRequests)} (${n(f.year.naive.perAppPerYear.jiraRequests)}/app, est.)`,
  ]);
  const c = f.commentTrigger;
  rows.push([
    'comment, untracked ticket',
    'partner comment',
    n(c.untrackedTicket.cost.jiraRequests),
    n(c.untrackedTicket.cost.storageOps),
    n(c.untrackedTicket.cost.invocations),
    ms(c.untrackedTicket.cost.longestInvocation?.ms),
    '',
  ]);
  rows.push([
    'comment, partner reply',
    `read as ${c.partnerReply.recorded ?? '?'}`,
    n(c.partnerReply.cost.jiraRequests),
    n(c.partnerReply.cost.storageOps),
    n(c.partnerReply.cost.invocations),
    ms(c.partnerReply.cost.longestInvocation?.ms),
    '',
  ]);
  const p = f.panel;
  rows.push([
    'panel render',
    `${n(p.responseBytes)} B JSON, JS ${n(p.panelJs.gzipBytes)} B gz`,
    n(p.cost.jiraRequests),
    n(p.cost.storageOps),
    n(p.cost.invocations),
    ms(p.cost.longestInvocation?.ms),
    '',
  ]);
  const l = f.largestProgram.app;
  rows.push([
    'largest program',
    `${n(l.inputs.trackedApps)} apps, ${n(l.inputs.due)} due`,
    `${n(l.cost.jiraRequests)} (${n(l.perOpenedReview.jiraRequests)}/review)`,
    `${n(l.cost.storageOps)} (${n(l.perOpenedReview.storageOps)}/review)`,
    n(l.cost.invocations),
    `${ms(l.longestInvocationMs)} of 900 s`,
    '',
  ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
