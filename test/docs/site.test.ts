import { describe, expect, it } from 'vitest';
import { docsTarget } from '../../targets/docs/index.ts';
import { buildMatrix } from '../../targets/docs/matrix.ts';
import { buildRulesIndex } from '../../targets/docs/rules-index.ts';
import { buildDataSourcePages, buildTacticPages, dataSourceSlugs } from '../../targets/docs/section-pages.ts';
import { assignSlugs } from '../../targets/docs/slugs.ts';
import { brokenLinks, emitDocsFiles, fileAt } from './emit.ts';
import { exampleLibrary, exampleQueries } from './fixtures.ts';

const slugs = assignSlugs(exampleLibrary.rules);

describe('the ATT&CK matrix', () => {
  const matrix = buildMatrix(exampleLibrary, slugs);
  const column = (shortname: string) => matrix.columns.find((c) => c.shortname === shortname)!;
  const cell = (tactic: string, id: string) => column(tactic).techniques.find((t) => t.id === id)!;

  it('has the 14 Enterprise tactics in matrix order', () => {
    expect(matrix.columns.map((c) => c.id)).toEqual([
      'TA0043', 'TA0042', 'TA0001', 'TA0002', 'TA0003', 'TA0004', 'TA0005',
      'TA0006', 'TA0007', 'TA0008', 'TA0009', 'TA0011', 'TA0010', 'TA0040',
    ]);
  });

  it('lists techniques (not sub-techniques) by name in each column', () => {
    const names = column('execution').techniques.map((t) => t.name);
    expect(names).toEqual([...names].sort());
    expect(column('execution').techniques.every((t) => !t.id.includes('.'))).toBe(true);
    expect(matrix.totalTechniques).toBe(216);
  });

  it('counts rules per tactic and technique', () => {
    expect(cell('execution', 'T1610')).toMatchObject({ count: 3, countLabel: '3 rules', level: 3, viaSubtechniques: 0 });
    expect(cell('defense-evasion', 'T1610')).toMatchObject({ count: 2, level: 2 });
    expect(cell('privilege-escalation', 'T1611')).toMatchObject({ count: 1, level: 1 });
    expect(cell('execution', 'T1059')).toMatchObject({ count: 0, level: 0 });
  });

  it('rolls sub-technique coverage up to the parent, visibly', () => {
    const userExecution = cell('execution', 'T1204');
    expect(userExecution).toMatchObject({ count: 1, viaSubtechniques: 1, level: 1 });
    expect(userExecution.subtechniques).toEqual([
      { anchor: 'cov-execution-T1204-003', id: 'T1204.003', name: 'Malicious Image', count: 1, level: 1 },
    ]);
    expect(cell('privilege-escalation', 'T1078')).toMatchObject({ count: 1, viaSubtechniques: 1 });
  });

  it('has a panel listing the covering rules for every covered cell', () => {
    const panel = matrix.panels.find((p) => p.anchor === 'cov-execution-T1610')!;
    expect(panel.title).toBe('Deploy Container (T1610)');
    expect(panel.rules.map((r) => [r.name, r.sitePath])).toEqual([
      ['Kubernetes Debug Image Pod Created by a Service Account', 'rules/kubernetes-pod-creation-using-common-debug-or-base-images.html#kubernetes-debug-image-pod-created-by-a-service-account'],
      ['Kubernetes Debug Image Pod Created in kube-system', 'rules/kubernetes-pod-creation-using-common-debug-or-base-images.html#kubernetes-debug-image-pod-created-in-kube-system'],
      ['Kubernetes Pod Creation Using Common Debug or Base Images', 'rules/kubernetes-pod-creation-using-common-debug-or-base-images.html'],
    ]);
    expect(matrix.coveredTechniques).toBe(4); // T1610, T1204, T1078, T1611
  });
});

