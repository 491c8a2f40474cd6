// A `like`/`startswith`/`endswith`/`contains` glob as a KQL value.
//
// - A glob without wildcards is an exact value: a quoted phrase.
// - Otherwise an unquoted literal: `*` for any-string, literal text escaped.
// - `?` (any single character) has no KQL form: refused.
// - In detection rules Kibana sends a wildcard value to Elasticsearch's query_string parser,
//   which splits it at whitespace into separate OR-ed terms (and the KQL parser trims an
//   unquoted literal), so a pattern whose text contains whitespace would match something else:
//   refused.
// - Kibana marks wildcards internally with the text `@kuery-wildcard@`; a pattern containing that
//   text would be misread: refused.

import { error, type Diagnostic } from '../../../compiler/diagnostics.ts';
import type { Glob } from '../../../compiler/ir.ts';
import { escapeKqlUnquoted, quoteKql } from './escape.ts';

const KIBANA_WILDCARD_MARKER = '@kuery-wildcard@';

export function globToKql(glob: Glob, out: Diagnostic[]): string {
  const parts = collapseStars(glob.parts);
  if (parts.every((p) => p.kind === 'text')) return quoteKql(parts.map((p) => (p.kind === 'text' ? p.text : '')).join(''));

  let text = '';
  let literal = '';
  for (const [index, part] of parts.entries()) {
    switch (part.kind) {
      case 'text':
        text += escapeKqlUnquoted(part.text, { endsLiteral: index === parts.length - 1 });
        literal += part.text;
        break;
      case 'any-string':
        text += '*';
        break;
      case 'any-char':
        out.push(
          error(
            'elastic/single-char-wildcard-unsupported',
            glob.span,
            'KQL has no single-character wildcard, so "?" in this pattern cannot be compiled for Elastic; use "*" (which also matches longer text) or list the exact values.',
          ),
        );
        return '';
    }
  }
  if (/\s/u.test(literal)) {
    out.push(
      error(
        'elastic/wildcard-whitespace',
        glob.span,
        'Kibana runs a KQL wildcard value through Elasticsearch\'s query_string parser, which splits it at whitespace into separate terms, so this pattern would match something else. ' +
          'Write the pattern without whitespace (e.g. "*" where the space is), or compare the exact value with "==".',
      ),
    );
    return '';
  }
  if (literal.includes(KIBANA_WILDCARD_MARKER)) {
    out.push(error('elastic/wildcard-marker', glob.span, `Kibana uses the text "${KIBANA_WILDCARD_MARKER}" to mark wildcards internally, so a pattern containing it would be misread; remove it from the pattern.`));
    return '';
  }
  return text;
}

type Part = Glob['parts'][number];

/** `**` means the same as `*`. */
function collapseStars(parts: readonly Part[]): Part[] {
  const out: Part[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (part.kind === 'any-string' && last?.kind === 'any-string') continue;
    if (part.kind === 'text' && last?.kind === 'text') {
      out[out.length - 1] = { kind: 'text', text: last.text + part.text };
      continue;
    }
    if (part.kind === 'text' && part.text === '') continue;
    out.push(part);
  }
  return out;
}
