// Finding a logical field's values in a test event.
//
// Events are JSON keyed by logical field names, written however is convenient: nested objects
// (`{"user": {"name": "x"}}`), dotted keys (`{"user.name": "x"}`), or a mix. Arrays along the
// path fan out (`{"containers": [{"image": "a"}, {"image": "b"}]}` gives `containers.image` the
// values a and b). At the end, an array gives its elements, and null or absent gives nothing.
//
// An object is not a value: a field whose value is an object (`{"msg": {"x": 1}}` for the field
// msg) has no value, so `msg exists` is false and `not msg exists` true. This is what Splunk
// does (JSON extraction gives the leaves `msg.x`, never `msg`); Elasticsearch refuses to index an
// object where a keyword, number, ip or boolean field is mapped, so the test-event check refuses
// such test events (test/value-type) rather than pick one reading (docs/language.md, "Semantics").

import type { TestEvent } from '../ir.ts';

export function fieldValues(event: TestEvent, name: string): unknown[] {
  const out: unknown[] = [];
  collect(event, name.split('.'), out);
  return out;
}

function collect(node: unknown, segments: readonly string[], out: unknown[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, segments, out);
    return;
  }
  if (segments.length === 0) {
    if (node !== null && node !== undefined && typeof node !== 'object') out.push(node);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Readonly<Record<string, unknown>>;
  // Try every way to split the remaining path into a key (possibly dotted) and the rest.
  for (let take = 1; take <= segments.length; take++) {
    const key = segments.slice(0, take).join('.');
    if (Object.hasOwn(record, key)) collect(record[key], segments.slice(take), out);
  }
}
