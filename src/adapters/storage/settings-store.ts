import { kvs } from '@forge/kvs';
import { CLOUD_FORTIFIED } from '../../domain/cloud-fortified';
import { parseProgramSettings, type ProgramSettings } from '../../domain/program';
import type { SettingsStore } from '../../ports';
import { SETTINGS_KEY } from './storage-keys';

/** The program settings in the plain key `program-settings`; Cloud Fortified until an admin saves others. */
export class KvsSettingsStore implements SettingsStore {
  async load(): Promise<{ settings: ProgramSettings; problem?: string }> {
    const stored = await kvs.get<unknown>(SETTINGS_KEY);
    if (stored === undefined) return { settings: CLOUD_FORTIFIED };
    const parsed = parseProgramSettings(stored);
    if (parsed.ok) return { settings: parsed.settings };
    const details = parsed.problems
      .slice(0, 3)
      .map((p) => `${p.path} ${p.message}`)
      .join('; ');
    return { settings: CLOUD_FORTIFIED, problem: `the stored program settings are not valid (${details})` };
  }

  async save(settings: ProgramSettings): Promise<void> {
    // Never store what could not be read back.
    const parsed = parseProgramSettings(settings);
    if (!parsed.ok)
      throw new Error(`program settings not saved: ${parsed.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
    await kvs.set(SETTINGS_KEY, parsed.settings);
  }
}
