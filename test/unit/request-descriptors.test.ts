import { parse } from '@typescript-eslint/typescript-estree';
import { callForDescriptor } from '../../scripts/forge-checks/request-descriptors';

type Syntax = Parameters<typeof callForDescriptor>[0];

/** Every node of `code` for which the permission linter would see a `requestJira` call. */
function callsIn(code: string): Array<{ line: number; method: unknown; path: string }> {
  const calls: Array<{ line: number; method: unknown; path: string }> = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const node = value as Syntax;
    if (typeof node.type === 'string') {
      const call = callForDescriptor(node);
      if (call) {
        const [path, options] = call['arguments'] as [
          Syntax & { quasi: { quasis: Array<{ value: { cooked: string } }> } },
          { properties: Array<{ value: { value: unknown } }> },
        ];
        calls.push({
          line: (call.loc as { start: { line: number } }).start.line,
          method: options.properties[0]?.value.value,
          path: path.quasi.quasis.map((q) => q.value.cooked).join('{}'),
        });
      }
    }
    for (const [key, child] of Object.entries(node))
      if (key !== 'parent' && key !== 'loc' && key !== 'range') visit(child);
  };
  visit(parse(code, { loc: true, range: true }));
  return calls;
}

describe('request descriptors shown to the permission linter', () => {
  it('turns a described request into the call it stands for, at its line', () => {
    const code = [
      "import { route } from '@forge/api';",
      'export const post = (key: string) =>',
      "  jira.send({ method: 'POST', path: route`/rest/api/3/issue/${key}/comment`, json: {} });",
    ].join('\n');
    expect(callsIn(code)).toEqual([{ line: 3, method: 'POST', path: '/rest/api/3/issue/{}/comment' }]);
  });

  it('leaves alone objects that are not request descriptors', () => {
    const code = [
      "const a = { method: 'GET', path: `/rest/api/3/issue/${key}` };", // not built with route
      'const b = { method, path: route`/rest/api/3/myself` };', // method not known
      'const c = { path: route`/rest/api/3/myself` };',
      "const d = { method: 'GET', url: route`/rest/api/3/myself` };",
    ].join('\n');
    expect(callsIn(code)).toEqual([]);
  });
});
