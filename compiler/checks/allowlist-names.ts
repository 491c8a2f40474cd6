// Each allowlist becomes a named exclusion: a Splunk macro (one global namespace per app) and a
// named clause elsewhere. So a name is used once per detection, and a name shared by several
// rules must mean the same match everywhere (it is one macro).

import { error } from '../diagnostics.ts';
import { quote, shorten } from '../quote.ts';
import type { Span } from '../diagnostics.ts';
import type { AstExpr } from '../language/ast.ts';
import type { Check } from './check.ts';
import { where } from './support/library-entries.ts';
import { written } from './support/rule-variants.ts';

interface Definition {
  readonly name: string;
  readonly span: Span;
  /** What the allowlist matches, independent of layout: its syntax tree without positions, or its text. */
  readonly meaning: string;
  readonly text: string;
}

export const allowlistNames: Check = {
  name: 'allowlist-names',
  codes: ['allowlist/duplicate-name', 'allowlist/conflicting-definition'],
  run(ctx) {
    const definitions: Definition[] = [];
    for (const rule of ctx.rules) {
      for (const { value: detection, path } of written(rule, (v) => v.detection)) {
        const inDetection = new Map<string, Span>();
        (detection.allowlist ?? []).forEach((allowlist, i) => {
          const span = rule.doc.spanAt([...path, 'allowlist', i, 'name']);
          const earlier = inDetection.get(allowlist.name);
          if (earlier) {
            ctx.report(
              error('allowlist/duplicate-name', span, `The allowlist ${quote(allowlist.name)} is already defined in this detection. Merge the two into one allowlist, or rename one.`, [
                { span: earlier, message: 'first defined here' },
              ]),
            );
            return;
          }
          inDetection.set(allowlist.name, span);
          const matchPath = [...path, 'allowlist', i, 'match'];
          const parsed = rule.matches.find((m) => m.path.length === matchPath.length && m.path.every((s, k) => s === matchPath[k]));
          const text = String(allowlist.match ?? '').trim();
          definitions.push({ name: allowlist.name, span, text, meaning: parsed ? withoutSpans(parsed.ast) : `text:${text}` });
        });
      }
    }

    definitions.sort((a, b) => (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : a.span.start.offset - b.span.start.offset));
    const first = new Map<string, Definition>();
    for (const definition of definitions) {
      const earlier = first.get(definition.name);
      if (!earlier) first.set(definition.name, definition);
      else if (earlier.meaning !== definition.meaning) {
        ctx.report(
          error(
            'allowlist/conflicting-definition',
            definition.span,
            `The allowlist ${quote(definition.name)} is defined differently at ${where(earlier.span)} (\`${shorten(earlier.text)}\`). Allowlists are shared by name (one Splunk macro), so give this one another name, or make both matches identical.`,
            [{ span: earlier.span, message: 'first defined here' }],
          ),
        );
      }
    }
  },
};

/** A canonical text of a syntax tree without its positions, so that layout does not matter. */
function withoutSpans(expr: AstExpr): string {
  return JSON.stringify(expr, (key, value: unknown) => (key === 'span' ? undefined : value));
}
