// The Splunk search selects exactly the events the reference evaluator selects.
//
// Random expressions (and an optional allowlist) over a small field set are compiled to a full
// search by the Splunk target; the filtering stages of that search are run by our own SPL-subset
// evaluator (spl-evaluator.ts, written from Splunk's documentation) on random events, and the
// verdict must equal `match and not allowlist` by compiler/evaluate's evaluateExpr.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateExpr } from '../../compiler/evaluate/expr.ts';
import type { Diagnostic } from '../../compiler/diagnostics.ts';
import type { Expr, Rule } from '../../compiler/ir.ts';
import { compileAllowlist, compileSearch } from '../../targets/splunk/search.ts';
import type { AllowlistMacro } from '../../targets/splunk/search.ts';
import { event, expr, propertyDataSource, searchableEvent, searchableExpr, searchExactExpr } from './arbitraries.ts';
import { suspiciousImagePulling } from './fixtures.ts';
import { splSelects, toSplEvent } from './spl-evaluator.ts';

function ruleFor(match: Expr, allowlist: Expr | undefined): Rule {
  return {
    ...suspiciousImagePulling,
    dataSource: propertyDataSource,
    fields: [],
    entities: [],
    message: '',
    detection: {
      type: 'query',
      match,
      allowlists: allowlist ? [{ name: 'property_allowlist', description: '', match: allowlist, span: match.span }] : [],
    },
  };
}

const native = (name: string) => (name === 'source' ? 'source' : propertyDataSource.fields.get(name)!.splunk);

/** Compiles, then checks every event; returns a description of the first disagreement. */
function disagreement(match: Expr, allowlist: Expr | undefined, events: readonly Record<string, unknown>[]): string | undefined {
  const rule = ruleFor(match, allowlist);
  const diagnostics: Diagnostic[] = [];
  const allowlists = new Map<string, AllowlistMacro>();
  if (allowlist) allowlists.set('property_allowlist', compileAllowlist(rule.detection.allowlists[0]!, diagnostics));
  const compiled = compileSearch(rule, allowlists);
  // The generators only build expressions the target can write; a refusal here is a failure.
  if (compiled.diagnostics.length > 0 || diagnostics.length > 0) return `refused: ${JSON.stringify([...compiled.diagnostics, ...diagnostics])}`;
  const macros = new Map<string, string>([[propertyDataSource.splunk.macro, propertyDataSource.splunk.definition]]);
  for (const macro of compiled.allowlists) macros.set(macro.name, macro.definition);
  for (const e of events) {
    // The data source macro selects on `source`, which every test event carries.
    const splunkSays = splSelects(compiled.stages, toSplEvent({ ...e, source: 'property' }, native), macros);
    const reference = evaluateExpr(match, e) && !(allowlist && evaluateExpr(allowlist, e));
    if (splunkSays !== reference) {
      return `SPL ${splunkSays}, reference ${reference}\nevent ${JSON.stringify(e)}\n${compiled.stages.join('\n')}\n${[...macros].map(([k, v]) => `[${k}] ${v}`).join('\n')}`;
    }
  }
  return undefined;
}

describe('Splunk SPL selects what the reference evaluator selects', () => {
  it('for any expression, with values full of SPL special characters', () => {
    fc.assert(
      fc.property(expr, fc.option(expr, { freq: 3 }), fc.array(event, { minLength: 1, maxLength: 12 }), (match, allowlist, events) => {
        expect(disagreement(match, allowlist ?? undefined, events)).toBeUndefined();
      }),
      { numRuns: 600 },
    );
  });

  it('for expressions that compile mostly to search terms (NOT, OR, IN, wildcards, case)', () => {
    fc.assert(
      fc.property(searchableExpr, fc.option(fc.oneof(searchableExpr, searchExactExpr), { freq: 3 }), fc.array(searchableEvent, { minLength: 1, maxLength: 12 }), (match, allowlist, events) => {
        expect(disagreement(match, allowlist ?? undefined, events)).toBeUndefined();
      }),
      { numRuns: 600 },
    );
  });

  it('for expressions written wholly in search terms, as the match and as an allowlist macro', () => {
    fc.assert(
      fc.property(searchExactExpr, fc.option(searchExactExpr, { freq: 4 }), fc.array(searchableEvent, { minLength: 1, maxLength: 12 }), (match, allowlist, events) => {
        expect(disagreement(match, allowlist ?? undefined, events)).toBeUndefined();
      }),
      { numRuns: 600 },
    );
  });
});
