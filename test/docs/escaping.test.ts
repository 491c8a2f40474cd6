// Rule text is data, never markup: a hostile rule's pages must show every value literally, in
// HTML (Handlebars escaping) and in Markdown (our helpers), and never link to a non-web scheme.

import { describe, expect, it } from 'vitest';
import { emitDocsFiles, fileAt } from './emit.ts';
import { hostileDescriptionShown, hostileInvisibleValue, hostileName, hostileRule, makeLibrary } from './fixtures.ts';
import { parseMarkdown, plainText, walk, type MdNode } from './markdown-ast.ts';

const queries = new Map([['splunk', new Map([[hostileRule.id, { language: 'spl', text: 'a="</code></pre><script>alert(2)</script>"\n```\n| eval x="`"' }]])]]);
const files = await emitDocsFiles(makeLibrary([hostileRule]), queries);
const slug = 'evil-script-alert-name-script-bold-pipe-x-javascript-alert-1';

describe('HTML pages escape rule text', () => {
  const htmlFiles = [...files].filter(([path]) => path.endsWith('.html'));

  it('writes the hostile rule page', () => {
    expect(files.has(`docs/site/rules/${slug}.html`)).toBe(true);
  });

  it('every page has exactly one script: the site script', () => {
    for (const [path, html] of htmlFiles) {
      expect([...html.matchAll(/<script\b/gi)].map((m) => m[0]), path).toEqual(['<script']);
      expect(html, path).toMatch(/<script src="(\.\.\/)?assets\/site\.js"><\/script>/);
    }
  });

  it('no element or attribute comes from rule text', () => {
    for (const [path, html] of htmlFiles) {
      expect(html, path).not.toMatch(/<(img|iframe|style|b)\b/i);
      expect(html, path).not.toMatch(/\sonerror=/i);
    }
  });

  it('shows the text literally', () => {
    const page = fileAt(files, `docs/site/rules/${slug}.html`).replace(/\s+/g, ' ');
    expect(page).toContain('Evil &lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; *bold* | pipe [x](javascript:alert(1))');
    expect(page).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(page).toContain('<code>&lt;script&gt;alert(&quot;code&quot;)&lt;/script&gt;</code>');
    expect(page).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot; &#x27;single&#x27;');
  });

  it('links only web addresses', () => {
    for (const [path, html] of htmlFiles) {
      for (const [, href] of html.matchAll(/href="([^"]*)"/g)) {
        expect(href, path).not.toMatch(/^\s*javascript:/i);
        expect(href, path).toMatch(/^(https?:\/\/|\.\.\/|#|[a-z0-9-]+(\/[a-z0-9-]+)*\.(html|css|js|svg)(#[\w-]+)?$)/);
      }
    }
    const page = fileAt(files, `docs/site/rules/${slug}.html`);
    expect(page).toContain('<li>javascript:alert(1)</li>');
  });
});

describe('pages never show invisible or reordering characters raw', () => {
  const invisible = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

  it('test events show them as JSON escapes', () => {
    const page = fileAt(files, `docs/site/rules/${slug}.html`);
    expect(page).toContain('a\\u202eb\\u0085c\\u2028d\\u2066e');
    expect(JSON.parse('"a\\u202eb\\u0085c\\u2028d\\u2066e"')).toBe(hostileInvisibleValue);
  });

  it.each([...files].map(([path]) => path))('%s holds none of them', (path) => {
    expect(fileAt(files, path)).not.toMatch(invisible);
  });
});

describe('Markdown pages escape rule text', async () => {
  const markdown = fileAt(files, `docs/md/${slug}.md`);
  const root = await parseMarkdown(markdown);
  const nodes: MdNode[] = [];
  walk(root, (node) => nodes.push(node));

  it('has no raw HTML', () => {
    expect(nodes.filter((n) => n.type === 'html')).toEqual([]);
  });

  it('links only where the page means to (ATT&CK and web references)', () => {
    const urls = nodes.filter((n) => n.type === 'link').map((n) => n.url);
    expect(urls).toEqual([
      'https://attack.mitre.org/tactics/TA0002',
      'https://attack.mitre.org/techniques/T1610',
      'https://example.com/%22%3E%3Cscript%3Ealert%281%29%3C/script%3E',
    ]);
  });

  it('shows the name, description and lists as written', () => {
    const heading = nodes.find((n) => n.type === 'heading');
    expect(heading && plainText(heading)).toBe(hostileName);
    const paragraphs = nodes.filter((n) => n.type === 'paragraph').map(plainText);
    expect(paragraphs).toContain(hostileDescriptionShown);
    expect(nodes.filter((n) => n.type === 'inlineCode').map((n) => n.value)).toContain('<script>alert("code")</script>');
    expect(paragraphs).toContain('# Heading? - list? 1. item?');
    expect(paragraphs).toContain('</p><script>alert("goals")</script>');
    const items = nodes.filter((n) => n.type === 'listItem').map(plainText);
    expect(items).toEqual(expect.arrayContaining(['<b>bold</b> & "quotes" \'single\'', '- [ ] checkbox', '| a | b |', 'javascript:alert(1)']));
  });

  it('keeps the compiled query whole inside its code block', () => {
    const code = nodes.filter((n) => n.type === 'code').map((n) => n.value);
    expect(code).toContain('a="</code></pre><script>alert(2)</script>"\n```\n| eval x="`"');
  });

  it('has no emphasis, table or heading made from rule text', () => {
    expect(nodes.filter((n) => ['emphasis', 'strong', 'table'].includes(n.type) && /alert|bold|cell/.test(plainText(n)))).toEqual([]);
    expect(nodes.filter((n) => n.type === 'heading' && plainText(n).startsWith('Heading'))).toEqual([]);
  });
});
