import { createHash } from 'node:crypto';

export const TRACKED_APP_ENTITY = 'tracked-app';
export const AUDIT_ENTITY = 'audit-entry';
export const SETTINGS_KEY = 'program-settings';
/** The ids of the program updates announced to every approved app. */
export const ANNOUNCED_UPDATES_KEY = 'program-updates-announced';
/** The value the `by-next-action` index holds for an app with nothing pending: after every real date. */
export const NOTHING_PENDING = '9999-12-31';

// Forge's key syntax: letters, digits, `:._-#` and spaces; at most 500 characters.
const KEY_PATTERN = /^[a-zA-Z0-9:._\-#]+$/;

/** A storage key under `prefix`; a name the store would refuse is replaced by its hash. */
export function storageKey(prefix: string, name: string): string {
  const key = `${prefix}${name}`;
  if (key.length <= 400 && KEY_PATTERN.test(name)) return key;
  return `${prefix}h:${createHash('sha256').update(name).digest('hex')}`;
}
