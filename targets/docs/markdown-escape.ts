// Escaping for Markdown (CommonMark + GitHub tables). Rule text must read literally: a `<script>`,
// `*`, `|` or `[x](y)` in a description is shown as typed, never interpreted; the one construct
// kept is the author's `code` span (inline-code.ts), which is literal by nature. Handlebars only
// knows HTML escaping, so the Markdown templates run with `noEscape` and pass every value through
// one of the helpers below (test/docs/markdown-templates.test.ts checks that no value bypasses them).

import type { Inline } from './inline-code.ts';

/**
 * Punctuation that can start or change inline Markdown anywhere in a line. `(`, `)` and `!` need
 * no escape once `[` and `]` have one (no link or image can form); `&` only starts an entity.
 */
const inlineSpecial = /[\\`*_[\]<>#|~$]|&(?=#?[A-Za-z0-9]+;)/g;

/**
 * Inline text (a table cell, a list item, a heading): newlines become spaces and every character
 * that Markdown could interpret is backslash-escaped; line-start markers (`-`, `+`, `=`, `1.`) too.
 */
export function markdownInline(text: string): string {
  return escapeLineStart(markdownTextPart(text.trim()));
}

/** Rule prose with its `code` spans (inline-code.ts): plain parts escaped, code parts as code spans. */
export function markdownRich(parts: readonly Inline[]): string {
  const text = parts.map((part) => (part.code ? markdownCodeSpan(part.text) : markdownTextPart(part.text))).join('');
  return escapeLineStart(text.trim());
}

/** Escapes a piece of inline text without trimming it (it may sit between code spans). */
function markdownTextPart(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  return breakAutolinks(oneLine.replace(inlineSpecial, (c) => `\\${c}`));
}

/**
 * GitHub turns bare `https://…`, `www.…` and e-mail addresses into links, and its parser's idea of
 * where such a link ends differs from CommonMark's escapes. Escaping the `:`, `.` or `@` that
 * triggers it keeps rule text exactly as written.
 */
function breakAutolinks(text: string): string {
  return text
    .replace(/(?<=[A-Za-z0-9])(:)(?=\/\/)/g, '\\:')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
}

/** Text that may hold paragraphs (a description): blank lines separate paragraphs, each escaped inline. */
export function markdownParagraphs(text: string): string {
  return paragraphs(text).map(markdownInline).join('\n\n');
}

export function paragraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** A code span: the fence is one backtick longer than any backtick run inside. */
export function markdownCodeSpan(text: string): string {
  const oneLine = text.replace(/\n/g, ' ');
  const fence = '`'.repeat(longestRun(oneLine, '`') + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') || oneLine.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/** A fenced code block; the fence outgrows any backtick run in the text, so the text cannot close it. */
export function markdownCodeBlock(text: string, language: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  const info = language.replace(/[^A-Za-z0-9_+-]/g, '');
  return `${fence}${info}\n${text.replace(/\n+$/, '')}\n${fence}`;
}

/** A link whose target is a web address; anything else is shown as escaped text, never as a link. */
export function markdownLink(label: string, href: string): string {
  if (!isWebUrl(href)) return markdownInline(label);
  // An address shown as itself reads best as an autolink (no other characters are special there).
  if (label === href && !/[<>\\]/.test(href)) return `<${href}>`;
  // Percent-encoding the characters that could end the destination keeps it one plain token.
  const target = href.replace(/[<>()"\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${markdownInline(label)}](${target})`;
}

export function isWebUrl(text: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(text);
}

function escapeLineStart(text: string): string {
  return text.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
