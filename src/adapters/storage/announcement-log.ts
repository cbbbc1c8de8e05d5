import { kvs } from '@forge/kvs';
import type { AnnouncementLog } from '../../ports';
import { ANNOUNCED_UPDATES_KEY } from './storage-keys';

/** Program updates announced everywhere, in one plain key (at most a hundred ids: the settings' bound). */
export class KvsAnnouncementLog implements AnnouncementLog {
  async announced(): Promise<string[]> {
    const stored = await kvs.get<unknown>(ANNOUNCED_UPDATES_KEY);
    // A damaged value only means the apps are looked at again; each app's own record keeps its announcement once.
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  }

  async markAnnounced(updateId: string): Promise<void> {
    const ids = await this.announced();
    if (!ids.includes(updateId)) await kvs.set(ANNOUNCED_UPDATES_KEY, [...ids, updateId]);
  }
}
