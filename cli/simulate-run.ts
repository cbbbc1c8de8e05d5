import { DateTime } from 'luxon';
import { createSandbox } from '../sandbox';
import { parseStoredApp } from '../src/adapters/storage/tracked-app-schema';
import { TRACKED_APP_ENTITY } from '../src/adapters/storage/storage-keys';
import { addDays } from '../src/domain/calendar';
import { CLOUD_FORTIFIED } from '../src/domain/cloud-fortified';
import type { ReviewCycle } from '../src/domain/review-types';
import type { TrackedApp } from '../src/domain/tracked-app';
import { CliError } from './cli-error';
import { fixtureProgram, type Fixture, type FixtureAction } from './simulate-fixture';
import { eventsBetween, type SimulatedEvent } from './simulate-events';

export interface SimulationOptions {
  from: string;
  to: string;
  faults: number;
  seed: number;
  /** Adds to each event that posted a comment the comment as Jira holds it. */
  comments?: boolean;
}

export interface SimulationResult {
  events: SimulatedEvent[];
  jiraRequests: number;
  contractViolations: number;
  /** The largest value the app keeps in storage at the end of the run, in bytes of JSON. */
  largestRecordBytes: number;
  /** Fixture actions that could not be applied (no review in progress, a resolver refusal). */
  skipped: string[];
  /** The sandbox, for tests that inspect the tickets afterwards; closed unless `keepOpen`. */
  sandbox?: Awaited<ReturnType<typeof createSandbox>>;
}

const AGENT = 'simulated-agent';
const CUSTOMER = 'simulated-customer';
/** The request type of the default program through which customers raise a concern. */
const CONCERN_TYPE = CLOUD_FORTIFIED.escalationRequestTypes?.[0] ?? 'Report a concern about an app';
const ADMIN = 'simulated-admin';
const partnerOf = (index: number) => `simulated-partner-${index + 1}`;
/**
 * Scheduled runs of the day (program time); the fixture's actions happen at noon. The last run
 * comes minutes after the one before, past the claims' lapse, so work interrupted late in the
 * day is finished that day, as the hourly trigger would.
 */
const SWEEPS = ['00:05', '09:00', '17:00', '23:50', '23:55'];
const ACTIONS_AT = '12:00';
const IMPORT_BATCH = 100;

/**
 * Runs the fixture through the real handlers in a fresh in-memory sandbox, day by day, and
 * reads what the app did from its store after every step.
 */
