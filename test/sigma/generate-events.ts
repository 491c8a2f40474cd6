// Events for the faithfulness test, generated from a Sigma rule's own selections: for each map of
// each search identifier, an event that satisfies it (with the case of its values flipped, since
// Sigma ignores case), then near misses: each field removed, each value altered by one character,
// the exact case restored for `|cased`. Plus one event joining every selection, so that
// `selection and not filter` conditions see both sides. Deterministic: no randomness.

export type FieldTypeOf = (sigmaField: string) => 'number' | 'text';

export function eventsForRule(detection: Readonly<Record<string, unknown>>, typeOf: FieldTypeOf): Record<string, unknown>[] {
  const { condition: _c, timeframe: _t, ...identifiers } = detection;
  const matching: Record<string, unknown>[] = [];
  for (const selection of Object.values(identifiers)) {
    const maps = Array.isArray(selection) ? selection : [selection];
    for (const map of maps) if (map && typeof map === 'object' && !Array.isArray(map)) matching.push(eventFor(map as Record<string, unknown>, typeOf));
  }
  const events: Record<string, unknown>[] = [];
  for (const event of matching) {
    events.push(event);
    for (const field of Object.keys(event)) {
      const { [field]: removed, ...rest } = event;
      events.push(rest);
      events.push({ ...event, [field]: nearMiss(removed) });
      if (typeof removed === 'string') events.push({ ...event, [field]: removed.toLowerCase() }, { ...event, [field]: removed.toUpperCase() });
    }
  }
  events.push(Object.assign({}, ...matching));
  return events;
}

function eventFor(map: Record<string, unknown>, typeOf: FieldTypeOf): Record<string, unknown> {
  const event: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(map)) {
    const [field, ...modifiers] = key.split('|') as [string, ...string[]];
    const values = Array.isArray(value) ? value : [value];
    const generated = modifiers.includes('all') ? values.map((v) => valueFor(v, modifiers)).join(' ') : valueFor(values[0], modifiers);
    if (generated === undefined) continue;
    event[field] = typeOf(field) === 'number' && /^-?\d+$/.test(String(generated)) ? Number(generated) : generated;
  }
  return event;
}

function valueFor(value: unknown, modifiers: readonly string[]): string | undefined {
  const has = (m: string) => modifiers.includes(m);
  if (has('exists')) return value === true ? 'present' : undefined;
  if (value === null) return undefined;
  if (has('gt') || has('gte')) return String(Number(value) + 1);
  if (has('lt') || has('lte')) return String(Number(value) - 1);
  if (has('cidr')) return String(value).split('/')[0]!.replace(/\.0$/, '.1');
  if (has('re')) return regexSample(String(value));
  let text = String(value).replace(/\\([*?\\])/g, '\u0000$1').replace(/\*/g, '').replace(/\?/g, 'x').replace(/\u0000/g, '');
  const encoding = has('wide') || has('utf16le') ? 'utf16le' : 'utf8';
  if (has('base64')) text = Buffer.from(text, encoding).toString('base64');
  if (has('base64offset')) text = Buffer.from(`ab${text}`, encoding).toString('base64');
  if (has('windash')) text = text.replace(/-/g, '/');
  if (has('contains')) text = `PRE ${text} POST`;
  else if (has('startswith')) text = `${text} POST`;
  else if (has('endswith')) text = `PRE ${text}`;
  // Flip the case: Sigma matches regardless of it (the lower()/upper() near misses test |cased).
  return has('cased') || has('base64') || has('base64offset') ? text : swapCase(text);
}

/** A string the regex plausibly matches: its literal characters with metacharacters dropped. */
function regexSample(pattern: string): string {
  return pattern.replace(/\\(.)/g, '$1').replace(/[\^$()|[\]{}+*?.]/g, '');
}

function nearMiss(value: unknown): unknown {
  if (typeof value === 'number') return value + 1;
  const text = String(value);
  if (text.length === 0) return 'x';
  const middle = Math.floor(text.length / 2);
  const c = text[middle]!;
  return text.slice(0, middle) + (c === 'q' ? 'z' : 'q') + text.slice(middle + 1);
}

function swapCase(text: string): string {
  return [...text].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
}
