/**
 * The partner's own words in a reply: without the quoted e-mail below it, the signature,
 * or the greeting. The answer is read from these only, never from the quoted notice.
 */

const QUOTE_HEADERS: RegExp[] = [
  /^-{2,}\s*original message\s*-{2,}$/i,
  /^-{2,}\s*forwarded message\s*-{2,}$/i,
  /^_{10,}$/, // Outlook's separator above the quoted message
  /^(?:-{2,}|—+)?\s*reply above this line\.?/i, // Jira Service Management's e-mail marker
  /^begin forwarded message:?$/i,
];

const SIGNATURE_STARTS: RegExp[] = [
  /^--\s*$/, // the standard "-- " separator (trailing space often lost)
  /^sent from my \w+/i,
  /^sent from (?:outlook|mail|yahoo mail|gmail)\b/i,
  /^get outlook for \w+/i,
];

const SIGN_OFF =
  /^(?:thanks|thank you|thanks again|many thanks|thx|cheers|best|best regards|best wishes|kind regards|warm regards|regards|br|sincerely|all the best|yours)[\s,.!]*$/i;

/** A header line such as "On Tue, 3 Mar 2027 at 09:12, Jane <jane@example.com> wrote:" (maybe split over two lines). */
function wroteHeaderLength(lines: string[], i: number): number {
  const line = (lines[i] ?? '').trim();
  if (/^on\b.*\bwrote:?$/i.test(line)) return 1;
  const next = (lines[i + 1] ?? '').trim();
  if (/^on\b/i.test(line) && /^(?:.*\s)?wrote:$/i.test(next) && line.length + next.length < 300) return 2;
  // Other mail clients: "Jane Doe <jane@example.com> schrieb am ..." / "Le ... a écrit :" are rarer; the '>' lines still go.
  return 0;
}

/** "From: …" followed within a few lines by "Sent:" / "Date:" starts an unprefixed quoted message. */
function isFromHeader(lines: string[], i: number): boolean {
  if (!/^\*?from:\*?\s/i.test((lines[i] ?? '').trim())) return false;
  return lines.slice(i + 1, i + 5).some((l) => /^\*?(sent|date|to|subject):\*?\s/i.test(l.trim()));
}

function nextNonBlank(lines: string[], from: number): string | undefined {
  for (let i = from; i < lines.length; i++) {
    const l = lines[i];
    if (l !== undefined && l.trim() !== '') return l;
  }
  return undefined;
}

export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
}

/** The lines the partner wrote, before any quoted message or signature. */
export function ownLines(text: string): string[] {
  const lines = normaliseText(text).split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.trim();
    if (line.startsWith('>')) continue; // quoted; an inline answer below it is kept
    if (QUOTE_HEADERS.some((re) => re.test(line)) || isFromHeader(lines, i)) break;
    const header = wroteHeaderLength(lines, i);
    if (header > 0) {
      // Bottom-posted replies quote with '>' and answer below: skip the header only.
      // Without '>' the rest of the message is the quote.
      const after = nextNonBlank(lines, i + header);
      if (after !== undefined && after.trim().startsWith('>')) {
        i += header - 1;
        continue;
      }
      break;
    }
    if (SIGNATURE_STARTS.some((re) => re.test(raw.trimStart()) || re.test(raw))) break;
    if (SIGN_OFF.test(line) && kept.some((l) => l.trim() !== '')) break;
    kept.push(raw.trimEnd());
  }
  while (kept.length > 0 && (kept[kept.length - 1] ?? '').trim() === '') kept.pop();
  while (kept.length > 0 && (kept[0] ?? '').trim() === '') kept.shift();
  return kept;
}

const GREETING =
  /^(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening|day)|hi there|hello there)\b[^\n.!?,:;]{0,40}(?:[,!.:;-]+\s*|\s*\n\s*)/i;
const THANKS_OPENING = /^(?:thanks|thank you|many thanks)(?: (?:for|very much)[^\n.!,;]{0,60})?[.!,;]+\s*/i;

/** The reply with greeting and thanks for the notice removed from its start. */
export function withoutOpening(text: string): string {
  let rest = text.trimStart();
  for (let pass = 0; pass < 3; pass++) {
    const before = rest;
    rest = rest.replace(GREETING, '').replace(THANKS_OPENING, '').trimStart();
    if (rest === before) break;
  }
  return rest;
}
