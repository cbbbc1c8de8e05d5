/** The tracked app's types; the schemas that define them are in `model.ts`. */
export type { TrackedApp, WorkFailure, AuditEntry, AuditKind, ArchivedCycle } from './model';
