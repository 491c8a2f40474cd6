// Why a Sigma rule cannot be imported. Converting one rule unwinds with a `Refusal` at the first
// construct detc cannot express faithfully; `importRule` catches it and reports the rule as refused.
// It never escapes the importer.

export class Refusal extends Error {
  /** Stable code, e.g. `sigma/keyword-search`. */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export function refuse(code: string, message: string): never {
  throw new Refusal(code, message);
}
