/**
 * The small part of JQL the app uses: `AND`/`OR`/parentheses over `field op value` and
 * `field [NOT] IN (...)`, where a field is `project`, `key`, `status`, `summary`, `reporter`,
 * `created`, `updated`, `issue.property[key].path` or a search alias of an indexed property;
 * then `ORDER BY field [ASC|DESC], ...`.
 */
export type JqlValue = string | number | boolean | null | undefined;

export type FieldReader = (field: string) => JqlValue | JqlValue[];

export interface JqlQuery {
  matches(read: FieldReader): boolean;
  orderBy: { field: string; desc: boolean }[];
}

export class JqlError extends Error {}

type Token = { t: 'word' | 'str' | 'op' | 'lp' | 'rp' | 'comma'; v: string };

function tokenize(jql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      out.push({ t: c === '(' ? 'lp' : c === ')' ? 'rp' : 'comma', v: c });
      i++;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < jql.length && jql[j] !== c) {
        if (jql[j] === '\\' && j + 1 < jql.length) j++;
        s += jql[j];
        j++;
      }
      if (j >= jql.length)
        throw new JqlError(`Error in the JQL Query: the quoted string starting at character ${i} is not terminated.`);
      out.push({ t: 'str', v: s });
      i = j + 1;
    } else if (/[!=<>~]/.test(c)) {
      const two = jql.slice(i, i + 2);
      const op = ['!=', '<=', '>=', '!~'].includes(two) ? two : c;
      out.push({ t: 'op', v: op });
      i += op.length;
    } else {
      // words may contain dots, brackets and dashes: issue.property[cf-tracker].stage, CFP-12
      let j = i;
      let depth = 0;
      while (j < jql.length) {
        const d = jql[j] as string;
        if (d === '[') depth++;
        else if (d === ']') depth--;
        else if (depth === 0 && (/\s/.test(d) || '(),!=<>~"\''.includes(d))) break;
        j++;
      }
      out.push({ t: 'word', v: jql.slice(i, j) });
      i = j;
    }
  }
  return out;
}

