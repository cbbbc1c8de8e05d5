import { z } from 'zod';
import { parseIsoDate } from '../src/domain/calendar';
import { CLOUD_FORTIFIED } from '../src/domain/cloud-fortified';
import { CliError } from './cli-error';

/**
 * The simulate fixture: the apps approved before the run and what people do on their tickets
 * while it runs. Documented in test/fixtures/simulate/README.md.
 */

const day = z.string().superRefine((text, ctx) => {
  if (parseIsoDate(text) === null) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${JSON.stringify(text)} is not a date (YYYY-MM-DD)` });
});

/** The simulation runs the default program, so an agent records one of its checks. */
const CHECK_IDS: readonly string[] = CLOUD_FORTIFIED.checks.map((c) => c.id);

const partnerReply = z
  .object({
    on: day,
    by: z.literal('partner'),
    reply: z.string().trim().min(1, 'the reply must not be empty').max(10000),
    /** Edits the partner's previous reply on the ticket instead of writing a new one. */
    edit: z.boolean().optional(),
  })
  .strict();

const agentCheck = z
  .object({
    on: day,
    by: z.literal('agent'),
    check: z.string().refine((id) => CHECK_IDS.includes(id), (id) => ({
      message: `${JSON.stringify(id)} is not a review check (one of ${CHECK_IDS.join(', ')})`,
    })),
    result: z.enum(['passed', 'failed']),
    note: z.string().max(2000).optional(),
  })
  .strict();

const action = z.discriminatedUnion('by', [partnerReply, agentCheck]);

const app = z
  .object({
    /** The approval ticket, in the sandbox's JSM project. */
    ticket: z.string().regex(/^CFP-[1-9][0-9]{0,5}$/, 'must be a ticket of the sandbox project, like CFP-1'),
    app: z.string().trim().min(1, 'must not be empty').max(120),
    approvedOn: day,
    actions: z.array(action).max(200).default([]),
  })
  .strict();

export const fixtureSchema = z
  .object({
    /** IANA time zone of the program (default UTC). */
    timezone: z.string().optional(),
    apps: z.array(app).min(1, 'needs at least one app').max(500),
  })
  .strict()
  .superRefine((fixture, ctx) => {
    const seen = new Map<string, number>();
    fixture.apps.forEach((entry, i) => {
      const first = seen.get(entry.ticket);
      if (first !== undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['apps', i, 'ticket'], message: `${entry.ticket} is already apps[${first}]'s ticket` });
      }
      seen.set(entry.ticket, i);
    });
  });

export type Fixture = z.infer<typeof fixtureSchema>;
export type FixtureApp = Fixture['apps'][number];
export type FixtureAction = FixtureApp['actions'][number];

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
    const where = issue ? issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('') : '';
    throw new CliError(`${source}: ${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}`);
  }
  const timezone = parsed.data.timezone;
  if (timezone !== undefined && !isZone(timezone)) throw new CliError(`${source}: timezone: "${timezone}" is not a known IANA time zone`);
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
