import * as fs from 'fs';
import * as path from 'path';
import type OpenAPIBackendType from 'openapi-backend';
import type addFormatsType from 'ajv-formats';

// openapi-backend pulls in an ES module (json-schema-ref-parser). Node's own require loads it;
// jest's module registry cannot, so under jest the checker is loaded by Node's require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const NodeModule = require('module') as { _load(request: string, parent: unknown, isMain: boolean): unknown };
const nodeRequire = (id: string): unknown => NodeModule._load(require.resolve(id), null, false);
const OpenAPIBackend = (nodeRequire('openapi-backend') as { default: typeof OpenAPIBackendType }).default;
const addFormats = (nodeRequire('ajv-formats') as { default: typeof addFormatsType }).default;

export interface Violation {
  method: string;
  path: string;
  reason: string;
}

export type ContractVerdict =
  | { kind: 'ok'; route: string }
  | { kind: 'unchecked'; route: string } // no published spec (JSM forms) or the check is off
  | { kind: 'violation'; route: string; status: 400 | 404; reason: string };

type Api = OpenAPIBackendType;

// Loaded once per process: parsing the platform spec is the expensive part.
const loaded = new Map<string, Api | null>();

function loadSpec(file: string): Api | null {
  if (loaded.has(file)) return loaded.get(file) ?? null;
  if (!fs.existsSync(file)) {
    loaded.set(file, null);
    return null;
  }
  const definition = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    components?: { schemas?: Record<string, unknown> };
  };
  // `JsonNode` is Jackson's "any JSON value"; the published schema lists the class's getters
  // instead (its own example for bulk property writes breaks it). Jira takes any JSON there.
  const schemas = definition.components?.schemas;
  if (schemas?.JsonNode) schemas.JsonNode = { description: 'Any JSON value.' };
  const api: Api = new OpenAPIBackend({
    definition: definition as ConstructorParameters<typeof OpenAPIBackend>[0]['definition'],
    quick: true,
    validate: true,
    strict: false,
    coerceTypes: true,
    customizeAjv: (ajv) => {
      addFormats(ajv);
      return ajv;
    },
  });
  void api.init();
  // openapi-backend rebuilds its operation list (lodash over every path) and compiles a regular
  // expression per path template on each request: over the platform spec's ~600 paths that is
  // ~10 ms a request. The spec never changes here, so both are done once.
  const operations = api.router.getOperations();
  api.router.getOperations = () => operations;
  matchers.set(api, compileMatcher(operations));
  loaded.set(file, api);
  return api;
}

type Operation = ReturnType<Api['router']['getOperations']>[number];
interface Matcher {
  exact: Map<string, Operation[]>;
  /** Template paths, most specific first (longest literal part), as openapi-backend orders them. */
  templates: { pattern: RegExp; op: Operation }[];
}
const matchers = new WeakMap<Api, Matcher>();

function compileMatcher(operations: Operation[]): Matcher {
  const exact = new Map<string, Operation[]>();
  for (const op of operations) exact.set(op.path, [...(exact.get(op.path) ?? []), op]);
  const literal = (p: string) => p.replace(/\{.*?\}/g, '').length;
  const templates = operations
    .map((op) => ({
      op,
      pattern: new RegExp(
        `^${op.path
          .replace(/\{[^}]+\}/g, '\0')
          .split('\0')
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]+')}$`,
      ),
    }))
    .sort((a, b) => literal(b.op.path) - literal(a.op.path));
  return { exact, templates };
}

/** openapi-backend's `matchOperation` (exact path first, then the most specific template), precompiled. */
function matchOperation(api: Api, method: string, pathname: string): Operation | undefined {
  const matcher = matchers.get(api);
  if (!matcher) return api.matchOperation({ method, path: pathname, headers: {} });
  const normalized = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const exact = matcher.exact.get(normalized)?.find((op) => op.method === method);
  if (exact) return exact;
  return matcher.templates.find((t) => t.op.method === method && t.pattern.test(normalized))?.op;
}

export function defaultSpecsDir(repoRoot: string): string {
  return path.resolve(repoRoot, 'specs');
}

/**
 * Judges each request against Atlassian's published OpenAPI specs: the Jira platform spec for
 * `/rest/api/3`, the JSM spec for `/rest/servicedeskapi`. JSM forms have no published spec.
 */
export class ContractChecker {
  readonly enabled: boolean;
  readonly notice?: string;

  constructor(private readonly specsDir: string) {
    this.enabled = fs.existsSync(path.join(specsDir, 'jira-platform.v3.json'));
    if (!this.enabled) this.notice = `contract check off: specs not found at ${specsDir}`;
  }

  check(
    method: string,
    pathname: string,
    query: Record<string, string | string[]>,
    headers: Headers,
    body: unknown,
    multipart: boolean,
  ): ContractVerdict {
    const file = pathname.startsWith('/rest/api/3/')
      ? 'jira-platform.v3.json'
      : pathname.startsWith('/rest/servicedeskapi/')
        ? 'jira-servicedesk.v3.json'
        : undefined;
    if (!file) {
      if (pathname.startsWith('/forms/'))
        return {
          kind: 'unchecked',
          route: `${method} ${pathname.replace(/\/issue\/[^/]+/, '/issue/{issueIdOrKey}').replace(/\/form\/[^/]+/, '/form/{formId}')}`,
        };
      return {
        kind: 'violation',
        route: `${method} ${pathname}`,
        status: 404,
        reason: 'no Jira API lives at this path',
      };
    }
    if (!this.enabled) return { kind: 'unchecked', route: `${method} ${pathname}` };
    const api = loadSpec(path.join(this.specsDir, file));
    if (!api) return { kind: 'unchecked', route: `${method} ${pathname}` };
    const hdrs: Record<string, string> = {};
    headers.forEach((v, k) => (hdrs[k] = v));
    const req = { method: method.toLowerCase(), path: pathname, query, headers: hdrs, body };
    const op = matchOperation(api, req.method, pathname);
    if (!op)
      return {
        kind: 'violation',
        route: `${method} ${pathname}`,
        status: 404,
        reason: `${method} ${pathname} is not an operation of ${file}`,
      };
    const route = `${method} ${op.path}`;
    if (op.deprecated)
      return { kind: 'violation', route, status: 400, reason: `${op.operationId} is deprecated in ${file}` };
    const result = api.validateRequest(req, op);
    const errors = (result.errors ?? []).filter((e) => {
      // The multipart body is checked by the emulator itself (field name, token header).
      if (
        multipart &&
        (e.instancePath?.startsWith('/requestBody') ||
          (e.params as { missingProperty?: string })?.missingProperty === 'requestBody')
      )
        return false;
      return true;
    });
    if (errors.length === 0) return { kind: 'ok', route };
    const reason = errors
      .slice(0, 3)
      .map(
        (e) =>
          `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.params && 'additionalProperty' in e.params ? ` (${String((e.params as { additionalProperty: unknown }).additionalProperty)})` : ''}`,
      )
      .join('; ');
    return { kind: 'violation', route, status: 400, reason: `${op.operationId}: ${reason}` };
  }
}
