import type { ApiResult, ProgramSettings, Viewer } from '../contract';
import { parseProgramSettings } from '../domain/program';
import { refusal, success } from './api-result';
import type { InvocationContext } from './invocation-context';

/** The program as the admin page edits it (the default program until an admin saves one). */
export async function getSettings(ctx: InvocationContext, viewer: Viewer): Promise<ApiResult<{ settings: ProgramSettings; viewer: Viewer; announcedUpdates: string[] }>> {
  return success({ settings: ctx.program, viewer, announcedUpdates: await ctx.ports.announcements.announced() });
}

/**
 * Validates and stores new program settings. Nothing is stored unless every field is valid; the
 * answer then lists each problem with the field it concerns.
 */
export async function saveSettings(
  ctx: InvocationContext,
  viewer: Viewer,
  input: unknown,
): Promise<ApiResult<{ settings: ProgramSettings }>> {
  const parsed = parseProgramSettings(input);
  if (!parsed.ok) {
    const count = parsed.problems.length;
    const first = parsed.problems[0];
    return refusal(
      'invalid',
      `The settings were not saved: ${count} ${count === 1 ? 'problem' : 'problems'} to fix` +
        (first ? ` (first: ${first.path} ${first.message}).` : '.'),
      parsed.problems,
    );
  }
  await ctx.ports.settings.save(parsed.settings);
  console.info(`program settings saved by ${viewer.accountId}`);
  return success({ settings: parsed.settings });
}
