/**
 * Forge's permission linter recognises only direct calls such as
 * `requestJira(route`/rest/...`, { method: 'POST' })`. The app's Jira adapter builds its
 * requests as descriptors, `{ method: 'POST', path: route`/rest/...` }`, and sends them through
 * one client. This shows each descriptor to the linters as the call it stands for, at the same
 * line, so the scope check covers every REST call the app makes.
 */
import type { ESTreeSimpleTraverseOptions, LintInput } from '@forge/lint';

// The syntax tree of the parser @forge/lint uses, reduced to what is read here.
type Node = Parameters<ESTreeSimpleTraverseOptions['enter']>[0];
interface Syntax {
  type: string;
  loc?: unknown;
  range?: unknown;
  [field: string]: unknown;
}
interface Property extends Syntax {
  key: Syntax & { name?: string };
  value: Syntax;
}

const isRoutePath = (node: Syntax): boolean =>
  node.type === 'TaggedTemplateExpression' && (node['tag'] as Syntax & { name?: string }).name === 'route';

function propertyNamed(object: Syntax, name: string): Property | undefined {
  return (object['properties'] as Property[]).find(
    (p) => p.type === 'Property' && p.key.type === 'Identifier' && p.key.name === name,
  );
}

/** The `requestJira(path, { method })` call a request descriptor stands for, if it is one. */
export function callForDescriptor(node: Syntax): Syntax | undefined {
  if (node.type !== 'ObjectExpression') return undefined;
  const path = propertyNamed(node, 'path');
  const method = propertyNamed(node, 'method');
  if (!path || !isRoutePath(path.value) || !method || method.value.type !== 'Literal') return undefined;
  // Only the fields the linters read; the locations are the descriptor's own.
  const at = { loc: node.loc, range: node.range };
  return {
    type: 'CallExpression',
    callee: { type: 'Identifier', name: 'requestJira', ...at },
    arguments: [path.value, { type: 'ObjectExpression', properties: [method], ...at }],
    optional: false,
    ...at,
  };
}

/** The same input, whose traversal also visits the call each request descriptor stands for. */
export function withDescriptorCalls(input: LintInput): LintInput {
  const ast = input.ast;
  if (!ast) return input;
  return {
    ...input,
    ast: {
      ...ast,
      traverse: (options) =>
        ast.traverse({
          enter: (node, parent) => {
            options.enter(node, parent);
            const call = callForDescriptor(node as unknown as Syntax);
            if (call) options.enter(call as unknown as Node, node);
          },
        }),
    },
  };
}
