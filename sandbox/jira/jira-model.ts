import type { AdfNode } from './adf-text';

/** `unlicensed`: an Atlassian account without access to this site's Jira (Jira turns it away). */
export type UserKind = 'agent' | 'partner' | 'admin' | 'app' | 'unlicensed';

export interface JiraUser {
  accountId: string;
  displayName: string;
  kind: UserKind;
  email?: string;
  /** False until the user grants the app access to act as them: `asUser()` then needs consent. */
  consented?: boolean;
}

export interface JiraComment {
  id: string;
  authorId: string;
  updateAuthorId: string;
  body: AdfNode;
  created: number;
  updated: number;
  jsdPublic: boolean;
  properties: Record<string, unknown>;
}

export interface JiraAttachment {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  contentBase64: string;
  authorId: string;
  created: number;
  /** Shown to customers on the portal: only JSM's request attachment with `public: true` does that. */
  public?: boolean;
}

export interface FormTemplate {
  id: string;
  name: string;
  questions: { id: string; label: string }[];
}

export interface IssueForm {
  id: string;
  templateId: string;
  name: string;
  visibility: 'internal' | 'external';
  status: 'open' | 'submitted' | 'locked';
  answers: Record<string, string>;
  updated: number;
}

export interface JiraIssue {
  id: string;
  key: string;
  summary: string;
  status: string;
  requestType?: string;
  reporterId: string;
  participants: string[];
  created: number;
  updated: number;
  labels: string[];
  properties: Record<string, unknown>;
  comments: JiraComment[];
  attachments: JiraAttachment[];
  forms: IssueForm[];
  /** Plain text, as a customer typed it on the portal. */
  description?: string;
  /** Issue links, each held by both of its issues as Jira shows them. */
  links?: { type: string; inwardKey: string; outwardKey: string }[];
  changelog: {
    id: string;
    authorId: string;
    created: number;
    items: { field: string; fromString: string | null; toString: string | null }[];
  }[];
}

export interface StatusDef {
  id: string;
  name: string;
  category: 'new' | 'indeterminate' | 'done';
}

/** The Cloud Fortified project's workflow: statuses (matching the program's status mapping) and transitions. */
export const STATUSES: StatusDef[] = [
  { id: '10001', name: 'Open', category: 'new' },
  { id: '10002', name: 'Waiting for support', category: 'indeterminate' },
  { id: '10003', name: 'In triage', category: 'indeterminate' },
  { id: '10004', name: 'Waiting for partner', category: 'indeterminate' },
  { id: '10005', name: 'In verification', category: 'indeterminate' },
  { id: '10006', name: 'Soaking', category: 'indeterminate' },
  { id: '10007', name: 'Approved', category: 'done' },
  { id: '10008', name: 'Declined', category: 'done' },
  { id: '10009', name: 'Withdrawn', category: 'done' },
];

/** Transition names by target status. */
const TRANSITION_NAMES: Record<string, string> = {
  'Waiting for support': 'Respond to support',
  'In triage': 'Start triage',
  'Waiting for partner': 'Wait for partner',
  'In verification': 'Start verification',
  Soaking: 'Start soak',
  Approved: 'Approve',
  Declined: 'Decline',
  Withdrawn: 'Withdraw',
};

const WORKFLOW: Record<string, string[]> = {
  Open: ['Waiting for support', 'In triage', 'Waiting for partner', 'Declined', 'Withdrawn'],
  'Waiting for support': ['In triage', 'Waiting for partner', 'In verification', 'Declined', 'Withdrawn'],
  'In triage': ['Waiting for partner', 'In verification', 'Declined', 'Withdrawn'],
  'Waiting for partner': ['Waiting for support', 'In triage', 'In verification', 'Declined', 'Withdrawn'],
  'In verification': ['Waiting for partner', 'Soaking', 'Approved', 'Declined', 'Withdrawn'],
  Soaking: ['In verification', 'Waiting for partner', 'Approved', 'Declined', 'Withdrawn'],
  Approved: ['In verification', 'Withdrawn'],
  Declined: ['In triage'],
  Withdrawn: ['In triage'],
};

export interface TransitionDef {
  id: string;
  name: string;
  to: StatusDef;
}

export function statusByName(name: string): StatusDef | undefined {
  return STATUSES.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

export function transitionsFrom(status: string): TransitionDef[] {
  return (WORKFLOW[status] ?? []).map((target) => {
    const to = statusByName(target) as StatusDef;
    return { id: String(Number(to.id) - 10000 + 10), name: TRANSITION_NAMES[target] ?? target, to };
  });
}

export const PROJECT = { id: '10000', key: 'CFP', name: 'Cloud Fortified Program', serviceDeskId: '1' };

export const REQUEST_TYPES = [
  { id: '101', name: 'App submission' },
  { id: '102', name: 'Cloud Fortified review' },
  // Customers raise a concern about an app's compliance through it (the program's default name).
  { id: '103', name: 'Report a concern about an app' },
];

export const ISSUE_TYPE = { id: '10100', name: 'Service Request', subtask: false };

/** What an agent of the service desk may do on its project's tickets. */
const AGENT_PERMISSIONS = [
  'BROWSE_PROJECTS',
  'LINK_ISSUES',
  'EDIT_ISSUES',
  'ADD_COMMENTS',
  'EDIT_ALL_COMMENTS',
  'TRANSITION_ISSUES',
  'CREATE_ATTACHMENTS',
  'ASSIGN_ISSUES',
  'SERVICEDESK_AGENT',
];

export const PERMISSIONS_BY_KIND: Record<UserKind, string[]> = {
  agent: AGENT_PERMISSIONS,
  admin: [...AGENT_PERMISSIONS, 'ADMINISTER_PROJECTS', 'ADMINISTER'],
  // An installed app works on the project's tickets, but administers nothing and may not search
  // users by permission (that needs Administer Jira or Browse users and groups).
  app: AGENT_PERMISSIONS,
  // a customer sees and comments on the requests they raised or take part in
  partner: ['BROWSE_PROJECTS', 'ADD_COMMENTS', 'CREATE_ATTACHMENTS'],
  unlicensed: [],
};

export const KNOWN_PERMISSIONS = new Set([
  ...Object.values(PERMISSIONS_BY_KIND).flat(),
  'DELETE_ISSUES',
  'CREATE_ISSUES',
  'CLOSE_ISSUES',
  'RESOLVE_ISSUES',
  'DELETE_ALL_COMMENTS',
  'EDIT_OWN_COMMENTS',
  'WORK_ON_ISSUES',
  'LINK_ISSUES',
  'MANAGE_WATCHERS',
  'VIEW_WATCHERS',
  'SCHEDULE_ISSUES',
  'MOVE_ISSUES',
  'SET_ISSUE_SECURITY',
  'MODIFY_REPORTER',
  'USER_PICKER',
  'SYSTEM_ADMIN',
  'CREATE_SHARED_OBJECTS',
  'BULK_CHANGE',
  'ADMINISTER',
  'SERVICEDESK_AGENT',
]);

/** Jira's own time format: 2026-03-11T09:00:00.000+0000 */
export function jiraTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}
