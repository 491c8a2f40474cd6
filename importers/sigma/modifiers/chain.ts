// Reads a detection key `Field|mod1|mod2` into the field name and what its modifiers ask for.
// Transformations (encodings, windash, contains/startswith/endswith wrapping) keep their written
// order, because the specification applies modifiers in the order given.

import { refuse } from '../refusal.ts';
import type { TextEncoding } from './encoding.ts';

export type Transform =
  | { readonly kind: 'encoding'; readonly encoding: TextEncoding }
  | { readonly kind: 'base64' }
  | { readonly kind: 'base64offset' }
  | { readonly kind: 'windash' }
  | { readonly kind: 'wrap'; readonly position: 'contains' | 'startswith' | 'endswith' };

/** How the (transformed) values are compared with the field. */
export type Comparison = 'match' | 're' | 'cidr' | 'exists' | 'gt' | 'gte' | 'lt' | 'lte';

export interface ModifierChain {
  readonly field: string;
  readonly transforms: readonly Transform[];
  readonly comparison: Comparison;
  /** `|all`: every value must match (default: any value). */
  readonly all: boolean;
  /** `|cased`: case-sensitive (default: case-insensitive). */
  readonly cased: boolean;
  /** `|neq`: the field must differ from every value. */
  readonly negated: boolean;
  /** `|expand`: values may hold `%placeholder%`s. */
  readonly expand: boolean;
  /** Flags of `|re`: any of `i`, `m`, `s`. */
  readonly regexFlags: string;
}

const ENCODINGS: Record<string, TextEncoding> = { utf16le: 'utf16le', wide: 'utf16le', utf16be: 'utf16be', utf16: 'utf16' };
const COMPARISONS: readonly Comparison[] = ['re', 'cidr', 'exists', 'gt', 'gte', 'lt', 'lte'];

export function readModifierChain(key: string): ModifierChain {
  const [field = '', ...names] = key.split('|');
  const transforms: Transform[] = [];
  let comparison: Comparison = 'match';
  let all = false;
  let cased = false;
  let negated = false;
  let expand = false;
  let regexFlags = '';
  for (const name of names) {
    if (name === 'contains' || name === 'startswith' || name === 'endswith') transforms.push({ kind: 'wrap', position: name });
    else if (name === 'base64' || name === 'base64offset' || name === 'windash') transforms.push({ kind: name });
    else if (name in ENCODINGS) transforms.push({ kind: 'encoding', encoding: ENCODINGS[name]! });
    else if (name === 'all') all = true;
    else if (name === 'cased') cased = true;
    else if (name === 'neq') negated = true;
    else if (name === 'expand') expand = true;
    else if ((name === 'i' || name === 'm' || name === 's') && comparison === 're') regexFlags += name;
    else if ((COMPARISONS as readonly string[]).includes(name)) {
      if (comparison !== 'match') refuse('sigma/modifier-conflict', `\`${key}\` combines the modifiers \`${comparison}\` and \`${name}\`, which the Sigma specification does not define together.`);
      comparison = name as Comparison;
    } else if (name === 'fieldref') {
      refuse('sigma/fieldref', `\`${key}\` compares the field with another field of the same event (\`fieldref\`); detc's match language compares fields with constant values only.`);
    } else if (['minute', 'hour', 'day', 'week', 'month', 'year'].includes(name)) {
      refuse('sigma/time-modifier', `\`${key}\` uses the time modifier \`${name}\`; detc's match language has no date-part extraction.`);
    } else {
      refuse('sigma/unknown-modifier', `\`${key}\` uses the modifier \`${name}\`, which is not in the Sigma modifiers appendix.`);
    }
  }
  if (comparison !== 'match' && transforms.length > 0) {
    refuse('sigma/modifier-conflict', `\`${key}\` applies \`${transforms.map((t) => (t.kind === 'wrap' ? t.position : t.kind === 'encoding' ? t.encoding : t.kind)).join('|')}\` to a \`${comparison}\` value; the specification defines those transformations for plain string values only.`);
  }
  if (transforms.some((t) => t.kind === 'encoding') && !transforms.some((t) => t.kind === 'base64' || t.kind === 'base64offset')) {
    refuse('sigma/encoding-without-base64', `\`${key}\` uses a UTF-16 modifier without \`base64\`/\`base64offset\`; the specification only defines it in combination with the base64 modifiers.`);
  }
  return { field, transforms, comparison, all, cased, negated, expand, regexFlags };
}
