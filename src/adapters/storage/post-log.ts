import { kvs } from '@forge/kvs';
import type { PostLog } from '../jira/comments';
import { storageKey } from './storage-keys';

type Note = { state: 'started' } | { state: 'posted'; id: string };

/** Notes of comment posting attempts in plain keys `posted:<issue>:<cycle>:<effect>`. */
export class KvsPostLog implements PostLog {
  async read(key: string): Promise<Note | undefined> {
    const note = await kvs.get<Note>(storageKey('posted:', key));
    if (note?.state === 'posted' && typeof note.id === 'string') return note;
    if (note?.state === 'started') return note;
    return undefined;
  }

  async write(key: string, value: Note): Promise<void> {
    await kvs.set(storageKey('posted:', key), value);
  }
}
