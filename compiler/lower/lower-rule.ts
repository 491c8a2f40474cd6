// Lowering: a rule document that passed the schema and every check becomes an IR `Rule`,
// with each variation as a rule of its own. Lowering is total on checked input, so it reports
// nothing; anything that could be wrong was a check's job.

import type { RuleDocument } from '../checks/context.ts';
import type {
  Allowlist,
  AttackMapping,
  DataSource,
  Detection,
  Entity,
  Field,
  Risk,
  Rule,
  RuleTest,
  Tactic,
  Technique,
} from '../ir.ts';
import type { Path } from '../load/source-document.ts';
import type { AttackSource, DetectionSource, RuleSource, TestSource, VariationSource } from '../load/source-types.ts';
import { lowerDuration } from './duration.ts';
import { lowerExpr } from './lower-expr.ts';

/** How lowering finds ATT&CK entries (the checks already reported unknown ones). */
export interface AttackResolver {
  tactic(text: string): Tactic | undefined;
  technique(id: string): Technique | undefined;
}

/** Lowers a base rule; the result's `variations` are lowered too (each with `variationOf`). */
export function lowerRule(ruleDoc: RuleDocument, dataSource: DataSource, attack: AttackResolver): Rule {
  const { doc, source } = ruleDoc;
  const lowering = new RuleLowering(ruleDoc, dataSource, attack);
  const base = lowering.base();
  const variations = (source.variations ?? []).map((variation, index) =>
    lowering.variation(base, variation, ['variations', index]),
  );
  return { ...base, variations, span: doc.spanAt([]) };
}

class RuleLowering {
  constructor(
    private readonly ruleDoc: RuleDocument,
    private readonly dataSource: DataSource,
    private readonly attackResolver: AttackResolver,
  ) {}

  private get doc() {
    return this.ruleDoc.doc;
  }

  base(): Omit<Rule, 'variations'> {
    const s = this.ruleDoc.source;
    const span = (path: Path) => this.doc.spanAt(path);
    return {
      kind: 'rule',
      id: s.id,
      name: s.name,
      version: s.version,
      status: s.status,
      severity: s.severity,
      risk: lowerRisk(s.risk),
      description: s.description.trim(),
      dataSource: this.dataSource,
      detection: this.detection(s.detection, ['detection']),
      periods: {
        ...(s.periods.activation ? { activation: lowerDuration(s.periods.activation, span(['periods', 'activation'])) } : {}),
        ...(s.periods.training ? { training: lowerDuration(s.periods.training, span(['periods', 'training'])) } : {}),
        test: s.periods.test === 'single-event' ? 'single-event' : lowerDuration(s.periods.test, span(['periods', 'test'])),
        ...(s.periods.deduplication
          ? { deduplication: lowerDuration(s.periods.deduplication, span(['periods', 'deduplication'])) }
          : {}),
      },
      schedule: {
        interval: lowerDuration(s.schedule.interval, span(['schedule', 'interval'])),
        lookback: lowerDuration(s.schedule.lookback, span(['schedule', 'lookback'])),
        delay: lowerDuration(s.schedule.delay ?? '0m', span(['schedule', s.schedule.delay ? 'delay' : 'interval'])),
      },
      attack: this.attack(s.attack, ['attack']),
      entities: this.entities(s.entities ?? [], ['entities']),
      fields: this.fields(s.fields ?? []),
      message: s.message.trim(),
      requiredData: s.required_data ?? [],
      detectionModules: s.detection_modules ?? [],
      detectorTags: s.detector_tags ?? [],
      attackerGoals: (s.attacker_goals ?? '').trim(),
      investigation: s.investigation ?? [],
      falsePositives: s.false_positives ?? [],
      references: s.references ?? [],
      author: typeof s.author === 'string' ? [s.author] : (s.author ?? []),
      ...(s.created ? { created: s.created } : {}),
      ...(s.modified ? { modified: s.modified } : {}),
      tags: s.tags ?? [],
      targets: { splunk: s.targets?.splunk ?? {}, elastic: s.targets?.elastic ?? {} },
      tests: this.tests(s.tests ?? [], ['tests']),
      file: this.doc.file,
      span: this.doc.spanAt([]),
    };
  }

