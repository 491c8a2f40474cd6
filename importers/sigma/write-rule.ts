// Writes detc YAML that reads like a hand-written rule: keys in the order of docs/rule-format.md,
// long text as folded block scalars, the match expression as a block, and the schema comment
// that lets yaml-language-server validate and complete the file.

import { Document, isMap, isScalar, isSeq, Scalar } from 'yaml';
import type { DataSourceSource, RuleSource } from '../../compiler/load/source-types.ts';

const RULE_KEY_ORDER: readonly (keyof RuleSource)[] = [
  'id', 'name', 'version', 'status', 'severity', 'risk', 'description', 'data_source', 'detection',
  'periods', 'schedule', 'attack', 'fields', 'message', 'required_data', 'false_positives', 'references',
  'author', 'created', 'modified', 'tags',
];

const TO_STRING = { lineWidth: 100, minContentWidth: 40, indentSeq: true, flowCollectionPadding: false } as const;

export function ruleYaml(rule: RuleSource, schemaPath: string): string {
  const ordered = Object.fromEntries(RULE_KEY_ORDER.filter((k) => rule[k] !== undefined).map((k) => [k, rule[k]]));
  const doc = new Document(ordered);
  doc.commentBefore = ` yaml-language-server: $schema=${schemaPath}`;
  blockIfLong(doc, ['description'], 80);
  matchBlock(doc);
  flowMaps(doc, ['risk'], ['schedule']);
  // Short id lists read best on one line, as in hand-written rules: `techniques: [T1059.001]`.
  const attack = doc.get('attack', true);
  if (isSeq(attack)) attack.items.forEach((_, i) => flowMaps(doc, ['attack', String(i), 'techniques']));
  flowMaps(doc, ['detection', 'threshold', 'group_by']);
  return doc.toString(TO_STRING);
}

export function dataSourceYaml(source: DataSourceSource, schemaPath: string): string {
  const doc = new Document(source);
  doc.commentBefore = ` yaml-language-server: $schema=${schemaPath}`;
  for (const key of ['description', 'provenance']) blockIfLong(doc, [key], 80);
  return doc.toString(TO_STRING);
}

/** Long or multi-line text as a block scalar: literal when it has line breaks, else folded. */
function blockIfLong(doc: Document, path: string[], width: number): void {
  const node = doc.getIn(path, true);
  if (!isScalar(node) || typeof node.value !== 'string') return;
  const text = node.value;
  if (text.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
  else if (text.length > width && !/^\s|\s$/.test(text)) node.type = Scalar.BLOCK_FOLDED;
}

/**
 * The match expression as a literal block when it has several lines or is long: folding would
 * break lines inside quoted values, which reads as if the value held a line break.
 */
function matchBlock(doc: Document): void {
  const node = doc.getIn(['detection', 'match'], true);
  if (isScalar(node) && typeof node.value === 'string' && (node.value.includes('\n') || node.value.length > 60)) {
    node.type = Scalar.BLOCK_LITERAL;
  }
}

function flowMaps(doc: Document, ...paths: string[][]): void {
  for (const path of paths) {
    const node = doc.getIn(path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), true);
    if (isMap(node) || isSeq(node)) node.flow = true;
  }
}
