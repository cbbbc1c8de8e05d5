/**
 * What the app posts outside a review cycle, each marked like a review's effects so a retry
 * finds it: a program update's announcement on an approved app's ticket, and the answer to a
 * customer's concern (the public comment once matched, the agents' note when not).
 */
export const PROGRAM_EFFECTS = ['program-update', 'concern-received', 'concern-unmatched'] as const;
export type ProgramEffect = (typeof PROGRAM_EFFECTS)[number];