describe('the rule index', () => {
  const index = buildRulesIndex(exampleLibrary, slugs);

  it('has every rule and variation, most severe first', () => {
    expect(index.rows.map((r) => [r.severity, r.name])).toEqual([
      ['high', 'Kubernetes Debug Image Pod Created in kube-system'],
      ['high', 'Privileged Container Started'],
      ['medium', 'Kubernetes Debug Image Pod Created by a Service Account'],
      ['low', 'Kubernetes Pod Creation Using Common Debug or Base Images'],
    ]);
  });

  it('searches names, descriptions, techniques and fields', () => {
    const base = index.rows.find((r) => r.name.startsWith('Kubernetes Pod Creation'))!;
    for (const term of ['debug or base images', 'commonly abused', 't1204.003', 'user execution: malicious image', 'source_ip', 'kubernetes.audit.verb']) {
      expect(base.search).toContain(term);
    }
  });

  it('offers filter values that occur, in a meaningful order', () => {
    expect(index.filters.map((f) => [f.name, f.options.map((o) => o.value)])).toEqual([
      ['tactic', ['execution', 'privilege-escalation', 'defense-evasion']],
      ['severity', ['high', 'medium', 'low']],
      ['source', ['container_runtime', 'kubernetes_audit']],
      ['type', ['new_terms', 'threshold']],
      ['status', ['stable']],
    ]);
  });
});

describe('tactic and data source pages', () => {
  it('has a page per tactic, with its rules and covered techniques', () => {
    const tactics = buildTacticPages(exampleLibrary, slugs);
    expect(tactics).toHaveLength(14);
    const execution = tactics.find((t) => t.shortname === 'execution')!;
    expect(execution.ruleCount).toBe(3);
    expect(execution.techniques.map((t) => [t.id, t.name, t.count])).toEqual([
      ['T1204.003', 'User Execution: Malicious Image', 1],
      ['T1610', 'Deploy Container', 3],
    ]);
  });

  it('has a page per data source, with its fields and rules', () => {
    const pages = buildDataSourcePages(exampleLibrary, slugs, dataSourceSlugs(exampleLibrary.dataSources));
    expect(pages.map((p) => [p.slug, p.fields.length, p.rows.length])).toEqual([
      ['container-runtime', 4, 1],
      ['kubernetes-audit', 6, 3],
    ]);
  });
});

describe('the written site', async () => {
  const files = await emitDocsFiles(exampleLibrary, exampleQueries);

  it('writes the pages the README and navigation point at', () => {
    for (const path of ['docs/site/index.html', 'docs/site/matrix.html', 'docs/site/tactics/index.html', 'docs/site/tactics/execution.html', 'docs/site/data-sources/index.html', 'docs/site/data-sources/kubernetes-audit.html', 'docs/site/assets/style.css', 'docs/site/assets/site.js', 'docs/md/index.md']) {
      expect(files.has(path), path).toBe(true);
    }
    expect([...files.keys()].filter((p) => p.startsWith('docs/md/'))).toHaveLength(3);
    expect([...files.keys()].filter((p) => p.startsWith('docs/site/rules/'))).toHaveLength(2);
  });

  it('links only to pages it wrote, with relative paths (file:// works)', () => {
    expect(brokenLinks(files)).toEqual([]);
  });

  it('puts the MITRE attribution on every page', () => {
    for (const [path, text] of files) {
      if (!/\.(html|md)$/.test(path)) continue;
      expect(text.replace(/\s+/g, ' '), path).toContain(exampleLibrary.attack.copyright);
    }
  });

  it('keeps a multi-line query on its own lines', () => {
    const page = fileAt(files, 'docs/site/rules/privileged-container-started.html');
    expect(page).toContain('privileged&#x3D;&quot;true&quot;\n| stats count by host\n| where count &gt;&#x3D; 3</code></pre>');
  });

  it('is byte-identical from run to run', async () => {
    const again = await docsTarget.emit(exampleLibrary, { targets: ['splunk', 'elastic', 'docs'], queries: exampleQueries });
    const first = await docsTarget.emit(exampleLibrary, { targets: ['splunk', 'elastic', 'docs'], queries: exampleQueries });
    expect(again.files).toEqual(first.files);
    expect(first.files.map((f) => f.path)).toEqual([...first.files.map((f) => f.path)].sort());
  });
});
