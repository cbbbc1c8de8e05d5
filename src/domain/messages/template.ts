import { hardBreak, p, strong, text } from '@atlaskit/adf-utils/builders';
import type { Inline, ParagraphDefinition } from '@atlaskit/adf-schema';

/** The values a program text may use: {app}, {windowStart}, {windowEnd}, {remediationDue}, {year}. */
export type TemplateValues = Record<string, string>;

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** Text fit for an ADF text node: control characters (other than tab and newline) removed. */
export function cleanText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** The template with its known placeholders filled; unknown ones stay as written. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

/**
 * The template as ADF paragraphs (blank lines separate paragraphs, single newlines break
 * lines). Every value becomes a text node of its own, never markup; `emphasised` values are bold.
 */
export function templateParagraphs(
  template: string,
  values: TemplateValues,
  emphasised: string[] = [],
): ParagraphDefinition[] {
  return template
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => p(...inlineLines(block, values, emphasised)));
}

function inlineLines(block: string, values: TemplateValues, emphasised: string[]): Inline[] {
  const out: Inline[] = [];
  block.split('\n').forEach((line, i) => {
    if (i > 0) out.push(hardBreak());
    out.push(...inlineLine(line, values, emphasised));
  });
  return out;
}

function inlineLine(line: string, values: TemplateValues, emphasised: string[]): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  let last = 0;
  const flush = () => {
    if (plain !== '') out.push(text(plain));
    plain = '';
  };
  for (const m of line.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    const raw = values[name];
    const value = raw === undefined ? undefined : cleanText(raw).replace(/\s*\n\s*/g, ' ');
    plain += line.slice(last, m.index);
    last = (m.index ?? 0) + m[0].length;
    if (value === undefined) {
      plain += m[0];
    } else if (emphasised.includes(name) && value !== '') {
      flush();
      out.push(strong(value));
    } else {
      plain += value;
    }
  }
  plain += line.slice(last);
  flush();
  return out;
}
