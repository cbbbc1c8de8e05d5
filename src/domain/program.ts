import { z } from 'zod';
import { DateTime, IANAZone } from 'luxon';
import { STAGES } from './submission-types';

/**
 * The program as data: requirements, review checks, change categories, timings and texts.
 * Cloud Fortified is the default; a successor programme is a different value of this type.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'use lower-case letters, digits and dashes (at most 64)');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const requirementComponentSchema = z.object({
  id,
  title: text(120),
  area: z.enum(['security', 'reliability', 'support']),
  description: text(1000),
  /** Requirements that only become active after a waiting period. */
  soaks: z.boolean(),
  soakDays: z.number().int().min(1).max(365).optional(),
});

export const reviewCheckSchema = z.object({ id, title: text(120), description: text(1000) });

export const changeCategorySchema = z.object({
  id,
  title: text(200),
  examples: z.array(text(200)).max(20),
  /** Words and phrases by which a partner's reply names this category (besides its title). */
  keywords: z.array(text(100)).max(50).optional(),
});

export const timingsSchema = z.object({
  /** Days between the notice comment and the first day of the review window. */
  noticeDaysBefore: z.number().int().min(1).max(90),
  /** The window is the last N calendar days of the anniversary month. */
  windowDays: z.number().int().min(1).max(28),
  /** Days after the window's last day by which issues must be resolved. */
  remediationDays: z.number().int().min(1).max(180),
  /** Reminder this many days before the remediation deadline. */
  remediationReminderDaysBefore: z.number().int().min(1).max(60),
});

export const textsSchema = z.object({
  /** Public comment posted on the approval ticket before the review. Placeholders: {app}, {windowStart}, {windowEnd}, {remediationDue}, {year}. */
  notice: text(4000),
  /** Public comment opening an extra review after a compliance concern (same placeholders); the annual notice when absent. */
  escalationNotice: text(4000).optional(),
  /** Public comment when the partner has not answered by the window start. */
  answerReminder: text(4000),
  /** Public comment a week before the remediation deadline. */
  remediationReminder: text(4000),
  /**
   * Public comment when a submission's stage change moves the next step to the partner or back to
   * Atlassian. Placeholders: {app}, {stage}, {nextStep}. The default text when absent.
   */
  progressUpdate: text(4000).optional(),
  /** Title of the significant-change form document. */
  formTitle: text(200),
});

const isoDay = z
  .string()
  .refine(
    (day) => /^\d{4}-\d{2}-\d{2}$/.test(day) && DateTime.fromISO(day, { zone: 'utc' }).isValid,
    'is not a date (YYYY-MM-DD)',
  );

/**
 * The fewest days between a program update's announcement and its effective day. The program
 * document promises that new review checks are notified in advance; thirty days gives every
 * partner at least one full month to prepare.
 */
export const MIN_UPDATE_NOTICE_DAYS = 30;

/**
 * A change to the program told to every approved partner ahead of time: a new review check (it
 * applies to reviews whose window starts on or after `effectiveFrom`), or a general update (`text`).
 */
export const programUpdateSchema = z
  .object({
    id,
    /** The day every approved app's ticket gets a public comment about it. */
    announcedOn: isoDay,
    /** The day the change takes effect. */
    effectiveFrom: isoDay,
    addCheck: z.object({ id, title: text(120), description: text(1000).optional() }).optional(),
    /** What changes, in the program's words (a general update, or more about a new check). */
    text: text(2000).optional(),
  })
  .superRefine((u, ctx) => {
    if (!u.addCheck && !u.text)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['text'], message: 'say what changes: a new check or a text' });
  });

export const statusMappingSchema = z.object({
  /** The JSM workflow status name, as Jira shows it. */
  status: text(255),
  stage: z.enum(STAGES),
});

