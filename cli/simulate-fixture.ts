import { z } from 'zod';
import { parseIsoDate } from '../src/domain/calendar';
import { CLOUD_FORTIFIED } from '../src/domain/cloud-fortified';
import { parseProgramSettings, type ProgramSettings } from '../src/domain/program';
import { allCheckIds } from '../src/domain/program-updates';
import { CliError } from './cli-error';

/**
 * The simulate fixture: the apps approved before the run and what people do on their tickets
 * while it runs. Documented in test/fixtures/simulate/README.md.
 */

const day = z.string().superRefine((text, ctx) => {
  if (parseIsoDate(text) === null)
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${JSON.stringify(text)} is not a date (YYYY-MM-DD)` });
});

/** The largest fixture: ten thousand apps runs a year in minutes (see README). */
export const MAX_APPS = 10_000;

const partnerReply = z
  .object({
    on: day,
    by: z.literal('partner'),
    reply: z.string().trim().min(1, 'the reply must not be empty').max(10000),
    /** Edits the partner's previous reply on the ticket instead of writing a new one. */
    edit: z.boolean().optional(),
  })
  .strict();

/** An agent records a check's result, or raises an escalation: one or the other. */
const agentAction = z
  .object({
    on: day,
    by: z.literal('agent'),
    /** Known checks are told apart after parsing, once the fixture's program updates are known. */
    check: z.string().min(1).optional(),
    result: z.enum(['passed', 'failed']).optional(),
    note: z.string().max(2000).optional(),
    escalate: z.string().trim().min(1, 'say why').max(2000).optional(),
  })
  .strict();

function oneAgentAction(a: z.infer<typeof agentAction>, ctx: z.RefinementCtx): void {
  if (a.escalate !== undefined) {
    if (a.check !== undefined || a.result !== undefined)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['escalate'], message: 'an escalation records no check' });
  } else if (a.check === undefined) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['check'],
      message: 'an agent records a check (with a result) or escalates',
    });
  } else if (a.result === undefined) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['result'], message: 'must be "passed" or "failed"' });
  }
}

const customerConcern = z
  .object({
    on: day,
    by: z.literal('customer'),
    concern: z.string().trim().min(1, 'the concern must not be empty').max(10000),
  })
  .strict();

const action = z.discriminatedUnion('by', [partnerReply, agentAction, customerConcern]).superRefine((a, ctx) => {
  if (a.by === 'agent') oneAgentAction(a, ctx);
});

const programUpdate = z
  .object({
    id: z.string().optional(),
    announcedOn: day,
    effectiveFrom: day,
    addCheck: z.object({ id: z.string(), title: z.string(), description: z.string().optional() }).strict().optional(),
    text: z.string().optional(),
  })
  .strict();

const app = z
  .object({
    /** The approval ticket, in the sandbox's JSM project. */
    ticket: z.string().regex(/^CFP-[1-9][0-9]{0,5}$/, 'must be a ticket of the sandbox project, like CFP-1'),
    app: z.string().trim().min(1, 'must not be empty').max(120),
    approvedOn: day,
    /**
     * The day the app is imported as approved on `approvedOn` (default: that day): an approval
     * tracked late, after its review's notice day or after its window.
     */
    importedOn: day.optional(),
    actions: z.array(action).max(200).default([]),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.importedOn !== undefined && entry.importedOn < entry.approvedOn) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['importedOn'],
        message: `${entry.importedOn} is before the approval day ${entry.approvedOn}`,
      });
    }
  });

export const fixtureSchema = z
  .object({
    /** IANA time zone of the program (default UTC). */
    timezone: z.string().optional(),
    apps: z.array(app).min(1, 'needs at least one app').max(MAX_APPS, `at most ${MAX_APPS} apps`),
    /** Changes to the program, put into its settings before the run. */
    programUpdates: z.array(programUpdate).max(100).optional(),
  })
  .strict()
  .superRefine((fixture, ctx) => {
    const seen = new Map<string, number>();
    fixture.apps.forEach((entry, i) => {
      const first = seen.get(entry.ticket);
      if (first !== undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['apps', i, 'ticket'],
          message: `${entry.ticket} is already apps[${first}]'s ticket`,
        });
      }
      seen.set(entry.ticket, i);
    });
  });

export type Fixture = z.infer<typeof fixtureSchema>;
export type FixtureApp = Fixture['apps'][number];
export type FixtureAction = FixtureApp['actions'][number];

/** The program the run uses: the default one, in the fixture's time zone, with its updates. */
export function fixtureProgram(fixture: Fixture): ProgramSettings {
  return {
    ...CLOUD_FORTIFIED,
    timezone: fixture.timezone ?? CLOUD_FORTIFIED.timezone,
    programUpdates: (fixture.programUpdates ?? []).map((u, i) => ({ ...u, id: u.id ?? `update-${i + 1}` })),
  };
}

/** Parses the fixture's text, or throws a `CliError` naming the entry at fault and why. */
export function parseFixture(text: string, source = 'fixture'): Fixture {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${source} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = fixtureSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue
      ? issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('')
      : '';
    throw new CliError(`${source}: ${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}`);
  }
  const timezone = parsed.data.timezone;
  if (timezone !== undefined && !isZone(timezone))
    throw new CliError(`${source}: timezone: "${timezone}" is not a known IANA time zone`);
  const program = parseProgramSettings({ ...fixtureProgram(parsed.data), timezone: 'UTC' });
  if (!program.ok) {
    const first = program.problems.find((p) => p.path.startsWith('programUpdates')) ?? program.problems[0];
    throw new CliError(
      `${source}: ${first ? `${first.path.replace(/\.(\d+)/g, '[$1]')}: ${first.message}` : 'invalid program updates'}`,
    );
  }
  const checks = allCheckIds(program.settings);
  parsed.data.apps.forEach((entry, i) =>
    entry.actions.forEach((a, j) => {
      if (a.by === 'agent' && a.check !== undefined && !checks.includes(a.check)) {
        throw new CliError(
          `${source}: apps[${i}].actions[${j}].check: ${JSON.stringify(a.check)} is not a review check (one of ${checks.join(', ')})`,
        );
      }
    }),
  );
  return parsed.data;
}

function isZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
