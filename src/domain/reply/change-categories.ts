import type { ChangeCategory } from '../program';

/** The significant-change categories a YES reply names, in the program's order. */
export function namedCategories(lines: string[], categories: ChangeCategory[]): string[] {
  // Under the form's headings the partner has sorted the changes already: keywords only
  // read the free text before the first heading.
  const firstHeading = lines.findIndex((line, i) => headingAt(line, i, categories) !== undefined);
  const freeText = firstHeading === -1 ? lines : lines.slice(0, firstHeading);
  const named = new Set<string>([...byHeading(lines, categories), ...byKeyword(freeText, categories)]);
  return categories.map((c) => c.id).filter((id) => named.has(id));
}

export function fold(text: string): string {
  return text.toLowerCase().replace(/&/g, ' and ').replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

/** "## Data stores", "- **Subprocessors:**", "3. Infrastructure or hosting -" → the text without the decoration. */
export function undecorated(line: string): string {
  return line.replace(/^\s*(?:#{1,6}\s*|[-*•+]\s+|\d{1,2}[.)]\s*|\*\*|__|\*)*/, '').replace(/\*\*|__/g, '');
}

const HEADING_SEPARATOR = /^\s*(?:$|[:\-–—?]|\()/;
/** What a partner writes under a heading to say "nothing changed here". */
export const NOTHING_HERE =
  /^[\s:\-–—]*(?:no\b|none\b|nothing\b|n\/?a\b|not applicable\b|unchanged\b|same as\b|nil\b|-+\s*$|no changes?\b)/i;

export interface HeadingHit {
  index: number;
  id: string;
  rest: string;
}

/** "Addition or removal of", "Changes to", "New or modified": openings a partner's heading often leaves out. */
const TITLE_OPENING =
  /^(?:(?:new|additions?|removals?|changes?|modifications?|(?:significant )?updates?)(?: or (?:new|additions?|removals?|changes?|modifications?|modified|removed|(?:significant )?updates?))? (?:of|to) |new or modified )/;

/** The ways a heading may name a category: its title, without its parenthesis, without its opening. */
export function headingNames(category: ChangeCategory): string[] {
  const title = fold(category.title);
  const plain = title.replace(/\s*\([^)]*\)\s*$/, '').trim();
  const short = plain.replace(TITLE_OPENING, '');
  return [...new Set([title, plain, short])].filter((name) => name.length >= 4).sort((a, b) => b.length - a.length);
}

export function headingAt(line: string, index: number, categories: ChangeCategory[]): HeadingHit | undefined {
  const text = fold(undecorated(line));
  for (const category of categories) {
    for (const name of headingNames(category)) {
      if (text.startsWith(name) && HEADING_SEPARATOR.test(text.slice(name.length))) {
        return { index, id: category.id, rest: text.slice(name.length) };
      }
    }
  }
  return undefined;
}

function byHeading(lines: string[], categories: ChangeCategory[]): string[] {
  const hits = lines.map((line, i) => headingAt(line, i, categories)).filter((h): h is HeadingHit => h !== undefined);
  const found: string[] = [];
  hits.forEach((hit, n) => {
    const end = hits[n + 1]?.index ?? lines.length;
    const body = [hit.rest.replace(/^\s*[:\-–—?]\s*/, ''), ...lines.slice(hit.index + 1, end)]
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .join(' ');
    // A heading answered with "none" / "N/A" names nothing; a bare heading in a list does.
    if (body === '' || !NOTHING_HERE.test(body)) found.push(hit.id);
  });
  return found;
}

// "No longer" says something changed ("the editor is no longer built in"), so it does not negate.
const NEGATED = /(?:^|[^a-z0-9])(?:no(?! longer)|not|none|nothing|unchanged|without|never)(?![a-z0-9])|n't\b/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function phrasePattern(phrase: string): RegExp {
  const words = fold(phrase).split(' ').map(escapeRegExp).join('\\s+');
  return new RegExp(`(?:^|[^a-z0-9])${words}(?![a-z0-9])`, 'i');
}

function byKeyword(lines: string[], categories: ChangeCategory[]): string[] {
  // Clauses, so that "we moved to Forge, no new subprocessors" names only the platform.
  const clauses = lines
    .join('\n')
    .split(/[;,!?\n()]|\.(?=\s|$)|\s+but\s+|\s+although\s+|\s+however\s+/i)
    .map(fold)
    .filter((c) => c !== '' && !NEGATED.test(c));
  const found: string[] = [];
  for (const category of categories) {
    const patterns = [category.title, ...(category.keywords ?? [])].map(phrasePattern);
    if (clauses.some((clause) => patterns.some((re) => re.test(clause)))) found.push(category.id);
  }
  return found;
}
