// The two Handlebars environments. HTML templates use Handlebars' own escaping: rule text goes
// through `{{ }}`, never `{{{ }}}`. Markdown templates run with `noEscape` and must pass every
// value through one of the Markdown helpers (markdown-escape.ts); a test walks the templates'
// syntax trees to hold them to it.

import { readdirSync, readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { packageUrl } from '../../compiler/package-files.ts';
import type { Inline } from './inline-code.ts';
import { markdownCodeBlock, markdownCodeSpan, markdownInline, markdownLink, markdownParagraphs, markdownRich } from './markdown-escape.ts';

const templatesDir = packageUrl('targets/docs/templates/');

/** Reads the templates of one flavour (`html` or `md`): pages at the top, partials in `partials/`. */
export function templateSources(flavour: 'html' | 'md'): { pages: Map<string, string>; partials: Map<string, string> } {
  const read = (dir: URL) =>
    new Map(
      readdirSync(dir)
        .filter((name) => name.endsWith('.hbs'))
        .sort()
        .map((name) => [name.slice(0, -'.hbs'.length), readFileSync(new URL(name, dir), 'utf8')] as const),
    );
  const dir = new URL(`${flavour}/`, templatesDir);
  return { pages: read(dir), partials: read(new URL('partials/', dir)) };
}

/** The helpers Markdown templates may use to print a value; nothing else reaches the output. */
export const markdownHelpers = {
  /** Inline text: `{{text value}}`. */
  text: (value: unknown) => markdownInline(String(value ?? '')),
  /** Paragraphs: `{{paragraphs value}}` (a string, or an array of rich paragraphs from rule-page.ts). */
  paragraphs: (value: unknown) =>
    Array.isArray(value) ? value.map((p) => markdownRich(p as Inline[])).join('\n\n') : markdownParagraphs(String(value ?? '')),
  /** Rule prose with its `code` spans (one paragraph or list item): `{{rich value}}`. */
  rich: (value: unknown) => markdownRich(Array.isArray(value) ? (value as Inline[]) : []),
  /** Code span: `{{code value}}`. */
  code: (value: unknown) => markdownCodeSpan(String(value ?? '')),
  /** Fenced block: `{{fence text language}}`. */
  fence: (value: unknown, language: unknown) => markdownCodeBlock(String(value ?? ''), typeof language === 'string' ? language : ''),
  /** Link to a web address: `{{link label url}}`; other targets print as text. */
  link: (label: unknown, url: unknown) => markdownLink(String(label ?? ''), String(url ?? '')),
  /** Heading marker of a level: `{{heading 2}}` prints `##`. */
  heading: (level: unknown) => '#'.repeat(Math.min(6, Math.max(1, Number(level) || 1))),
  /** Relative link to another page of our own output: `{{pagelink label path}}` (paths are our slugs). */
  pagelink: (label: unknown, path: unknown) => `[${markdownInline(String(label ?? ''))}](${encodeURI(String(path ?? ''))})`,
} as const;

export type Render = (page: string, data: object) => string;

function environment(flavour: 'html' | 'md'): Render {
  const handlebars = Handlebars.create();
  // preventIndent: Handlebars would otherwise indent every line of an indented partial, which
  // shifts the lines of a <pre> block (a multi-line query) inside the page layout.
  const options = flavour === 'md' ? { noEscape: true, preventIndent: true } : { preventIndent: true };
  if (flavour === 'md') handlebars.registerHelper(markdownHelpers);
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const { pages, partials } = templateSources(flavour);
  // A partial file's final newline is not part of the partial: `- {{> line}}` must stay one line.
  for (const [name, source] of partials) handlebars.registerPartial(name, handlebars.compile(source.replace(/\n$/, ''), options));
  const compiled = new Map([...pages].map(([name, source]) => [name, handlebars.compile(source, options)] as const));
  return (page, data) => {
    const template = compiled.get(page);
    if (!template) throw new Error(`no ${flavour} template named ${page}`);
    return template(data);
  };
}

export const renderHtml: Render = environment('html');
export const renderMarkdown: Render = environment('md');