export const programSettingsSchema = z
  .object({
    name: text(120),
    /** The program's first day (YYYY-MM-DD): an import refuses approvals from before it. */
    startedOn: isoDay.optional(),
    /** IANA time zone in which review dates are counted. */
    timezone: z.string().refine((tz) => IANAZone.isValidZone(tz), 'is not a known IANA time zone'),
    /** Project keys whose tickets are program submissions (empty: any project). */
    projects: z.array(z.string().regex(/^[A-Z][A-Z0-9_]{1,19}$/, 'is not a Jira project key')).max(50),
    /** Request type names treated as submissions (empty: any). */
    requestTypes: z.array(text(255)).max(50),
    statusMapping: z.array(statusMappingSchema).max(100),
    /** JSM form template id; when set, the form is added to the ticket as well as attached. */
    formTemplateId: z.string().trim().max(100).optional(),
    components: z.array(requirementComponentSchema).min(1).max(50),
    checks: z.array(reviewCheckSchema).min(1).max(20),
    changeCategories: z.array(changeCategorySchema).min(1).max(50),
    timings: timingsSchema,
    texts: textsSchema,
    /** JSM request types on the program's portal through which customers raise a concern about an app. */
    escalationRequestTypes: z.array(text(255)).max(10).optional(),
    /** Changes announced ahead of time, oldest first. */
    programUpdates: z.array(programUpdateSchema).max(100).optional(),
  })
  .superRefine((p, ctx) => {
    const unique = (list: { id: string }[], path: string) => {
      const seen = new Set<string>();
      list.forEach((item, i) => {
        if (seen.has(item.id)) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path, i, 'id'], message: `duplicate id "${item.id}"` });
        }
        seen.add(item.id);
      });
    };
    unique(p.components, 'components');
    unique(p.checks, 'checks');
    unique(p.changeCategories, 'changeCategories');
    unique(p.programUpdates ?? [], 'programUpdates');
    const checkIds = new Set(p.checks.map((c) => c.id));
    (p.programUpdates ?? []).forEach((u, i) => {
      const notice = DateTime.fromISO(u.effectiveFrom, { zone: 'utc' }).diff(
        DateTime.fromISO(u.announcedOn, { zone: 'utc' }),
        'days',
      ).days;
      if (!(notice >= MIN_UPDATE_NOTICE_DAYS)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['programUpdates', i, 'effectiveFrom'],
          message: `must be at least ${MIN_UPDATE_NOTICE_DAYS} days after the announcement day (${u.announcedOn})`,
        });
      }
      if (!u.addCheck) return;
      if (checkIds.has(u.addCheck.id)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['programUpdates', i, 'addCheck', 'id'],
          message: `check "${u.addCheck.id}" already exists`,
        });
      }
      checkIds.add(u.addCheck.id);
    });
    const statuses = new Set<string>();
    p.statusMapping.forEach((m, i) => {
      const key = m.status.toLowerCase();
      if (statuses.has(key)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['statusMapping', i, 'status'],
          message: `status "${m.status}" is mapped twice`,
        });
      }
      statuses.add(key);
    });
    if (p.timings.noticeDaysBefore + p.timings.windowDays > 60) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['timings', 'noticeDaysBefore'],
        message: 'the notice may come at most 60 days before the end of the window',
      });
    }
  });

export type ProgramSettings = z.infer<typeof programSettingsSchema>;
export type RequirementComponent = z.infer<typeof requirementComponentSchema>;
export type ReviewCheck = z.infer<typeof reviewCheckSchema>;
export type ChangeCategory = z.infer<typeof changeCategorySchema>;
export type ReviewTimings = z.infer<typeof timingsSchema>;
export type ProgramUpdate = z.infer<typeof programUpdateSchema>;

/** A settings problem an admin can act on: which field, and what is wrong with it. */
export interface SettingsProblem {
  path: string;
  message: string;
}

export type SettingsResult = { ok: true; settings: ProgramSettings } | { ok: false; problems: SettingsProblem[] };

/** Validates settings from an admin or from storage; never throws. */
export function parseProgramSettings(input: unknown): SettingsResult {
  const parsed = programSettingsSchema.safeParse(input);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      path: issue.path.join('.') || '(settings)',
      message: issue.message,
    })),
  };
}
