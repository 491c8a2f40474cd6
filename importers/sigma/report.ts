// The import report: one entry per Sigma rule read (imported, imported with warnings, or refused
// with a code and a reason), the counts, and the one-paragraph summary the CLI prints.

export type ReportEntry =
  | { readonly file: string; readonly status: 'imported'; readonly id: string; readonly output: string }
  | { readonly file: string; readonly status: 'imported-with-warnings'; readonly id: string; readonly output: string; readonly warnings: readonly string[] }
  | { readonly file: string; readonly status: 'refused'; readonly code: string; readonly reason: string };

export interface ReportCounts {
  readonly rules: number;
  readonly imported: number;
  readonly importedWithWarnings: number;
  readonly refused: number;
  /** Refusals by code, most frequent first. */
  readonly refusedBy: Readonly<Record<string, number>>;
}

export interface ImportReport {
  readonly counts: ReportCounts;
  readonly dataSources: readonly string[];
  readonly files: readonly ReportEntry[];
}

export function countEntries(entries: readonly ReportEntry[]): ReportCounts {
  const refusedBy = new Map<string, number>();
  for (const e of entries) if (e.status === 'refused') refusedBy.set(e.code, (refusedBy.get(e.code) ?? 0) + 1);
  const sorted = [...refusedBy].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return {
    rules: entries.length,
    imported: entries.filter((e) => e.status === 'imported').length,
    importedWithWarnings: entries.filter((e) => e.status === 'imported-with-warnings').length,
    refused: entries.filter((e) => e.status === 'refused').length,
    refusedBy: Object.fromEntries(sorted),
  };
}

export function summaryText(report: ImportReport, out: string): string {
  const c = report.counts;
  const lines = [
    `imported ${c.imported + c.importedWithWarnings} of ${c.rules} Sigma rules into ${out} (${c.importedWithWarnings} with warnings), refused ${c.refused}; ${report.dataSources.length} data sources written`,
  ];
  for (const [code, n] of Object.entries(c.refusedBy)) lines.push(`  refused ${n}: ${code}`);
  return lines.join('\n') + '\n';
}
