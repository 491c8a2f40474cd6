// A YAML file parsed with the `yaml` package, keeping the node tree so that any value can be
// traced back to its file:line:col. Every later stage reports positions through this.

import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { aliasCycle } from './alias-cycle.ts';
import { error, type Diagnostic, type Position, type Span } from '../diagnostics.ts';
import { shorten } from '../quote.ts';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export class SourceDocument {
  readonly file: string;
  readonly text: string;
  readonly document: Document.Parsed;
  /** The plain JavaScript value of the document (what the schema validates). */
  readonly data: unknown;
  private readonly lines: LineCounter;

  private constructor(file: string, text: string, document: Document.Parsed, lines: LineCounter) {
    this.file = file;
    this.text = text;
    this.document = document;
    this.lines = lines;
    this.data = document.toJS({ maxAliasCount: 100 });
  }

  /**
   * Parses YAML text. Syntax errors come back as diagnostics (`yaml/syntax`, `yaml/…`) with no document.
   * Duplicate keys are errors (the `yaml` package reports them).
   */
  static parse(file: string, text: string): { document?: SourceDocument; diagnostics: Diagnostic[] } {
    const lines = new LineCounter();
    const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
    const diagnostics: Diagnostic[] = [];
    const spanOf = (pos: readonly [number, number]): Span => ({
      file,
      start: toPosition(lines, pos[0]),
      end: toPosition(lines, Math.max(pos[0], pos[1])),
    });
    for (const e of document.errors) {
      diagnostics.push(
        error(`yaml/${e.code.toLowerCase().replaceAll('_', '-')}`, spanOf(e.pos), `${firstLine(e.message)}. Fix the YAML syntax here.`),
      );
    }
    if (diagnostics.length > 0) return { diagnostics };
    const cycle = aliasCycle(document);
    if (cycle?.range) {
      // The value would be infinitely deep: every later stage that walks it would never end.
      return {
        diagnostics: [
          error('yaml/alias', spanOf([cycle.range[0], cycle.range[1]]), 'this alias refers to a value that contains it, so the value never ends. Write the value out instead of aliasing it.'),
        ],
      };
    }
    try {
      return { document: new SourceDocument(file, text, document, lines), diagnostics };
    } catch (e) {
      // toJS can fail on pathological aliases ("excessive alias count").
      return { diagnostics: [error('yaml/alias', spanOf([0, 0]), `${String((e as Error).message)}. Avoid YAML aliases here.`)] };
    }
  }

  position(offset: number): Position {
    return toPosition(this.lines, offset);
  }

  spanOfRange(start: number, end: number): Span {
    return { file: this.file, start: this.position(start), end: this.position(end) };
  }

  /** The YAML node at `path`, or undefined when absent. */
  nodeAt(path: Path): Node | undefined {
    let node: unknown = this.document.contents;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        node = pair?.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
      } else {
        return undefined;
      }
      if (node === undefined || node === null) return undefined;
    }
    return (node ?? undefined) as Node | undefined;
  }

  /** The key node of the map entry at `path` (the last segment is the key), or undefined. */
  keyNodeAt(path: Path): Node | undefined {
    if (path.length === 0) return undefined;
    const parent = this.nodeAt(path.slice(0, -1));
    const last = path[path.length - 1];
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(last));
    return pair && isScalar(pair.key) ? pair.key : undefined;
  }

  /**
   * The span of the value at `path`. When it is missing, the span of the nearest ancestor's key
   * (so "missing property" points at the map that lacks it), and at worst the document start.
   */
  spanAt(path: Path): Span {
    for (let n = path.length; n >= 0; n--) {
      const prefix = path.slice(0, n);
      const node = n === path.length ? this.nodeAt(prefix) : (this.keyNodeAt(prefix) ?? this.nodeAt(prefix));
      if (node?.range) return this.spanOfRange(node.range[0], node.range[1]);
    }
    return this.spanOfRange(0, 0);
  }

  /** The span of the key at `path` (for unknown keys), falling back to `spanAt`. */
  keySpanAt(path: Path): Span {
    const key = this.keyNodeAt(path);
    return key?.range ? this.spanOfRange(key.range[0], key.range[1]) : this.spanAt(path);
  }
}

function toPosition(lines: LineCounter, offset: number): Position {
  const { line, col } = lines.linePos(offset);
  return { line, column: col, offset };
}

/** The parser's sentence, without its position (the span says it) and bounded: it may quote the source. */
function firstLine(message: string): string {
  return shorten((message.split('\n')[0] ?? message).replace(/\s+at line \d+, column \d+:?$/, '').replace(/\.$/, ''), 200);
}