export async function runSimulation(
  fixture: Fixture,
  options: SimulationOptions,
  keepOpen = false,
): Promise<SimulationResult> {
  const timezone = fixture.timezone ?? 'UTC';
  const at = (day: string, time: string) =>
    DateTime.fromISO(`${day}T${time}`, { zone: timezone }).toUTC().toISO() as string;
  const sandbox = await createSandbox({
    seed: options.seed,
    now: at(options.from, '00:00'),
    ...(options.faults > 0 ? { faults: { rate: options.faults } } : {}),
  });
  const skipped: string[] = [];
  // The handlers' own log lines are not the output: stdout carries only the event lines.
  const { log, info } = console;
  console.log = console.info = () => undefined;
  try {
    sandbox.jira.addUser({ accountId: AGENT, displayName: 'Program agent', kind: 'agent' });
    sandbox.jira.addUser({ accountId: ADMIN, displayName: 'Program admin', kind: 'admin' });
    // A customer of the apps: a portal customer like the partners, on none of their tickets.
    sandbox.jira.addUser({ accountId: CUSTOMER, displayName: 'A customer', kind: 'partner' });
    const keys = fixture.apps.map((app, i) => {
      sandbox.jira.addUser({ accountId: partnerOf(i), displayName: `${app.app} partner`, kind: 'partner' });
      return sandbox.jira.addIssue({ key: app.ticket, summary: app.app, status: 'Approved', reporter: partnerOf(i) });
    });
    const keyOf = (index: number) => keys[index] ?? '';

    if (timezone !== CLOUD_FORTIFIED.timezone || (fixture.programUpdates ?? []).length > 0) {
      await retrying(
        () =>
          resolve(
            sandbox,
            'saveSettings',
            { settings: fixtureProgram(fixture) },
            { accountId: ADMIN, moduleKey: 'cf-tracker-settings' },
          ),
        'saving the program settings',
      );
    }
    // An app approved (or imported) during the run is tracked from that day, not before.
    const importApps = async (indexes: number[]) => {
      for (let start = 0; start < indexes.length; start += IMPORT_BATCH) {
        const csv = indexes
          .slice(start, start + IMPORT_BATCH)
          .map(
            (i) =>
              `${keyOf(i)},${fixture.apps[i]?.approvedOn ?? ''},${(fixture.apps[i]?.app ?? '').replace(/[,"\n]/g, ' ')}`,
          )
          .join('\n');
        const imported = await retrying(
          () => resolve(sandbox, 'importApproved', { csv }, { accountId: ADMIN, moduleKey: 'cf-tracker-settings' }),
          'importing the apps',
        );
        if (!imported.ok) throw new CliError(`importing the apps was refused: ${imported.error?.message ?? ''}`);
      }
    };
    const trackedBy = new Map<string, number[]>();
    const atStart: number[] = [];
    fixture.apps.forEach((app, i) => {
      const trackedOn = app.importedOn ?? app.approvedOn;
      if (trackedOn <= options.from) atStart.push(i);
      else trackedBy.set(trackedOn, [...(trackedBy.get(trackedOn) ?? []), i]);
    });
    await importApps(atStart);

    // The records are read straight from the sandbox's store after every step, and parsed again
    // only when their version moved: ten thousand apps, six readings a day, would otherwise
    // spend the run parsing records nothing changed.
    const known = new Map<string, TrackedApp>();
    const read = async () => {
      const all = new Map<string, TrackedApp>();
      for (const key of sandbox.kvs.entityKeys(TRACKED_APP_ENTITY)) {
        const stored = sandbox.kvs.entity(TRACKED_APP_ENTITY, key) as { version?: unknown; app?: unknown } | undefined;
        const cached = known.get(key);
        if (cached && cached.version === stored?.version) {
          all.set(cached.issueKey, cached);
          continue;
        }
        const parsed = parseStoredApp(stored?.app, key);
        if (!parsed.ok) continue;
        known.set(key, parsed.app);
        all.set(parsed.app.issueKey, parsed.app);
      }
      return Promise.resolve(all);
    };

    const events: SimulatedEvent[] = [];
    let before = await read();
    const observe = async (day: string) => {
      const after = await read();
      events.push(...eventsBetween(before, after, day));
      before = after;
    };

    for (let day = options.from; day <= options.to; day = addDays(day, 1)) {
      const trackedToday = trackedBy.get(day);
      if (trackedToday) {
        sandbox.clock.set(at(day, '00:00'));
        await importApps(trackedToday);
        await observe(day);
      }
      for (const time of [...SWEEPS, ACTIONS_AT].sort()) {
        sandbox.clock.set(at(day, time));
        if (time === ACTIONS_AT) {
          for (const [i, app] of fixture.apps.entries()) {
            for (const action of app.actions.filter((a) => a.on === day)) {
              const problem = await applyAction(
                sandbox,
                { key: keyOf(i), partner: partnerOf(i), name: app.app },
                action,
                before.get(keyOf(i)),
              );
              if (problem) skipped.push(`${day} ${keyOf(i)}: ${problem}`);
            }
          }
        } else {
          await sandbox.runScheduledTrigger();
        }
        await sandbox.deliverPendingEvents();
        await observe(day);
      }
    }

    if (options.comments) withComments(sandbox, events);
    const stats = sandbox.stats();
    return {
      events,
      jiraRequests: stats.jiraRequests,
      contractViolations: stats.contractViolations.length,
      largestRecordBytes: largestValueBytes(sandbox),
      skipped,
      ...(keepOpen ? { sandbox } : {}),
    };
  } finally {
    console.log = log;
    console.info = info;
    if (!keepOpen) await sandbox.close();
  }
}

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;

