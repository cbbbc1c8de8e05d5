import { parseProgramSettings, type ProgramSettings } from '../domain/program';
import { fail, ok, type Result } from '../domain/result';
import type { InvocationContext } from './invocation-context';

/**
 * Validates and stores new program settings. Nothing is stored unless every field is valid; the
 * refusal then lists each problem with the field it concerns.
 */
export async function saveSettings(
  ctx: InvocationContext,
  { by, settings }: { by: string; settings: unknown },
): Promise<Result<ProgramSettings>> {
  const parsed = parseProgramSettings(settings);
  if (!parsed.ok) {
    const count = parsed.problems.length;
    const first = parsed.problems[0];
    return fail(
      'invalid',
      `The settings were not saved: ${count} ${count === 1 ? 'problem' : 'problems'} to fix` +
        (first ? ` (first: ${first.path} ${first.message}).` : '.'),
      parsed.problems,
    );
  }
  await ctx.ports.settings.save(parsed.settings);
  console.info(`program settings saved by ${by}`);
  return ok(parsed.settings);
}