function compare(a: JqlValue, b: JqlValue): number | undefined {
  if (a === undefined || a === null || b === undefined || b === null) return undefined;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function literal(tok: Token | undefined): JqlValue {
  if (!tok || (tok.t !== 'word' && tok.t !== 'str')) throw new JqlError('Error in the JQL Query: expecting a value.');
  if (tok.t === 'word') {
    if (/^-?\d+(\.\d+)?$/.test(tok.v)) return Number(tok.v);
    if (/^(empty|null)$/i.test(tok.v)) return null;
  }
  return tok.v;
}

export function parseJql(jql: string): JqlQuery {
  const toks = tokenize(jql);
  let p = 0;
  const peekWord = (w: string) => toks[p]?.t === 'word' && toks[p]?.v.toLowerCase() === w;

  type Pred = (read: FieldReader) => boolean;

  const clause = (): Pred => {
    const f = toks[p++];
    if (!f || (f.t !== 'word' && f.t !== 'str')) throw new JqlError('Error in the JQL Query: expecting a field name.');
    const field = f.v;
    let negate = false;
    if (peekWord('not')) {
      negate = true;
      p++;
    }
    if (peekWord('in')) {
      p++;
      if (toks[p++]?.t !== 'lp') throw new JqlError(`Error in the JQL Query: expecting '(' after IN.`);
      const values: JqlValue[] = [];
      while (toks[p] && toks[p]?.t !== 'rp') {
        values.push(literal(toks[p++]));
        if (toks[p]?.t === 'comma') p++;
      }
      if (toks[p++]?.t !== 'rp') throw new JqlError(`Error in the JQL Query: expecting ')'.`);
      return (read) => {
        const actual = read(field);
        const list = Array.isArray(actual) ? actual : [actual];
        const hit = list.some((a) => values.some((v) => compare(a, v) === 0));
        return negate ? !hit : hit;
      };
    }
    if (peekWord('is')) {
      p++;
      let not = false;
      if (peekWord('not')) {
        not = true;
        p++;
      }
      if (!peekWord('empty') && !peekWord('null'))
        throw new JqlError('Error in the JQL Query: expecting EMPTY after IS.');
      p++;
      return (read) => {
        const a = read(field);
        const empty = a === undefined || a === null || a === '' || (Array.isArray(a) && a.length === 0);
        return not ? !empty : empty;
      };
    }
    if (negate) throw new JqlError('Error in the JQL Query: expecting IN after NOT.');
    const op = toks[p++];
    if (!op || op.t !== 'op') throw new JqlError(`Error in the JQL Query: expecting an operator after '${field}'.`);
    const value = literal(toks[p++]);
    return (read) => {
      const actual = read(field);
      const list = Array.isArray(actual) ? actual : [actual];
      const test = (a: JqlValue): boolean => {
        if (op.v === '~') return a != null && String(a).toLowerCase().includes(String(value).toLowerCase());
        if (op.v === '!~') return !(a != null && String(a).toLowerCase().includes(String(value).toLowerCase()));
        if (value === null) return op.v === '=' ? a == null : op.v === '!=' ? a != null : false;
        const c = compare(a, value);
        if (c === undefined) return op.v === '!=';
        switch (op.v) {
          case '=':
            return c === 0;
          case '!=':
            return c !== 0;
          case '<':
            return c < 0;
          case '<=':
            return c <= 0;
          case '>':
            return c > 0;
          case '>=':
            return c >= 0;
        }
        throw new JqlError(`Error in the JQL Query: the operator '${op.v}' is not supported.`);
      };
      return op.v === '!=' || op.v === '!~' ? list.every(test) : list.some(test);
    };
  };

  const atom = (): Pred => {
    if (toks[p]?.t === 'lp') {
      p++;
      const e = expr();
      if (toks[p++]?.t !== 'rp') throw new JqlError(`Error in the JQL Query: expecting ')'.`);
      return e;
    }
    if (peekWord('not')) {
      p++;
      const a = atom();
      return (r) => !a(r);
    }
    return clause();
  };
  const conj = (): Pred => {
    const parts = [atom()];
    while (peekWord('and')) {
      p++;
      parts.push(atom());
    }
    return (r) => parts.every((x) => x(r));
  };
  const expr = (): Pred => {
    const parts = [conj()];
    while (peekWord('or')) {
      p++;
      parts.push(conj());
    }
    return (r) => parts.some((x) => x(r));
  };

  let matches: Pred = () => true;
  if (toks.length > 0 && !peekWord('order')) matches = expr();
  const orderBy: { field: string; desc: boolean }[] = [];
  if (peekWord('order')) {
    p++;
    if (!peekWord('by')) throw new JqlError("Error in the JQL Query: expecting 'by' after 'order'.");
    p++;
    for (;;) {
      const f = toks[p++];
      if (!f || (f.t !== 'word' && f.t !== 'str'))
        throw new JqlError('Error in the JQL Query: expecting a field to order by.');
      let desc = false;
      if (peekWord('asc') || peekWord('desc')) desc = (toks[p++] as Token).v.toLowerCase() === 'desc';
      orderBy.push({ field: f.v, desc });
      if (toks[p]?.t !== 'comma') break;
      p++;
    }
  }
  if (p < toks.length) throw new JqlError(`Error in the JQL Query: unexpected '${toks[p]?.v}'.`);
  return { matches, orderBy };
}

export function compareForOrder(a: JqlValue | JqlValue[], b: JqlValue | JqlValue[]): number {
  const x = Array.isArray(a) ? a[0] : a;
  const y = Array.isArray(b) ? b[0] : b;
  if (x == null && y == null) return 0;
  if (x == null) return 1; // empty values last, as Jira does
  if (y == null) return -1;
  return compare(x, y) ?? 0;
}