/** What one stored value weighs, the largest of them all (keys, secrets and entities). */
function largestValueBytes(sandbox: Sandbox): number {
  const { kv, secret, entities } = sandbox.kvs.snapshot();
  const rows = [...kv, ...secret, ...Object.values(entities).flat()];
  return Math.max(0, ...rows.map(([, stored]) => Buffer.byteLength(JSON.stringify(stored.value))));
}

/** The comment each event posted, read from the sandbox's Jira by the id the app recorded. */
function withComments(sandbox: Sandbox, events: SimulatedEvent[]): void {
  for (const event of events) {
    if (!event.commentId) continue;
    const comment = sandbox.jira.comments(event.ticket).find((c) => c.id === event.commentId);
    if (comment) event.comment = { public: comment.public, text: comment.text };
  }
}

/**
 * A partner's public comment, an agent's check (`recordCheck`) or escalation (`raiseEscalation`),
 * or a customer's concern: a request on the program's portal naming the app.
 */
async function applyAction(
  sandbox: Sandbox,
  ticket: { key: string; partner: string; name: string },
  action: FixtureAction,
  app: TrackedApp | undefined,
): Promise<string | null> {
  const { key: issueKey, partner } = ticket;
  if (action.by === 'customer') {
    sandbox.jira.createRequest({
      summary: `Concern about ${ticket.name}`,
      description: action.concern,
      requestType: CONCERN_TYPE,
      reporter: CUSTOMER,
    });
    return null;
  }
  if (action.by === 'agent' && action.escalate !== undefined) {
    const payload = { issueKey, text: action.escalate, source: 'atlassian' };
    const answer = await retrying(
      () => resolve(sandbox, 'raiseEscalation', payload, { accountId: AGENT, issueKey }),
      'raising an escalation',
    );
    return answer.ok ? null : `raiseEscalation refused: ${answer.error?.message ?? ''}`;
  }
  if (action.by === 'partner') {
    if (action.edit) {
      const previous = [...sandbox.jira.comments(issueKey)].reverse().find((c) => c.author === partner);
      if (!previous) return 'no earlier partner comment to edit';
      sandbox.jira.editComment(issueKey, previous.id, action.reply, partner);
      return null;
    }
    sandbox.jira.addComment(issueKey, { author: partner, body: action.reply, public: true });
    return null;
  }
  const cycle = app?.reviews.find(inProgress);
  if (!cycle || !action.check || !action.result) return `no review in progress for check ${action.check ?? ''}`;
  const payload = {
    issueKey,
    cycleId: cycle.id,
    checkId: action.check,
    result: action.result,
    ...(action.note ? { note: action.note } : {}),
  };
  const answer = await retrying(
    () => resolve(sandbox, 'recordCheck', payload, { accountId: AGENT, issueKey }),
    `recording ${action.check}`,
  );
  return answer.ok ? null : `recordCheck refused: ${answer.error?.message ?? ''}`;
}

type Answer = { ok: boolean; error?: { code: string; message: string } };

async function resolve(
  sandbox: Sandbox,
  key: string,
  payload: unknown,
  as: { accountId: string; issueKey?: string; moduleKey?: string },
): Promise<Answer> {
  const answer = (await sandbox.invokeResolver(key, payload, as)) as Answer | undefined;
  if (!answer || typeof answer.ok !== 'boolean') throw new Error(`${key} answered ${JSON.stringify(answer)}`);
  return answer;
}

function inProgress(cycle: ReviewCycle): boolean {
  return (
    cycle.state === 'notified' ||
    cycle.state === 'in-review' ||
    cycle.state === 'remediation' ||
    cycle.state === 'overdue'
  );
}

/**
 * People retry what fails for a passing reason (with `--faults`, Jira answers 429 or 5xx at
 * times); a refusal that says why is returned as it is.
 */
async function retrying<T extends { ok: boolean; error?: { code: string; message: string } }>(
  call: () => Promise<T>,
  what: string,
): Promise<T> {
  let last: T | undefined;
  for (let attempt = 1; attempt <= 8; attempt++) {
    try {
      last = await call();
      if (last.ok || !['jira-unavailable', 'conflict', 'internal'].includes(last.error?.code ?? '')) return last;
    } catch (error) {
      if (attempt === 8)
        throw new CliError(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (!last) throw new CliError(`${what} failed`);
  return last;
}
