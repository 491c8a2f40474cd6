// Control and invisible characters in a rule library file (compiler/unsafe-characters.ts). A raw
// NUL, ESC or right-to-left override cannot be seen in a pull request, and in a name or a
// description it lands in savedsearches.conf stanza headers, Kibana rules and pages. Reported:
//
// - `text/control-character` for any such character written raw anywhere in the file (values,
//   keys, comments; tab and line breaks are fine), at its exact line:col;
// - `text/control-character` for one written as a YAML escape ("\e", "\u202e") in a
//   double-quoted value, at the escape, except in test events (`tests[].events`, `history`),
//   which are data: an event may really hold an escape character;
// - `text/line-break` for a line break in one-line text: names, titles, messages, tags, authors,
//   references, and every key outside test events. (Prose lists such as required_data and
//   investigation may hold line breaks: Sigma's log source definitions do.)

import { isMap, isPair, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { error, type Diagnostic } from '../diagnostics.ts';
import { describePath } from '../schema/error-messages.ts';
import { describeCharacter, isUnsafeCharacter, UNSAFE_CHARACTERS } from '../unsafe-characters.ts';
import type { Path, SourceDocument } from './source-document.ts';

/** At most this many raw characters are reported per file: one per line, the first lines first. */
const MAX_RAW_REPORTS = 20;

/** Keys whose value (or each item of it) is one line of text. */
const ONE_LINE_KEYS = new Set([
  'id',
  'name',
  'title',
  'message',
  'author',
  'tags',
  'detector_tags',
  'references',
  'data_source',
  'label',
  'app_id',
  'field',
]);

export function findUnsafeText(doc: SourceDocument, rootName: string): Diagnostic[] {
  return [...rawCharacters(doc), ...escapedCharacters(doc, rootName)];
}

/**
 * Unsafe characters written raw in the file, wherever they are; tab, line feed and the CR of a
 * CRLF are fine. (A lone CR is a line break to YAML but not to every viewer: it can hide a line.)
 */
function rawCharacters(doc: SourceDocument): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let lastLine = 0;
  for (const match of doc.text.matchAll(UNSAFE_CHARACTERS)) {
    const char = match[0];
    if (char === '\t' || char === '\n' || (char === '\r' && doc.text[match.index + 1] === '\n')) continue;
    const at = doc.position(match.index);
    if (at.line === lastLine) continue;
    lastLine = at.line;
    diagnostics.push(
      error(
        'text/control-character',
        doc.spanOfRange(match.index, match.index + char.length),
        `${describeCharacter(char)} is written here; control and invisible characters hide what a file says from its reviewers and reach .conf files, pages and logs: delete it (inside a match expression string, write it as \\u{${char.codePointAt(0)!.toString(16)}}; in a test event, as a YAML escape in a double-quoted value)`,
      ),
    );
    if (diagnostics.length === MAX_RAW_REPORTS) break;
  }
  return diagnostics;
}

/** Escaped unsafe characters and line breaks in values, by where the value is. */
function escapedCharacters(doc: SourceDocument, rootName: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const visit = (node: unknown, path: Path, isKey: boolean): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const keyPath = [...path, String(pair.key.value)];
        visit(pair.key, keyPath, true);
        visit(pair.value, keyPath, false);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, i], false));
    } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
      const problem = checkScalar(doc, node as Scalar<string>, path, isKey, rootName);
      if (problem) diagnostics.push(problem);
    }
  };
  visit(doc.document.contents, [], false);
  return diagnostics;
}

function checkScalar(doc: SourceDocument, node: Scalar<string>, path: Path, isKey: boolean, rootName: string): Diagnostic | undefined {
  const data = isTestData(path);
  const where = isKey ? `the key ${JSON.stringify(String(path.at(-1)))}` : describePath(path, rootName);
  const [start, end] = node.range!;
  // Raw characters were reported by rawCharacters; only a double-quoted value can hold escapes.
  if (node.type === Scalar.QUOTE_DOUBLE && !data) {
    for (const char of node.value) {
      if (!isUnsafeCharacter(char, { inText: true })) continue;
      const at = escapeOffset(doc.text, start, end, char);
      // No escape writes it: it is written raw, and rawCharacters reported it.
      if (at === undefined) continue;
      return error(
        'text/control-character',
        doc.spanOfRange(at, at + 1),
        `${where} holds ${describeCharacter(char)}, written as a YAML escape; names, descriptions, messages and queries reach .conf files, Kibana rules and pages, where control and invisible characters break lines or hide text: remove it${
          path.at(-1) === 'match' ? ` (to match the character, write \\\\u{${char.codePointAt(0)!.toString(16)}} inside the match expression's string)` : ''
        }`,
      );
    }
  }
  const oneLine = !data && (isKey || isOneLineValue(path));
  if (oneLine && /[\r\n]/.test(node.value)) {
    const at = node.type === Scalar.QUOTE_DOUBLE ? (escapeOffset(doc.text, start, end, '\n') ?? start) : start;
    return error(
      'text/line-break',
      doc.spanOfRange(at, at + 1),
      `${where} holds a line break, but it is one line of text (it becomes a search name, a title or a table cell): write it on one line${
        node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED ? ', without a | or > block' : ''
      }`,
    );
  }
  return undefined;
}

/** `tests[0].events[1].…`, `variations[0].tests[0].history[0].…`: event data, not rule text. */
function isTestData(path: Path): boolean {
  const tests = path.lastIndexOf('tests');
  return tests >= 0 && (path[tests + 2] === 'events' || path[tests + 2] === 'history');
}

/**
 * Whether the value at `path` is itself the one-line text: the last string key is one of
 * ONE_LINE_KEYS (`name`, `tags[2]`), so a rule's `description` under `variations[0]` is not.
 */
function isOneLineValue(path: Path): boolean {
  const lastKey = [...path].reverse().find((segment): segment is string => typeof segment === 'string');
  return lastKey !== undefined && ONE_LINE_KEYS.has(lastKey);
}

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\u0000',
  a: '\u0007',
  b: '\u0008',
  t: '\t',
  n: '\n',
  v: '\u000b',
  f: '\u000c',
  r: '\r',
  e: '\u001b',
  N: '\u0085',
  L: '\u2028',
  P: '\u2029',
};

/** The offset of the YAML escape in text[start, end) that writes `char`, if there is one. */
function escapeOffset(text: string, start: number, end: number, char: string): number | undefined {
  const source = text.slice(start, end);
  for (const match of source.matchAll(/\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))/gsu)) {
    const hex = match[1] ?? match[2] ?? match[3];
    const written = hex !== undefined ? String.fromCodePoint(Number.parseInt(hex, 16)) : NAMED_ESCAPES[match[4]!];
    if (written === char) return start + match.index;
  }
  return undefined;
}
