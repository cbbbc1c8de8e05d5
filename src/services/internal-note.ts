import type { AdfDoc } from '../domain/messages/adf';
import type { AuditEntry } from '../domain/tracked-app';
import type { InvocationContext } from './invocation-context';
import type { EffectMark } from './ports';

/**
 * Posts an internal note to agents unless one with the same mark is already on the ticket, and
 * writes it into the ticket's history when it is new (a retry that finds it writes nothing).
 */
export async function postInternalNoteOnce(
  ctx: InvocationContext,
  mark: EffectMark,
  note: AdfDoc,
  history: { summary: string; cycleId?: string; detail: NonNullable<AuditEntry['detail']> },
): Promise<{ id: string; alreadyThere: boolean }> {
  // Nothing in the record says such a note was posted: the mark on the ticket is the guard, so the
  // ticket is searched first and no posting note is kept in storage.
  const posted = await ctx.ports.jira.postCommentOnce(mark, note, 'internal', { lookFirst: true });
  if (!posted.alreadyThere) {
    await ctx.ports.audit.append([
      {
        issueKey: mark.issueKey,
        at: ctx.at,
        by: 'app',
        kind: 'message-posted',
        ...(history.cycleId ? { cycleId: history.cycleId } : {}),
        summary: history.summary,
        detail: { effect: mark.effect, id: posted.id, visibility: 'internal', ...history.detail },
      },
    ]);
  }
  return posted;
}
