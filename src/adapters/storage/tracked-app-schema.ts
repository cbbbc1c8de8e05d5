import { trackedAppSchema, type TrackedApp } from '../../domain/model';

// What comes back from storage is parsed with the domain's own schema: a record written by an
// older version, or damaged, is reported and skipped rather than crash a sweep that serves every
// other ticket, and a record read back is exactly the record that was written.

export type StoredAppProblem = { issueKey: string; problems: string[] };

export function parseStoredApp(
  value: unknown,
  key: string,
): { ok: true; app: TrackedApp } | { ok: false; problem: StoredAppProblem } {
  const parsed = trackedAppSchema.safeParse(value);
  if (parsed.success) return { ok: true, app: parsed.data };
  return {
    ok: false,
    problem: {
      issueKey: key,
      problems: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`),
    },
  };
}
