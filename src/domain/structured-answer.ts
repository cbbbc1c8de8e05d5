import { FORM_LABELS } from './messages/significant-change-form';
import type { CategoryDetail, PartnerAnswer } from './model';
import type { ProgramSettings } from './program';

/**
 * A partner's structured answer (the portal panel, the JSM form): YES or NO, the categories that
 * changed and, per category, what changed, how it affects security or reliability and whether the
 * listing was updated. The JSM form's answers are read by the form's own labels (`FORM_LABELS`),
 * a category's questions carrying its title first ("Encryption: What changed:").
 */

export const FORM_EVIDENCE = 'answered in the JSM form on the request';

/** The answer as the text kept as evidence for the agents: each category and what the partner said of it. */
export function structuredAnswerText(
  program: ProgramSettings,
  value: 'YES' | 'NO',
  details: CategoryDetail[],
  evidence: string,
): string {
  const lines = [`${value} (${evidence})`];
  for (const d of details) {
    const title = program.changeCategories.find((k) => k.id === d.categoryId)?.title ?? d.categoryId;
    lines.push(
      '',
      title,
      `- What changed: ${d.whatChanged || '(not said)'}`,
      `- How it affects security or reliability: ${d.effect || '(not said)'}`,
    );
    lines.push(
      `- Marketplace listing and Privacy & Security tab updated: ${d.listingUpdated === undefined ? '(not said)' : d.listingUpdated ? 'yes' : 'no'}`,
    );
  }
  return lines.join('\n');
}

/** Labels and answers compared by their words only: case, punctuation and spacing do not matter. */
const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A form answer as text: Forms answers text, choices, a tick or a list of them. */
function answerText(answer: unknown): string {
  if (answer === null || answer === undefined) return '';
  if (typeof answer === 'string') return answer.trim();
  if (typeof answer === 'number' || typeof answer === 'boolean') return String(answer);
  if (Array.isArray(answer))
    return answer
      .map(answerText)
      .filter((t) => t !== '')
      .join(', ');
  if (typeof answer === 'object') {
    const a = answer as { text?: unknown; value?: unknown; label?: unknown; choices?: unknown };
    return answerText(a.text ?? a.value ?? a.label ?? a.choices);
  }
  return '';
}

const YES = /^(yes|y|true|ticked|checked|x)\b/;
const NO = /^(no|n|false)\b/;

function yesNo(text: string): boolean | undefined {
  const folded = fold(text);
  if (YES.test(folded)) return true;
  if (NO.test(folded)) return false;
  return undefined;
}

/**
 * The answer a submitted JSM form gives, or null when its YES/NO question is blank or reads as
 * neither (the partner has not answered in the form: the reply reader and the agents decide).
 */
export function answerFromForm(
  program: ProgramSettings,
  answers: Record<string, unknown>,
  at: string,
): PartnerAnswer | null {
  const byLabel = new Map(Object.entries(answers).map(([label, answer]) => [fold(label), answerText(answer)]));
  const said = (...labels: string[]) =>
    labels.map((l) => byLabel.get(fold(l))).find((t) => t !== undefined && t !== '') ?? '';
  const value = yesNo(said(FORM_LABELS.question, FORM_LABELS.answer));
  if (value === undefined) return null;
  const details: CategoryDetail[] = [];
  if (value) {
    // A "Changed" question may list the categories that changed by title.
    const listed = fold(said(FORM_LABELS.changed));
    for (const c of program.changeCategories) {
      const of = (label: string) => said(`${c.title}: ${label}`);
      const whatChanged = of(FORM_LABELS.whatChanged);
      const ticked =
        yesNo(of(FORM_LABELS.changed) || said(c.title)) === true || (listed !== '' && listed.includes(fold(c.title)));
      // A category described but left unticked still changed.
      if (!ticked && whatChanged === '') continue;
      const listingUpdated = yesNo(of(FORM_LABELS.listingUpdated));
      details.push({
        categoryId: c.id,
        whatChanged,
        effect: of(FORM_LABELS.effect),
        ...(listingUpdated !== undefined ? { listingUpdated } : {}),
      });
    }
  }
  const answer = value ? 'YES' : 'NO';
  return {
    value: answer,
    categories: details.map((d) => d.categoryId),
    ...(details.length ? { details } : {}),
    source: 'form',
    text: structuredAnswerText(program, answer, details, FORM_EVIDENCE),
    reason: FORM_EVIDENCE,
    by: 'app',
    at,
  };
}
