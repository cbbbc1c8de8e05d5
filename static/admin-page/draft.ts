/**
 * The settings being edited, as plain JSON addressed by dotted paths — the same paths
 * `saveSettings` uses in its problems, so each problem lands next to its field.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function getAt(root: Json, path: string): Json | undefined {
  let node: Json | undefined = root;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[Number(part)] : node[part];
  }
  return node;
}

/** A copy of `root` with `value` at `path` (`undefined` removes the key). */
export function setAt(root: Json, path: string, value: Json | undefined): Json {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return root;
  const child =
    rest.length === 0
      ? value
      : setAt(childOf(root, head) ?? (/^\d+$/.test(rest[0] ?? '') ? [] : {}), rest.join('.'), value);
  if (Array.isArray(root)) {
    const copy = [...root];
    if (child === undefined) copy.splice(Number(head), 1);
    else copy[Number(head)] = child;
    return copy;
  }
  const copy: { [key: string]: Json } = { ...(root !== null && typeof root === 'object' ? root : {}) };
  if (child === undefined) delete copy[head];
  else copy[head] = child;
  return copy;
}

function childOf(root: Json, key: string): Json | undefined {
  if (root === null || typeof root !== 'object') return undefined;
  return Array.isArray(root) ? root[Number(key)] : root[key];
}

/** Problems at `path` itself (not those of nested fields). */
export function problemsAt(problems: { path: string; message: string }[], path: string): string[] {
  return problems.filter((p) => p.path === path).map((p) => p.message);
}
