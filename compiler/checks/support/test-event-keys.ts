// Test events are keyed by logical field names. As in the reference evaluator, a name can be
// written as a dotted key (`user.name: alice`) or as nested objects (`user: { name: alice }`), and
// both mean the field `user.name`; arrays of objects fan out (compiler/evaluate/field-values.ts).
// `_time` is reserved for the event's timestamp.

import type { Path } from '../../load/source-document.ts';

export const TIME_KEY = '_time';

export interface EventKey {
  /** The logical field name the key resolves to (or the longest prefix it got to). */
  readonly name: string;
  /** Path of the key relative to the event. */
  readonly path: Path;
  readonly known: boolean;
  readonly value: unknown;
}

/**
 * Resolves each key of an event to a field name. A key that names a field stops there; a key
 * whose value is an object is descended into (`user` + `name` → `user.name`); anything else is an
 * unknown key.
 */
export function eventKeys(event: unknown, isField: (name: string) => boolean): EventKey[] {
  const keys: EventKey[] = [];
  const visit = (value: Record<string, unknown>, prefix: string, path: Path): void => {
    for (const [key, inner] of Object.entries(value)) {
      const name = prefix === '' ? key : `${prefix}.${key}`;
      const at = [...path, key];
      if (prefix === '' && key === TIME_KEY) continue;
      if (isField(name)) keys.push({ name, path: at, known: true, value: inner });
      else if (isPlainObject(inner) && Object.keys(inner).length > 0) visit(inner, name, at);
      else if (Array.isArray(inner) && inner.length > 0 && inner.every(isPlainObject)) {
        // Arrays of objects fan out: `containers: [{ image: a }]` gives `containers.image`.
        inner.forEach((item, i) => visit(item, name, [...at, i]));
      } else keys.push({ name, path: at, known: false, value: inner });
    }
  };
  if (isPlainObject(event)) visit(event, '', []);
  return keys;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
