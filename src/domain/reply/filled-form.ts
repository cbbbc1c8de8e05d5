import { FORM_LABELS } from '../messages/significant-change-form';
import type { ChangeCategory } from '../program';
import { fold, headingAt, NOTHING_HERE, undecorated, type HeadingHit } from './change-categories';

/** What one category of a filled-in form says. */
export interface FilledCategory {
  id: string;
  ticked: boolean;
  whatChanged?: string;
  effect?: string;
  listingUpdated?: string;
}

/** The significant-change form pasted back into a reply and filled in. */
export interface FilledForm {
  /** The form's YES/NO line; undefined when left blank or unreadable. */
  answer?: 'YES' | 'NO';
  /** The answer line as written, for the reason shown to agents. */
  answerText: string;
  /** Categories ticked, or left unticked but described. */
  named: FilledCategory[];
  /** Index of the reply's first line that belongs to the form: what is above it is the partner's own text. */
  start: number;
}

const BOX_TICKED = /^\s*\[\s*[xX✓✔*]\s*\]/;
const label = (text: string) => fold(text);

/** The value after a label at the start of a line ("What changed: moved to Brevo" → "moved to Brevo"). */
function valueAfter(line: string, name: string): string | undefined {
  const text = fold(undecorated(line).replace(/^\s*\[[^\]]*\]\s*/, ''));
  const wanted = label(name);
  return text.startsWith(wanted) ? text.slice(wanted.length).replace(/[*_]/g, '').trim() : undefined;
}

function answerOf(value: string): 'YES' | 'NO' | undefined {
  const words = value.toLowerCase().match(/[a-z]+/g) ?? [];
  const yes = words.some((w) => ['yes', 'yep', 'yeah', 'y'].includes(w));
  const no = words.some((w) => ['no', 'nope', 'n'].includes(w));
  // "YES or NO" left as written, or both, is no answer.
  if (yes === no) return undefined;
  return yes ? 'YES' : 'NO';
}

/** Lines inside ``` fences (the form's own filled-in example) are not the partner's answer. */
function outsideFences(lines: string[]): (string | undefined)[] {
  let inFence = false;
  return lines.map((line) => {
    if (/^\s*```/.test(line)) {
      inFence = !inFence;
      return undefined;
    }
    return inFence ? undefined : line;
  });
}

const FORM_OPENINGS = ['## how to answer', '## significant change', label(FORM_LABELS.question)];

/**
 * Reads the form when the reply holds its YES/NO line; undefined when the reply is not a filled
 * form. Only the partner's marks count: the form's examples and empty questions name nothing.
 */
export function readFilledForm(
  lines: string[],
  categories: ChangeCategory[],
  formTitle: string,
): FilledForm | undefined {
  const usable = outsideFences(lines);
  const answerIndex = usable.findIndex(
    (line) => line !== undefined && valueAfter(line, FORM_LABELS.answer) !== undefined,
  );
  if (answerIndex === -1) return undefined;
  const answerText = valueAfter(usable[answerIndex] as string, FORM_LABELS.answer) ?? '';
  const title = `# ${label(formTitle)}`;
  const start = usable.findIndex(
    (line, i) =>
      i === answerIndex ||
      (line !== undefined && (fold(line).startsWith(title) || FORM_OPENINGS.some((o) => fold(line).startsWith(o)))),
  );

  const hits = usable
    .map((line, i) => (line === undefined || i < answerIndex ? undefined : headingAt(line, i, categories)))
    .filter((h): h is HeadingHit => h !== undefined);
  const named: FilledCategory[] = [];
  hits.forEach((hit, n) => {
    const end = hits[n + 1]?.index ?? usable.length;
    const block = usable.slice(hit.index + 1, end).filter((l): l is string => l !== undefined && !/^\s*#/.test(l));
    const field = (name: string) => {
      for (const line of block) {
        const value = valueAfter(line, name);
        if (value !== undefined) return value === '' || NOTHING_HERE.test(value) ? undefined : value;
      }
      return undefined;
    };
    const ticked = block.some((line) => BOX_TICKED.test(undecorated(line)));
    const filled: FilledCategory = { id: hit.id, ticked };
    const whatChanged = field(FORM_LABELS.whatChanged);
    const effect = field(FORM_LABELS.effect);
    const listingUpdated = field(FORM_LABELS.listingUpdated);
    if (whatChanged) filled.whatChanged = whatChanged;
    if (effect) filled.effect = effect;
    if (listingUpdated) filled.listingUpdated = listingUpdated;
    if ((ticked || whatChanged) && !named.some((c) => c.id === hit.id)) named.push(filled);
  });

  const form: FilledForm = { answerText, named, start: start === -1 ? answerIndex : start };
  const answer = answerOf(answerText);
  if (answer) form.answer = answer;
  return form;
}
