// A rule file describes a base rule and its variations. A variation is a full rule of its own
// that inherits every key it does not override (compiler/lower/lower-rule.ts). Checks that relate
// several keys (an entity and `fields`, new_terms and `periods.training`) must look at each rule
// as it will be compiled, so this module gives them one `RuleVariant` per rule and per variation:
// the effective value of each key and the path where that value is written.

import type { Path } from '../../load/source-document.ts';
import type { AttackSource, DetectionSource, EntitySource, RuleSource, TestSource } from '../../load/source-types.ts';
import type { RuleDocument } from '../context.ts';

/** A value and the path of the YAML node it was written at. */
export interface Located<T> {
  readonly value: T;
  readonly path: Path;
}

export interface RuleVariant {
  readonly rule: RuleDocument;
  /** The rule's or variation's name, for messages. */
  readonly name: string;
  /** `[]` for the base rule, `['variations', i]` for a variation. */
  readonly at: Path;
  readonly isVariation: boolean;
  readonly detection: Located<DetectionSource>;
  readonly attack: Located<readonly AttackSource[]>;
  readonly entities: Located<readonly EntitySource[]>;
  readonly fields: Located<readonly string[]>;
  readonly message: Located<string>;
  readonly tests: Located<readonly TestSource[]>;
  /** Periods and schedule always come from the base rule. */
  readonly periods: Located<RuleSource['periods']>;
  readonly schedule: Located<RuleSource['schedule']>;
}

/** The base rule, then each variation in file order. */
export function ruleVariants(rule: RuleDocument): RuleVariant[] {
  const s = rule.source;
  const base: RuleVariant = {
    rule,
    name: s.name,
    at: [],
    isVariation: false,
    detection: { value: s.detection, path: ['detection'] },
    attack: { value: s.attack ?? [], path: ['attack'] },
    entities: { value: s.entities ?? [], path: ['entities'] },
    fields: { value: s.fields ?? [], path: ['fields'] },
    message: { value: s.message ?? '', path: ['message'] },
    tests: { value: s.tests ?? [], path: ['tests'] },
    periods: { value: s.periods, path: ['periods'] },
    schedule: { value: s.schedule, path: ['schedule'] },
  };
  const variations = (s.variations ?? []).map((v, i): RuleVariant => {
    const at: Path = ['variations', i];
    const own = <T>(value: T | undefined, key: string, inherited: Located<T>): Located<T> =>
      value === undefined ? inherited : { value, path: [...at, key] };
    return {
      ...base,
      name: v.name,
      at,
      isVariation: true,
      detection: own(v.detection, 'detection', base.detection),
      attack: own(v.attack, 'attack', base.attack),
      entities: own(v.entities, 'entities', base.entities),
      fields: own(v.fields, 'fields', base.fields),
      message: own(v.message, 'message', base.message),
      // The base rule's tests describe the base detection: a variation with its own detection
      // does not inherit them (as in lowering).
      tests: own(v.tests, 'tests', v.detection ? { value: [], path: [...at, 'tests'] } : base.tests),
    };
  });
  return [base, ...variations];
}

/**
 * Whether the variant wrote this value itself (always, for the base rule) rather than inheriting
 * it. Checks of one key look at written values only, so an inherited mistake is reported once,
 * where it is written.
 */
export function isWritten(variant: RuleVariant, located: Located<unknown>): boolean {
  return !variant.isVariation || located.path[0] === 'variations';
}

/**
 * Where the variant's `fields` list is written, for messages about a value checked against it:
 * `fields` for the base rule and for a variation that inherits them, else the variation's own.
 */
export function fieldsListName(variant: RuleVariant): string {
  return isWritten(variant, variant.fields) && variant.isVariation ? `the \`fields\` of variation "${variant.name}"` : '`fields`';
}

/** Every value of one key written in the rule file: the base rule's and each variation's own. */
export function written<T>(rule: RuleDocument, key: (variant: RuleVariant) => Located<T>): Located<T>[] {
  return ruleVariants(rule)
    .filter((variant) => isWritten(variant, key(variant)))
    .map(key);
}