  /** A variation inherits everything it does not override; periods and data always come from the base. */
  variation(base: Omit<Rule, 'variations'>, v: VariationSource, at: Path): Rule {
    const s = this.ruleDoc.source;
    const detectionOverridden = v.detection !== undefined;
    return {
      ...base,
      id: v.id,
      name: v.name,
      description: (v.description ?? s.description).trim(),
      severity: v.severity ?? base.severity,
      risk: v.risk ? lowerRisk(v.risk) : base.risk,
      detection: v.detection ? this.detection(v.detection, [...at, 'detection']) : base.detection,
      attack: v.attack ? this.attack(v.attack, [...at, 'attack']) : base.attack,
      entities: v.entities ? this.entities(v.entities, [...at, 'entities']) : base.entities,
      fields: v.fields ? this.fields(v.fields) : base.fields,
      message: (v.message ?? s.message).trim(),
      attackerGoals: (v.attacker_goals ?? s.attacker_goals ?? '').trim(),
      investigation: v.investigation ?? base.investigation,
      falsePositives: v.false_positives ?? base.falsePositives,
      tags: v.tags ?? base.tags,
      targets: {
        splunk: { ...base.targets.splunk, ...(v.targets?.splunk ?? {}) },
        elastic: { ...base.targets.elastic, ...(v.targets?.elastic ?? {}) },
      },
      // The base rule's tests describe the base detection; they carry over only when the
      // variation keeps that detection.
      tests: v.tests ? this.tests(v.tests, [...at, 'tests']) : detectionOverridden ? [] : base.tests,
      variationOf: { id: s.id, name: s.name },
      variations: [],
      span: this.doc.spanAt(at),
    };
  }

  private field(name: string): Field {
    const field = this.dataSource.fields.get(name);
    // Checks guarantee every field is known; reaching this is a compiler bug.
    if (!field) throw new Error(`lower: unknown field "${name}" in ${this.doc.file} (checks should have reported it)`);
    return field;
  }

  private fields(names: readonly string[]): Field[] {
    return names.map((name) => this.field(name));
  }

  private match(path: Path) {
    const parsed = this.ruleDoc.matches.find((m) => samePath(m.path, path));
    if (!parsed) throw new Error(`lower: no parsed match at ${path.join('.')} in ${this.doc.file}`);
    return lowerExpr(parsed.ast, (name) => this.field(name));
  }

  private detection(d: DetectionSource, at: Path): Detection {
    const match = this.match([...at, 'match']);
    const matchText = d.match.trim();
    const allowlists: Allowlist[] = (d.allowlist ?? []).map((a, i) => ({
      name: a.name,
      description: (a.description ?? '').trim(),
      match: this.match([...at, 'allowlist', i, 'match']),
      matchText: a.match.trim(),
      span: this.doc.spanAt([...at, 'allowlist', i]),
    }));
    switch (d.type) {
      case 'query':
        return { type: 'query', match, matchText, allowlists };
      case 'new_terms':
        return { type: 'new_terms', match, matchText, allowlists, fields: this.fields(d.new_terms?.fields ?? []) };
      case 'threshold': {
        const t = d.threshold ?? { value: 1 };
        return {
          type: 'threshold',
          match,
          matchText,
          allowlists,
          groupBy: this.fields(t.group_by ?? []),
          value: t.value,
          ...(t.cardinality ? { cardinality: { field: this.field(t.cardinality.field), value: t.cardinality.value } } : {}),
        };
      }
    }
  }

  private attack(mappings: readonly AttackSource[], at: Path): AttackMapping[] {
    return mappings.map((m, i) => {
      const tactic = this.attackResolver.tactic(m.tactic);
      if (!tactic) throw new Error(`lower: unknown tactic "${m.tactic}" in ${this.doc.file}`);
      const techniques = m.techniques.map((id) => {
        const technique = this.attackResolver.technique(id);
        if (!technique) throw new Error(`lower: unknown technique "${id}" in ${this.doc.file}`);
        return technique;
      });
      return { tactic, techniques, span: this.doc.spanAt([...at, i]) };
    });
  }

  private entities(entities: RuleSource['entities'] & object, at: Path): Entity[] {
    return entities.map((e, i) => ({
      field: this.field(e.field),
      type: e.type,
      role: e.role,
      span: this.doc.spanAt([...at, i]),
    }));
  }

  private tests(tests: readonly TestSource[], at: Path): RuleTest[] {
    return tests.map((t, i) => ({
      name: t.name,
      expect: t.expect,
      events: t.events,
      history: t.history ?? [],
      span: this.doc.spanAt([...at, i]),
    }));
  }
}

/** Splunk's convention: score = impact × confidence / 100 (70 × 70 → 49). */
export function lowerRisk(risk: RuleSource['risk']): Risk {
  if ('score' in risk) return { score: risk.score };
  return { score: Math.round((risk.impact * risk.confidence) / 100), impact: risk.impact, confidence: risk.confidence };
}

function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}
