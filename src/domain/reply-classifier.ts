import type { ProgramSettings } from './program';
import type { PartnerAnswerValue } from './review-types';
import { namedCategories } from './reply/change-categories';
import { readFilledForm, type FilledForm } from './reply/filled-form';
import { ownLines, withoutOpening } from './reply/own-words';

export interface ReplyClassification {
  answer: PartnerAnswerValue;
  /** Significant-change category ids the reply names (YES answers only). */
  categories: string[];
  /** A short sentence saying why, for the agent. */
  reason: string;
}

const YES_WORDS = ['yes', 'yep', 'yeah', 'yup', 'yess', 'yea'];
const NO_WORDS = ['no', 'nope', 'nah', 'nay'];

const HEDGES: RegExp[] = [
  /not (?:\w+ )?sure/,
  /\bunsure\b/,
  /\bi (?:think|believe|guess|suppose)\b/,
  /\b(?:maybe|perhaps|probably|possibly|presumably)\b/,
  /\b(?:let me|i'll|i will|we'll|we will|need to|have to|going to|will) (?:double[- ])?check\b/,
  /\bchecking (?:with|internally|on)\b/,
  /\b(?:get|come|circle) back to you\b/,
  /\b(?:don't|do not|dont) know\b/,
  /\bno idea\b/,
  /\bnot (?:certain|yet)\b/,
  /\bto be confirmed\b|\btb[cd]\b/,
  /\b(?:can't|cannot|can not) (?:say|tell|confirm)\b/,
  /\blooking into\b|\binvestigating\b/,
  /\bnot that (?:i|we) know\b|\bas far as (?:i|we) know\b|\bafaik\b/,
];

/** Phrases that say "no change" without starting with NO. */
const NO_PHRASES: RegExp[] = [
  /(?<!\b(?:other|further|additional|more|new)\s)\bno (?:significant |major |relevant |material |notable |real )?(?:changes?|updates?)\b/,
  /\bnothing (?:significant |major |relevant |material |notable |new )?(?:has |have )?(?:changed|to report|significant|new)\b/,
  /\b(?:have not|haven't|did not|didn't|has not|hasn't) (?:made|had|introduced|done) any (?:significant |major |relevant |material )?changes?\b/,
  /\b(?:there (?:were|have been|are|was|has been)|we have|we had|we've had) no (?:significant |major |relevant |material )?changes?\b/,
  /\bnone this year\b|^none\b/,
];

/** Phrases that say "there were changes" without starting with YES. */
const YES_PHRASES: RegExp[] = [
  /\bwe(?: have|'ve)? (?:made|had|introduced|done) (?:some|a few|several|a couple of|the following|two|three|a|one|many|multiple)? ?(?:significant |major |relevant |material )?changes?\b/,
  /\bthere (?:were|have been|are|was|has been) (?:some|a few|several|a couple of|the following|two|three|a|one|many|multiple) (?:significant |major |relevant |material )?changes?\b/,
  /\bthe following (?:significant |major )?changes\b/,
];

/**
 * A "yes" or "no" that answers something else: the message arrived, the partner will fill in the
 * form later. "Yes, we received your message" is not a YES, nor "No problem, we'll fill it in" a NO.
 */
const NOT_AN_ANSWER: RegExp[] = [
  /\b(?:(?:have |'ve )?(?:received|got|seen|read|found)|receive|saw)\s+(?:your|the|this|that|an?|any|our)\s+(?:[\w-]+\s+)?(?:message|e-?mail|mail|notice|reminder|form|attachment|ticket|comment|request|note|file)s?\b/,
  /\b(?:we|i)(?:'ll|'d| will| would| shall| can|'re going to| are going to| am going to)\s+(?:\w+\s+){0,2}?(?:fill|complete|send|reply|respond|answer|review|look|get back|return|submit|provide|go through|share|come back)\b/,
  /\b(?:noted|acknowledged|will do|on it|got it)\b/,
  /^(?:yes|yep|yeah|yup)\W+(?:well |all )?received\b/,
];

/** Courtesies that open with "no" or "yes" without answering: "No problem", "Yes please". */
const COURTESY =
  /^(?:no (?:problem|problems|worries|worry|rush|bother)|yes,? (?:please|of course|sure|certainly)|sure|ok|okay|of course)(?![a-z'])[\s,.!:;\-–—]*/i;

const CONTRAST = /\b(?:but|except|apart from|other than|however|although|besides|aside from)\b/;

function unclear(reason: string): ReplyClassification {
  return { answer: 'UNCLEAR', categories: [], reason };
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function firstHedge(text: string): string | undefined {
  for (const re of HEDGES) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return undefined;
}

function firstMatch(text: string, patterns: RegExp[]): string | undefined {
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return m[0].trim();
  }
  return undefined;
}

function firstSentence(text: string): string {
  const m = /^[\s\S]*?(?:[.!?](?=\s|$)|\n|$)/.exec(text);
  return (m ? m[0] : text).trim();
}

/**
 * Reads the partner's YES / NO answer to "has the app had any significant change?" from a
 * reply's plain text. Never guesses: whatever is not clearly one answer is UNCLEAR, so that
 * an agent looks at it. A NO passes the significant-change check by itself, so a NO must be
 * beyond doubt; a YES only leaves the check to an agent.
 */
export function classifyReply(text: string, program: ProgramSettings): ReplyClassification {
  if (typeof text !== 'string' || text.trim() === '') return unclear('the reply is empty');
  const lines = ownLines(text);
  if (lines.length === 0) return unclear('has no words of its own (only quoted text or a signature)');
  const form = readFilledForm(lines, program.changeCategories, program.texts.formTitle);
  if (form) return fromFilledForm(form, lines, program);
  return classifyOwnWords(lines, program);
}

/** The form pasted back: its YES/NO line decides, its ticked categories are the ones named. */
function fromFilledForm(form: FilledForm, lines: string[], program: ProgramSettings): ReplyClassification {
  const ticked = program.changeCategories.map((c) => c.id).filter((id) => form.named.some((n) => n.id === id));
  // The answer line left blank: what the partner wrote above the form may answer instead.
  const above = lines.slice(0, form.start);
  const own = form.answer
    ? undefined
    : above.some((l) => l.trim() !== '')
      ? classifyOwnWords(above, program)
      : undefined;
  const answer = form.answer ?? own?.answer;
  if (!answer || answer === 'UNCLEAR') {
    if (own) return own;
    return unclear(
      ticked.length > 0
        ? 'fills in the form’s categories but not its YES/NO answer'
        : 'sends the form without its YES/NO answer',
    );
  }
  if (answer === 'NO' && ticked.length > 0)
    return unclear(`answers NO in the form but ticks ${titles(ticked, program).join(', ')}`);
  const reason = form.answer ? `the form says "${capitalised(form.answer)}"` : (own?.reason ?? '');
  return answer === 'YES'
    ? { answer, categories: [...new Set([...ticked, ...(own?.categories ?? [])])], reason }
    : { answer, categories: [], reason };
}

function classifyOwnWords(lines: string[], program: ProgramSettings): ReplyClassification {
  let body = withoutOpening(lines.join('\n'));
  if (body === '') return unclear('has only a greeting, no answer');
  const courtesy = COURTESY.exec(body);
  if (courtesy) {
    body = body.slice(courtesy[0].length);
    if (body.trim() === '') return unclear(`"${courtesy[0].replace(/[\s,.!:;\-–—]+$/, '')}" is not an answer`);
  }
  const lower = body.toLowerCase();
  const firstParagraph = lower.split(/\n\s*\n/)[0] ?? lower;
  const notAnAnswer = firstMatch(firstSentence(lower), NOT_AN_ANSWER);

  const lead = /^[\s*_"'([{]*([a-z]+)(?![a-z'])/i.exec(body);
  const leadWord = lead?.[1]?.toLowerCase() ?? '';
  const afterLead = lead ? lower.slice(lead[0].length) : lower;
  const leadsYes = YES_WORDS.includes(leadWord);
  const leadsNo = NO_WORDS.includes(leadWord);

  if ((leadsYes || leadsNo) && /^[\s*_"')\]]*\?/.test(afterLead)) {
    return unclear(`answers with a question ("${capitalised(leadWord)}?")`);
  }

  if (leadsYes) {
    if (/^[\s*_"',.:;!\-–—/]*(?:(?:and|or|&|but)\s+)?(?:no|nope|not|nothing|none)\b/.test(afterLead)) {
      return unclear('says both yes and no');
    }
    const alsoNo = overallNo(lower);
    if (alsoNo) return unclear(`says both yes and no ("${alsoNo}")`);
    const hedge = firstHedge(firstParagraph);
    if (hedge) return unclear(`says yes but hedges ("${hedge}")`);
    if (notAnAnswer && !firstMatch(lower, YES_PHRASES))
      return unclear(`says yes to something else ("${notAnAnswer}"), not to a significant change`);
    const categories = namedCategories(lines, program.changeCategories);
    return { answer: 'YES', categories, reason: `starts with "${capitalised(leadWord)}"` };
  }

  if (leadsNo) {
    if (
      /^[\s*_"',.:;!\-–—/]*(?:(?:and|or|&|but)\s+)?(?:yes|yep|yeah)\b/.test(afterLead) ||
      /\b(?:yes|yep|yeah|yup)\b/.test(lower)
    ) {
      return unclear('says both yes and no');
    }
    const hedge = firstHedge(lower);
    if (hedge) return unclear(`says no but hedges ("${hedge}")`);
    if (notAnAnswer) return unclear(`says no to something else ("${notAnAnswer}"), not to a significant change`);
    if (CONTRAST.test(lower)) {
      const named = namedCategories(lines, program.changeCategories);
      if (named.length > 0) return unclear(`says no but names a change (${titles(named, program).join(', ')})`);
    }
    return { answer: 'NO', categories: [], reason: `starts with "${capitalised(leadWord)}"` };
  }

  // No YES or NO at the start: only an unmistakable phrase decides.
  if (firstSentence(lower).endsWith('?')) return unclear('asks a question instead of answering');
  const hedge = firstHedge(lower);
  if (hedge) return unclear(`does not say yes or no, and hedges ("${hedge}")`);
  const noPhrase = firstMatch(lower, NO_PHRASES);
  const yesPhrase = firstMatch(lower, YES_PHRASES);
  if (noPhrase && yesPhrase) return unclear('says both yes and no');
  if (noPhrase) {
    if (/\b(?:yes|yep|yeah|yup)\b/.test(lower)) return unclear('says both yes and no');
    if (CONTRAST.test(lower) && namedCategories(lines, program.changeCategories).length > 0) {
      return unclear('says no change but names one');
    }
    return { answer: 'NO', categories: [], reason: `says "${noPhrase}"` };
  }
  if (yesPhrase) {
    return {
      answer: 'YES',
      categories: namedCategories(lines, program.changeCategories),
      reason: `says "${yesPhrase}"`,
    };
  }
  if (notAnAnswer) return unclear(`does not answer YES or NO ("${notAnAnswer}")`);
  if (courtesy) return unclear(`does not answer YES or NO ("${courtesy[0].replace(/[\s,.!:;\-–—]+$/, '')}")`);
  return unclear('does not start with YES or NO');
}

/**
 * A clause that on its own answers NO ("No.", "No changes this year"), as opposed to "no change
 * to our data stores" or "Security controls: none", which only describe one category.
 */
const OVERALL_NO =
  /^(?:and |but |also )?(?:no|nope|nah|(?:no|nothing) (?:significant |major |relevant |material |notable )?(?:changes?|changed|has changed)(?: (?:this year|for us|on our side|at all|in the past year|since last year|whatsoever))?)$/;

function overallNo(text: string): string | undefined {
  return text
    .split(/[.!?;,\n]+/)
    .map((clause) => clause.replace(/[*_"]/g, '').trim())
    .find((clause) => OVERALL_NO.test(clause));
}

function titles(ids: string[], program: ProgramSettings): string[] {
  return ids.map((id) => program.changeCategories.find((c) => c.id === id)?.title ?? id);
}
