// Where detc finds its own data files: the JSON Schemas, the ATT&CK table, the docs templates and
// assets, the shipped data sources. Every such file is named by its path from the package root
// (`schema/rule.schema.json`), and this is the one place that knows where the root is.
//
// Why one helper instead of `new URL('./x', import.meta.url)` in each module: the command runs
// the compiled JavaScript in lib/ (lib/compiler/…), the tests run the TypeScript sources
// (compiler/…). Data files stay at their place in the package and are not copied into lib/, so a
// URL relative to the running module would point into lib/ for one and not the other.

/** This module's own place decides how far up the root is: `<root>/lib/compiler/` or `<root>/compiler/`. */
const COMPILED_SUFFIX = '/lib/compiler/package-files.js';

const PACKAGE_ROOT = new URL(import.meta.url.endsWith(COMPILED_SUFFIX) ? '../../' : '../', import.meta.url);

/** The URL of a file of the detc package, from its path relative to the package root (`/` separators). */
export function packageUrl(path: string): URL {
  return new URL(path, PACKAGE_ROOT);
}
