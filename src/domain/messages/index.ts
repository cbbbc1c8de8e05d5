export type { AdfDoc } from './adf';
export { agentNote, AGENT_NOTE_KINDS, type AgentNoteDetails, type AgentNoteKind } from './agent-notes';
export {
  answerReminderComment,
  noticeComment,
  overdueComment,
  progressUpdateComment,
  remediationReminderComment,
  remediationStartComment,
} from './partner-comments';
export { dateForPartner, dateForPeople } from './people-dates';
export { adfToPlainText } from './plain-text';
export { formFileName, significantChangeForm, type FormDocument } from './significant-change-form';
export { fillTemplate } from './template';
export { concernReceivedComment, concernUnmatchedNote, programUpdateComment } from './program-messages';
