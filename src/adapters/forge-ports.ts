import type { Ports } from '../ports';
import { systemClock } from './clock';
import { DEFAULT_RETRY, JiraClient, type RetryPolicy } from './jira/jira-client';
import { createJiraPort } from './jira/jira-port';
import { ForgeWorkQueue } from './queue';
import { KvsAnnouncementLog } from './storage/announcement-log';
import { KvsAuditLog } from './storage/audit-log';
import { KvsOnceGuard } from './storage/once-guard';
import { KvsPostLog } from './storage/post-log';
import { KvsSettingsStore } from './storage/settings-store';
import { KvsTrackedAppStore } from './storage/tracked-app-store';

export interface ForgePortsOptions {
  /** Retry policy of every Jira call (tests shorten the delays). */
  retry?: RetryPolicy;
}

/**
 * The real adapters, one set per invocation. Questions about the caller (`callerOnTicket`, `callerOnProgram`)
 * are asked with `asUser()`: as the user the platform says is calling, never on anyone's word.
 */
export function forgePorts(options: ForgePortsOptions = {}): Ports {
  const retry = options.retry ?? DEFAULT_RETRY;
  const audit = new KvsAuditLog();
  return {
    jira: createJiraPort({ app: JiraClient.asApp(retry), user: JiraClient.asUser(retry), postLog: new KvsPostLog() }),
    apps: new KvsTrackedAppStore(audit),
    audit,
    settings: new KvsSettingsStore(),
    once: new KvsOnceGuard(systemClock),
    announcements: new KvsAnnouncementLog(),
    queue: new ForgeWorkQueue(),
    clock: systemClock,
  };
}
