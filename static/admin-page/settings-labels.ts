/**
 * The settings page's sections and the label of every field, by the path `saveSettings` names
 * in its problems: the form shows these labels, and a problem is told by the same words.
 */

export const SECTIONS = [
  { id: 'program', title: 'Program' },
  { id: 'timings', title: 'Timings' },
  { id: 'texts', title: 'Texts' },
  { id: 'statusMapping', title: 'Status mapping' },
  { id: 'components', title: 'Requirement components' },
  { id: 'checks', title: 'Review checks' },
  { id: 'changeCategories', title: 'Significant-change categories' },
  { id: 'programUpdates', title: 'Program updates' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export const LABEL = {
  name: 'Program name',
  startedOn: 'Program started on',
  timezone: 'Time zone',
  projects: 'Projects',
  requestTypes: 'Request types',
  formTemplateId: 'JSM form template id',
  escalationRequestTypes: 'Concern request types',
  'timings.noticeDaysBefore': 'Notice, days before the window',
  'timings.windowDays': 'Window, last days of the month',
  'timings.remediationDays': 'Remediation, days after the window',
  'timings.remediationReminderDaysBefore': 'Reminder, days before the deadline',
  'texts.notice': 'Notice comment',
  'texts.escalationNotice': 'Escalation notice',
  'texts.answerReminder': 'Answer reminder',
  'texts.progressUpdate': 'Progress update',
  'texts.remediationReminder': 'Remediation reminder',
  'texts.formTitle': 'Form title',
} as const;

/** The lists of the settings: what one item is called, and its fields' labels. */
export const LISTS = {
  statusMapping: { item: 'status', fields: { status: 'JSM status', stage: 'Stage' } },
  components: {
    item: 'component',
    fields: {
      id: 'Id',
      area: 'Area',
      title: 'Title',
      description: 'Description',
      soaks: 'Soaks before it becomes active',
      soakDays: 'Soak days',
    },
  },
  checks: { item: 'check', fields: { id: 'Id', title: 'Title', description: 'Description' } },
  changeCategories: { item: 'category', fields: { id: 'Id', title: 'Title', examples: 'Examples' } },
  programUpdates: {
    item: 'update',
    fields: {
      id: 'Id',
      announcedOn: 'Announcement day',
      effectiveFrom: 'Effective day',
      addCheck: 'New check',
      text: 'What changes',
    },
  },
} as const;

/** Labels of a program update's new check, by the rest of the path after `addCheck`. */
export const NEW_CHECK_FIELDS = {
  id: 'New check id',
  title: 'New check title',
  description: 'New check description',
} as const;

const SECTION_OF_TOP: Record<string, SectionId> = {
  name: 'program',
  startedOn: 'program',
  timezone: 'program',
  projects: 'program',
  requestTypes: 'program',
  formTemplateId: 'program',
  escalationRequestTypes: 'program',
  timings: 'timings',
  texts: 'texts',
};

/** The section a problem's path belongs to; the program section for the settings as a whole. */
export function sectionOf(path: string): SectionId {
  const top = path.split('.')[0] ?? '';
  if (top in LISTS) return top as SectionId;
  return SECTION_OF_TOP[top] ?? 'program';
}

/** A problem's place in words: "Review checks, check 3: Title" rather than `checks.2.title`. */
export function fieldLabel(path: string): string {
  const parts = path.split('.');
  const top = parts[0] ?? '';
  if (top in LISTS) {
    const list = LISTS[top as keyof typeof LISTS];
    const section = SECTIONS.find((s) => s.id === top)!.title;
    const index = Number(parts[1]);
    if (parts.length < 2 || !Number.isInteger(index)) return section;
    const field =
      parts[2] === 'addCheck' && parts[3]
        ? (NEW_CHECK_FIELDS as Record<string, string>)[parts[3]]
        : (list.fields as Record<string, string>)[parts[2] ?? ''];
    return `${section}, ${list.item} ${index + 1}${field ? `: ${field}` : ''}`;
  }
  const exact = (LABEL as Record<string, string>)[path];
  if (exact) return exact;
  // An item of a list field (a project key, a request type) is told by the field and its place.
  const parent = (LABEL as Record<string, string>)[parts.slice(0, -1).join('.')];
  if (parent && /^\d+$/.test(parts[parts.length - 1] ?? ''))
    return `${parent}, item ${Number(parts[parts.length - 1]) + 1}`;
  if (top === 'timings') return 'Timings';
  if (top === 'texts') return 'Texts';
  return 'The settings';
}
