import { KvsError } from './kvs-errors';
import { compareValues, type SortValue } from './sorted-list';

export interface Condition {
  condition: string;
  values: unknown[];
  property?: string;
}

const ARITY: Record<string, number> = {
  BEGINS_WITH: 1,
  BETWEEN: 2,
  CONTAINS: 1,
  NOT_CONTAINS: 1,
  EQUAL_TO: 1,
  NOT_EQUAL_TO: 1,
  EXISTS: 1,
  NOT_EXISTS: 1,
  GREATER_THAN: 1,
  GREATER_THAN_EQUAL_TO: 1,
  LESS_THAN: 1,
  LESS_THAN_EQUAL_TO: 1,
};

const RANGE_CONDITIONS = new Set([
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
]);

export function checkCondition(c: unknown, rangeOnly: boolean): Condition {
  if (!c || typeof c !== 'object')
    throw new KvsError(400, 'BAD_REQUEST', 'Provided request body is invalid: condition');
  const cond = c as Condition;
  const arity = ARITY[cond.condition];
  if (arity === undefined || (rangeOnly && !RANGE_CONDITIONS.has(cond.condition))) {
    throw new KvsError(
      400,
      'INVALID_FILTER_CONDITION',
      `The condition ${String(cond.condition)} is not supported here.`,
    );
  }
  if (!Array.isArray(cond.values) || cond.values.length !== arity) {
    throw new KvsError(400, 'INVALID_FILTER_VALUES', `The condition ${cond.condition} takes ${arity} value(s).`);
  }
  for (const v of cond.values) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new KvsError(
        400,
        'INVALID_FILTER_VALUES',
        `The condition ${cond.condition} takes strings, numbers or booleans.`,
      );
    }
  }
  return cond;
}

function isSortValue(v: unknown): v is SortValue {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** Whether `actual` (an attribute's value, possibly absent) satisfies the condition. */
export function matches(actual: unknown, c: Condition): boolean {
  const [a, b] = c.values as SortValue[];
  switch (c.condition) {
    case 'EXISTS':
      return actual !== undefined && actual !== null;
    case 'NOT_EXISTS':
      return actual === undefined || actual === null;
    case 'CONTAINS':
      if (typeof actual === 'string') return actual.includes(String(a));
      return Array.isArray(actual) && actual.includes(a);
    case 'NOT_CONTAINS':
      if (typeof actual === 'string') return !actual.includes(String(a));
      return !(Array.isArray(actual) && actual.includes(a));
    case 'NOT_EQUAL_TO':
      return actual !== a;
  }
  if (!isSortValue(actual) || a === undefined) return false;
  switch (c.condition) {
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(a));
    case 'EQUAL_TO':
      return actual === a;
    case 'BETWEEN':
      return b !== undefined && compareValues(actual, a) >= 0 && compareValues(actual, b) <= 0;
    case 'GREATER_THAN':
      return compareValues(actual, a) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return compareValues(actual, a) >= 0;
    case 'LESS_THAN':
      return compareValues(actual, a) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return compareValues(actual, a) <= 0;
  }
  return false;
}

export interface Filters {
  and?: Condition[];
  or?: Condition[];
}

export function checkFilters(f: unknown): Filters | undefined {
  if (f === undefined || f === null) return undefined;
  const filters = f as Filters;
  const list = filters.and ?? filters.or;
  if (!Array.isArray(list) || list.length === 0)
    throw new KvsError(400, 'EMPTY_FILTER_OPERATOR', 'A filter needs at least one condition.');
  for (const c of list) {
    checkCondition(c, false);
    if (typeof c.property !== 'string')
      throw new KvsError(400, 'BAD_REQUEST', 'Provided request body is invalid: filter property');
  }
  return filters;
}

export function passes(value: unknown, filters: Filters | undefined): boolean {
  if (!filters) return true;
  const record = (value ?? {}) as Record<string, unknown>;
  const test = (c: Condition) => matches(record[c.property as string], c);
  if (filters.and) return filters.and.every(test);
  if (filters.or) return filters.or.some(test);
  return true;
}
