// macros.conf: the data source macros (`kube_audit`), one macro per allowlist
// (`kube_allowed_images`) and one empty tuning macro per rule (`<rule>_filter`).
// Operators edit the allowlist and filter macros in Splunk without touching the searches.

import type { Diagnostic } from '../../compiler/diagnostics.ts';
import { error } from '../../compiler/diagnostics.ts';
import type { DataSource, Rule, Span } from '../../compiler/ir.ts';
import type { ConfStanza } from './conf/write.ts';
import { filterMacroName } from './names.ts';
import type { AllowlistMacro } from './search.ts';

interface Macro {
  readonly name: string;
  readonly definition: string;
  readonly description: string;
  readonly span: Span;
}

export function dataSourceMacro(dataSource: DataSource): Macro {
  return {
    name: dataSource.splunk.macro,
    definition: dataSource.splunk.definition,
    description: `${dataSource.title}: the events of data source ${dataSource.name}.`,
    span: dataSource.span,
  };
}

export function allowlistMacro(allowlist: AllowlistMacro): Macro {
  const usage =
    allowlist.language === 'search'
      ? 'Rules use it after "search NOT": keep it a search expression.'
      : 'Rules use it inside "where NOT (...)": keep it an eval expression.';
  return {
    name: allowlist.name,
    definition: allowlist.definition,
    description: `${allowlist.description ? `${allowlist.description} ` : ''}Events matching this are excluded. ${usage}`,
    span: allowlist.allowlist.span,
  };
}

export function filterMacro(rule: Rule): Macro {
  return {
    name: filterMacroName(rule),
    definition: 'search *',
    description: `Tuning filter for "${rule.name}": replace \`search *\` to exclude known-good results.`,
    span: rule.span,
  };
}

/** Sorted stanzas; two different macros with one name are an error at the second one. */
export function macroStanzas(macros: readonly Macro[], diagnostics: Diagnostic[]): ConfStanza[] {
  const byName = new Map<string, Macro>();
  for (const macro of macros) {
    const existing = byName.get(macro.name);
    if (!existing) byName.set(macro.name, macro);
    else if (existing.definition !== macro.definition) {
      diagnostics.push(
        error(
          'splunk/macro-conflict',
          macro.span,
          `The Splunk macro \`${macro.name}\` is defined twice with different definitions ("${existing.definition}" and "${macro.definition}"). Give allowlists, data source macros and rules distinct names, or make the allowlists with this name identical.`,
          [{ span: existing.span, message: 'first definition' }],
        ),
      );
    }
  }
  return [...byName.values()]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((macro) => ({ name: macro.name, settings: [['definition', macro.definition], ['description', macro.description]] as const }));
}
