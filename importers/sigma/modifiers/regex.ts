// `|re` values must be regular expressions every detc target runs with the same meaning. The
// reference evaluator's `checkRegex` (compiler/evaluate.ts) is the authority on that subset; this
// wrapper only gives its verdict the importer's shape.

import { checkRegex } from '../../../compiler/language/regex-portability.ts';

/** A reason the pattern cannot be imported, or undefined when it is portable. */
export function checkImportedRegex(pattern: string, flags: string): string | undefined {
  return checkRegex(pattern, flags);
}
