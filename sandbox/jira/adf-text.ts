/** Atlassian Document Format: the plain text of a document, and a document from plain text. */
export interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  version?: number;
}

/** An attribute shown as text: only strings are. */
const attrText = (value: unknown): string => (typeof value === 'string' ? value : '');

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'codeBlock',
  'listItem',
  'rule',
  'panel',
  'tableRow',
  'mediaSingle',
]);

export function adfToText(doc: unknown): string {
  const out: string[] = [];
  const walk = (node: AdfNode) => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'text' && typeof node.text === 'string') out.push(node.text);
    else if (node.type === 'hardBreak') out.push('\n');
    else if (node.type === 'mention') out.push(attrText(node.attrs?.text));
    else if (node.type === 'emoji') out.push(attrText(node.attrs?.text) || attrText(node.attrs?.shortName));
    else if (node.type === 'inlineCard') out.push(attrText(node.attrs?.url));
    for (const child of node.content ?? []) walk(child);
    if (BLOCKS.has(node.type)) out.push('\n');
  };
  walk(doc as AdfNode);
  return out
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function textToAdf(text: string): AdfNode {
  return {
    type: 'doc',
    version: 1,
    content: text
      .split('\n')
      .map((line) => ({ type: 'paragraph', content: line ? [{ type: 'text', text: line }] : [] })),
  };
}

/** Why Jira would refuse this as a rich-text body, or undefined when it is a well-formed document. */
export function adfProblem(doc: unknown): string | undefined {
  const d = doc as AdfNode;
  if (!d || typeof d !== 'object' || Array.isArray(d)) return 'the body is not an Atlassian Document Format document';
  if (d.type !== 'doc') return 'the document root must have type "doc"';
  if (d.version !== 1) return 'the document must have version 1';
  if (!Array.isArray(d.content)) return 'the document must have a content array';
  const bad = (n: AdfNode, depth: number): string | undefined => {
    if (!n || typeof n !== 'object' || typeof n.type !== 'string') return 'every node needs a type';
    if (n.type === 'text' && (typeof n.text !== 'string' || n.text.length === 0))
      return 'a text node needs non-empty text';
    if (depth > 50) return 'the document is nested too deeply';
    if (n.content !== undefined && !Array.isArray(n.content))
      return `node ${n.type} has a content that is not an array`;
    for (const c of n.content ?? []) {
      const p = bad(c, depth + 1);
      if (p) return p;
    }
    return undefined;
  };
  for (const n of d.content) {
    const p = bad(n, 1);
    if (p) return p;
  }
  return undefined;
}
