import type { IsoDate } from './dates';
import type { ProgramSettings, ProgramUpdate, ReviewCheck } from './program';

/**
 * Program updates told ahead of time: which checks a review has, and which announcements fall
 * due on a day. Pure: "today" and what was already announced are parameters.
 */

/**
 * The checks of a review whose window starts on `windowStart`: the program's checks, plus each
 * check added by an update effective on or before that day. A review already under way when a
 * check takes effect keeps the checks it started with.
 */
export function checksForCycle(program: ProgramSettings, windowStart: IsoDate): ReviewCheck[] {
  const added = addedChecks(program, (u) => u.effectiveFrom <= windowStart);
  return [...program.checks, ...added.filter((c) => !program.checks.some((p) => p.id === c.id))];
}

/** The checks the program's updates add (those `which` keeps), by effective day, as review checks. */
function addedChecks(program: ProgramSettings, which: (u: ProgramUpdate) => boolean = () => true): ReviewCheck[] {
  return (program.programUpdates ?? [])
    .filter((u) => u.addCheck && which(u))
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0))
    .map((u) => u.addCheck as NonNullable<ProgramUpdate['addCheck']>)
    .map((c) => ({ id: c.id, title: c.title, description: c.description ?? c.title }));
}

/**
 * A check's title and description, whether it is one of the program's or one an update adds:
 * every message, view and event names a check through this.
 */
export function checkDefinition(program: ProgramSettings, id: string): ReviewCheck | undefined {
  return program.checks.find((c) => c.id === id) ?? addedChecks(program).find((c) => c.id === id);
}

/** A check's title, or its id when the program no longer knows it. */
export function checkTitle(program: ProgramSettings, id: string): string {
  return checkDefinition(program, id)?.title ?? id;
}

/** Every check id an agent may record in some review: the program's and the ones updates add. */
export function allCheckIds(program: ProgramSettings): string[] {
  return [
    ...program.checks.map((c) => c.id),
    ...(program.programUpdates ?? []).flatMap((u) => (u.addCheck ? [u.addCheck.id] : [])),
  ];
}

/**
 * The updates to announce on `today`, oldest announcement first: those whose announcement day
 * has come and that were not announced yet. A sweep that missed days catches up with them,
 * even past the effective day: told late is better than never told.
 */
export function announcementsDue(
  program: ProgramSettings,
  today: IsoDate,
  alreadyAnnounced: Iterable<string>,
): ProgramUpdate[] {
  const done = new Set(alreadyAnnounced);
  return (program.programUpdates ?? [])
    .filter((u) => u.announcedOn <= today && !done.has(u.id))
    .sort((a, b) => (a.announcedOn < b.announcedOn ? -1 : a.announcedOn > b.announcedOn ? 1 : 0));
}

/** Whether any update could fall due on `today`: lets a sweep skip every read on a quiet day. */
export function anyAnnouncementOnOrBefore(program: ProgramSettings, today: IsoDate): boolean {
  return (program.programUpdates ?? []).some((u) => u.announcedOn <= today);
}
