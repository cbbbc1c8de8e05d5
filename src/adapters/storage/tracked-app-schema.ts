import { z } from 'zod';
import { REVIEW_EFFECTS, REVIEW_STATES } from '../../domain/review-types';
import { COMPONENT_STATUSES, STAGES } from '../../domain/submission-types';
import type { TrackedApp } from '../../domain/tracked-app';

// Validates what comes back from storage: a record written by an older version, or damaged,
// must be reported and skipped rather than crash a sweep that serves every other ticket.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a YYYY-MM-DD date');
const isoDateTime = z.string().min(1);
const attribution = { by: z.string(), at: isoDateTime };

const componentState = z.object({
  id: z.string(),
  status: z.enum(COMPONENT_STATUSES),
  by: z.string().optional(),
  at: isoDateTime.optional(),
  note: z.string().optional(),
  soakUntil: isoDate.optional(),
  soakEndNotedFor: isoDate.optional(),
  waiverReason: z.string().optional(),
});

const partnerAnswer = z.object({
  ...attribution,
  value: z.enum(['YES', 'NO', 'UNCLEAR']),
  categories: z.array(z.string()),
  source: z.enum(['reply', 'form', 'agent']),
  commentId: z.string().optional(),
  text: z.string().optional(),
  reason: z.string().optional(),
});

const checkState = z.object({
  id: z.string(),
  result: z.enum(['pending', 'passed', 'failed']),
  note: z.string().optional(),
  by: z.string().optional(),
  at: isoDateTime.optional(),
});

const effectRecord = z.object({ id: z.string().optional(), at: isoDateTime });

const reviewCycle = z.object({
  id: z.string(),
  kind: z.enum(['annual', 'escalation']),
  year: z.number().int(),
  state: z.enum(REVIEW_STATES),
  stateSince: isoDateTime,
  noticeOn: isoDate,
  windowStart: isoDate,
  windowEnd: isoDate,
  remediationDue: isoDate,
  answer: partnerAnswer.optional(),
  checks: z.array(checkState),
  effects: z.record(z.enum(REVIEW_EFFECTS), effectRecord),
  concern: z
    .object({ text: z.string(), raisedBy: z.string(), at: isoDateTime, source: z.enum(['atlassian', 'customer']) })
    .optional(),
});

export const trackedAppSchema = z.object({
  issueKey: z.string().min(1),
  issueId: z.string(),
  appName: z.string(),
  createdAt: isoDateTime,
  createdBy: z.string(),
  submission: z.object({
    stage: z.enum(STAGES),
    stageSince: isoDateTime,
    components: z.array(componentState),
  }),
  approval: z.object({ approvedOn: isoDate, by: z.string(), at: isoDateTime, imported: z.boolean().optional() }).optional(),
  reviews: z.array(reviewCycle),
  nextActionOn: isoDate.nullable(),
  lastFailure: z.object({ on: isoDate, at: isoDateTime, reason: z.string(), since: isoDate }).optional(),
  announcements: z.record(z.string(), z.object({ commentId: z.string(), on: isoDate })).optional(),
  version: z.number().int().min(1),
});

export type StoredAppProblem = { issueKey: string; problems: string[] };

export function parseStoredApp(value: unknown, key: string): { ok: true; app: TrackedApp } | { ok: false; problem: StoredAppProblem } {
  const parsed = trackedAppSchema.safeParse(value);
  if (parsed.success) return { ok: true, app: parsed.data as TrackedApp };
  return {
    ok: false,
    problem: {
      issueKey: key,
      problems: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`),
    },
  };
}

// The schema must keep describing the domain's type: this line stops compiling if they drift.
export const schemaMatchesDomain = (value: z.output<typeof trackedAppSchema>): TrackedApp => value;
