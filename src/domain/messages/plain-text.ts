type Node = { type?: unknown; text?: unknown; attrs?: Record<string, unknown>; content?: unknown };

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'codeBlock',
  'panel',
  'rule',
  'mediaSingle',
  'mediaGroup',
  'expand',
  'nestedExpand',
  'table',
  'tableRow',
  'decisionList',
  'taskList',
]);

function children(node: Node): Node[] {
  return Array.isArray(node.content) ? node.content.filter((c): c is Node => typeof c === 'object' && c !== null) : [];
}

function inline(node: Node): string {
  switch (node.type) {
    case 'text':
      return typeof node.text === 'string' ? node.text : '';
    case 'hardBreak':
      return '\n';
    case 'mention':
    case 'emoji':
    case 'status': {
      const t = node.attrs?.text ?? node.attrs?.shortName;
      return typeof t === 'string' ? t : '';
    }
    case 'inlineCard': {
      const url = node.attrs?.url;
      return typeof url === 'string' ? url : '';
    }
    case 'date': {
      const ts = Number(node.attrs?.timestamp);
      return Number.isFinite(ts) ? new Date(ts).toISOString().slice(0, 10) : '';
    }
    default:
      return children(node).map(inline).join('');
  }
}

function blocks(node: Node, prefix: string): string[] {
  const type = node.type;
  if (type === 'bulletList' || type === 'orderedList') {
    return children(node).flatMap((li, i) => {
      const marker = type === 'orderedList' ? `${i + 1}. ` : '- ';
      const lines = children(li).flatMap((c) => blocks(c, ''));
      return lines.map((line, j) => prefix + (j === 0 ? marker : '  ') + line);
    });
  }
  if (type === 'blockquote')
    return children(node)
      .flatMap((c) => blocks(c, ''))
      .map((l) => `${prefix}> ${l}`.trimEnd());
  if (type === 'rule') return [`${prefix}---`];
  if (type === 'paragraph' || type === 'heading' || type === 'codeBlock') {
    return inline(node)
      .split('\n')
      .map((l) => prefix + l);
  }
  if (
    BLOCKS.has(String(type)) ||
    type === 'doc' ||
    type === 'listItem' ||
    type === 'tableCell' ||
    type === 'tableHeader'
  ) {
    return children(node).flatMap((c) => blocks(c, prefix));
  }
  const t = inline(node);
  return t === '' ? [] : t.split('\n').map((l) => prefix + l);
}

/**
 * The visible text of an ADF document, one block per line, list items with "- ": for previews
 * and for reading partners' comments. Unknown or malformed nodes are skipped, never thrown on.
 */
export function adfToPlainText(doc: unknown): string {
  if (typeof doc !== 'object' || doc === null) return '';
  const node = doc as Node;
  if (node.type !== 'doc') return blocks(node, '').join('\n').trim();
  // A paragraph is a line as its author typed it (an empty one is a blank line they left), so
  // paragraphs follow each other on the next line; other blocks stand apart with a blank line.
  let text = '';
  let previous: unknown;
  for (const child of children(node)) {
    const block = blocks(child, '').join('\n');
    if (child.type !== 'paragraph' && block.trim() === '') continue;
    if (previous !== undefined) text += previous === 'paragraph' && child.type === 'paragraph' ? '\n' : '\n\n';
    text += block;
    previous = child.type;
  }
  return text.replace(/\n{3,}/g, '\n\n').trim();
}
