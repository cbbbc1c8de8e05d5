/**
 * Plain text of an ADF body as Jira returns it. Tolerant: a body of unexpected shape gives the
 * text that can be found in it, never an error (a partner's reply must always be readable).
 */
export function adfText(node: unknown): string {
  const out: string[] = [];
  walk(node, out);
  return out
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'listItem', 'codeBlock', 'rule', 'panel', 'tableRow']);

function walk(node: unknown, out: string[]): void {
  if (typeof node === 'string') {
    out.push(node);
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((child) => walk(child, out));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const { type, text, content, attrs } = node as {
    type?: unknown;
    text?: unknown;
    content?: unknown;
    attrs?: Record<string, unknown>;
  };
  if (type === 'hardBreak') {
    out.push('\n');
    return;
  }
  if (typeof text === 'string') out.push(text);
  else if (type === 'mention' && attrs && typeof attrs.text === 'string') out.push(attrs.text);
  else if (type === 'emoji' && attrs && typeof attrs.text === 'string') out.push(attrs.text);
  else if ((type === 'inlineCard' || type === 'blockCard') && attrs && typeof attrs.url === 'string')
    out.push(attrs.url);
  walk(content, out);
  if (typeof type === 'string' && BLOCKS.has(type)) out.push('\n');
}
