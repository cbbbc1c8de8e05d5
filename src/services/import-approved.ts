import { approve } from '../domain/decide';
import { historyOfEvents } from '../domain/history';
import { APP_NAME_MAX, planImport, type ImportCandidate } from '../domain/import-rules';
import { fail, ok, type Result } from '../domain/result';
import type { TrackedApp } from '../domain/tracked-app';
import { decideContext } from './executor';
import type { InvocationContext } from './invocation-context';
import { createTrackedApp } from './update-app';

const PARALLEL = 5;

export interface ImportOutcome {
  imported: { line: number; issueKey: string; approvedOn: string }[];
  rejected: { line: number; text: string; reason: string }[];
}

/**
 * Imports apps approved before the app was installed, from CSV lines `ticket key,approval date[,app name]`
 * (a header line is allowed). Each line is imported or rejected on its own, with the reason; the
 * first review of an imported app is the current or next one, never a past year's.
 */
export async function importApproved(
  ctx: InvocationContext,
  { by, csv }: { by: string; csv: string },
): Promise<Result<ImportOutcome>> {
  const plan = planImport(csv, { today: ctx.today, programStartedOn: ctx.program.startedOn });
  if (!plan.ok) return fail('invalid', plan.message);
  const { candidates } = plan;
  const report: ImportOutcome = { imported: [], rejected: [...plan.refused] };

  for (let i = 0; i < candidates.length; i += PARALLEL) {
    const batch = candidates.slice(i, i + PARALLEL);
    const outcomes = await Promise.all(batch.map((candidate) => importOne(ctx, by, candidate)));
    outcomes.forEach((reason, j) => {
      const candidate = batch[j]!;
      if (reason) report.rejected.push({ line: candidate.line, text: candidate.text, reason });
      else
        report.imported.push({ line: candidate.line, issueKey: candidate.issueKey, approvedOn: candidate.approvedOn });
    });
  }
  report.imported.sort((a, b) => a.line - b.line);
  report.rejected.sort((a, b) => a.line - b.line);
  return ok(report);
}

/** One line's import: undefined when imported, else why not. */
async function importOne(ctx: InvocationContext, by: string, candidate: ImportCandidate): Promise<string | undefined> {
  try {
    if (await ctx.ports.apps.get(candidate.issueKey))
      return `already tracked: ${candidate.issueKey} is already followed by the app`;
    const issue = await ctx.ports.jira.getIssue(candidate.issueKey);
    if (!issue) return `unknown ticket: ${candidate.issueKey} was not found in Jira`;
    const at = ctx.at;
    const note = 'Met at approval, before the app was installed (imported).';
    const base: TrackedApp = {
      issueKey: issue.key,
      issueId: issue.id,
      appName: candidate.appName ?? (issue.summary.trim().slice(0, APP_NAME_MAX) || issue.key),
      createdAt: at,
      createdBy: by,
      submission: {
        stage: 'approved',
        stageSince: at,
        stageBy: by,
        components: ctx.program.components.map((c) => ({ id: c.id, status: 'met' as const, by, at, note })),
      },
      reviews: [],
      nextActionOn: null,
      version: 1,
    };
    const decided = approve(
      base,
      { approvedOn: candidate.approvedOn, imported: { line: candidate.line } },
      decideContext(ctx, by),
    );
    if (!decided.ok) return decided.error.message;
    const created = await createTrackedApp(ctx, decided.value.state, historyOfEvents(decided.value.events));
    if (created.ok) return undefined;
    if (created.error.code === 'exists') return `already tracked: ${issue.key} is already followed by the app`;
    return created.error.message;
  } catch (error) {
    console.error(`import of ${candidate.issueKey} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 'Jira or the app storage did not answer; nothing was imported for this line, try it again';
  }
}
