import { z } from 'zod';
import type { ResolverKey, ResolverPayload } from '../contract';
import { parseIsoDate } from '../domain/calendar';
import { REVIEW_STATES } from '../domain/review-types';
import { COMPONENT_STATUSES, STAGES } from '../domain/submission-types';

/** Every resolver's payload, checked before anything else runs. Unknown fields are refused: they are typos. */

const issueKey = z
  .string({ required_error: 'is required', invalid_type_error: 'must be a ticket key' })
  .trim()
  .transform((key) => key.toUpperCase())
  .refine((key) => /^[A-Z][A-Z0-9_]+-[1-9][0-9]*$/.test(key), 'must be a ticket key like CFAP-123');
const isoDate = z
  .string({ invalid_type_error: 'must be a date (YYYY-MM-DD)' })
  .refine((text) => parseIsoDate(text) !== null, 'must be a real calendar day written YYYY-MM-DD');
const note = z.string({ invalid_type_error: 'must be text' }).trim().max(2000, 'must be at most 2000 characters').optional();
const id = z.string({ required_error: 'is required', invalid_type_error: 'must be text' }).trim().min(1, 'is required').max(64, 'is too long');
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { errorMap: () => ({ message: `must be one of ${values.join(', ')}` }) });

const ticketSchemas = {
  getTicketState: z.object({ issueKey }).strict(),
  startTracking: z
    .object({
      issueKey,
      appName: z.string({ required_error: 'is required', invalid_type_error: 'must be text' }).trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
    })
    .strict(),
  moveStage: z.object({ issueKey, stage: oneOf(STAGES), note }).strict(),
  setComponentStatus: z
    .object({
      issueKey,
      componentId: id,
      status: oneOf(COMPONENT_STATUSES),
      note,
      soakUntil: isoDate.optional(),
      waiverReason: z.string({ invalid_type_error: 'must be text' }).trim().max(2000, 'must be at most 2000 characters').optional(),
    })
    .strict(),
  approve: z.object({ issueKey, approvedOn: isoDate.optional() }).strict(),
  recordCheck: z.object({ issueKey, cycleId: id, checkId: id, result: oneOf(['pending', 'passed', 'failed'] as const), note }).strict(),
  setAnswer: z
    .object({
      issueKey,
      cycleId: id,
      value: oneOf(['YES', 'NO', 'UNCLEAR'] as const),
      categories: z.array(id, { invalid_type_error: 'must be a list of category ids' }).max(50, 'has too many categories').optional(),
      note,
    })
    .strict(),
  raiseEscalation: z
    .object({
      issueKey,
      text: z.string({ required_error: 'is required', invalid_type_error: 'must be text' }).trim().min(1, 'must say what the concern is').max(2000, 'must be at most 2000 characters'),
      source: oneOf(['atlassian', 'customer'] as const),
    })
    .strict(),
};

const programSchemas = {
  getSettings: z.object({}).strict(),
  saveSettings: z.object({ settings: z.unknown().refine((value) => value !== undefined, 'is required') }).strict(),
  listApps: z
    .object({
      filter: z
        .object({
          stage: oneOf(STAGES).optional(),
          reviewState: oneOf(REVIEW_STATES).optional(),
          dueWithinDays: z.number({ invalid_type_error: 'must be a number of days' }).int('must be a whole number of days').min(0, 'must not be negative').max(3660, 'must be at most 3660').optional(),
          overdue: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
          unclear: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
          text: z.string({ invalid_type_error: 'must be text' }).max(200, 'must be at most 200 characters').optional(),
        })
        .strict()
        .optional(),
      cursor: z.string({ invalid_type_error: 'must be text' }).max(20, 'is not a list position').optional(),
      limit: z.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(200, 'must be at most 200').optional(),
    })
    .strict(),
  // A spreadsheet of a few hundred lines is far below this; the bridge itself stops at 500 KB.
  importApproved: z.object({ csv: z.string({ required_error: 'is required', invalid_type_error: 'must be the CSV text' }).max(200_000, 'is too large (at most 200,000 characters)') }).strict(),
};

export const PAYLOAD_SCHEMAS: { [K in ResolverKey]: z.ZodType<ResolverPayload<K>, z.ZodTypeDef, unknown> } = {
  ...ticketSchemas,
  ...programSchemas,
} as { [K in ResolverKey]: z.ZodType<ResolverPayload<K>, z.ZodTypeDef, unknown> };

export type PayloadCheck<K extends ResolverKey> = { ok: true; payload: ResolverPayload<K> } | { ok: false; message: string };

/** The payload as the service takes it, or one sentence naming every field that is wrong. */
export function checkPayload<K extends ResolverKey>(key: K, payload: unknown): PayloadCheck<K> {
  const parsed = PAYLOAD_SCHEMAS[key].safeParse(payload ?? {});
  if (parsed.success) return { ok: true, payload: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    const field = issue.path.join('.');
    return field ? `${field} ${issue.message}` : issue.message;
  });
  return { ok: false, message: `The request was not valid: ${problems.join('; ')}.` };
}
