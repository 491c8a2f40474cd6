import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  markdownCodeBlock,
  markdownCodeSpan,
  markdownInline,
  markdownLink,
  markdownParagraphs,
} from '../../targets/docs/markdown-escape.ts';
import { nodeTypes, parseMarkdown, plainText } from './markdown-ast.ts';

/** Renders `markdown` as a paragraph and returns its node types and visible text. */
async function asParagraph(markdown: string) {
  const root = await parseMarkdown(markdown);
  return { types: nodeTypes(root), text: plainText(root) };
}

describe('markdownInline shows rule text literally', () => {
  const literal = [
    '<script>alert(1)</script>',
    '*bold* and **strong** and _under_',
    'a | b | c',
    '[x](y) and ![img](z) and [ref]',
    '`code` and ``double``',
    '# not a heading',
    '- not a list',
    '+ not a list',
    '1. not a list',
    '3) not a list',
    '> not a quote',
    '~~not struck~~',
    'back\\slash \\* and trailing \\',
    'entity &amp; &#60; &lt;',
    '$x$ and $$y$$',
    '<b>bold</b> and <!-- comment -->',
    'ATT&CK (T1610)',
  ];
  for (const input of literal) {
    it(JSON.stringify(input), async () => {
      const { types, text } = await asParagraph(markdownInline(input));
      expect([...types].sort()).toEqual(['paragraph', 'root', 'text']);
      expect(text).toBe(input);
    });
  }

  it('joins lines into one, so a list item or heading cannot break', async () => {
    const { types, text } = await asParagraph(markdownInline('first line\n# second\n- third'));
    expect([...types].sort()).toEqual(['paragraph', 'root', 'text']);
    expect(text).toBe('first line # second - third');
  });

  it('does not turn bare addresses into links', async () => {
    const input = 'see <https://example.com/a> and https://example.com/b, www.example.com or ops@example.com';
    const { types, text } = await asParagraph(markdownInline(input));
    expect([...types].sort()).toEqual(['paragraph', 'root', 'text']);
    expect(text).toBe(input);
  });

  it('leaves ordinary punctuation readable', () => {
    expect(markdownInline('Check the pod (and its owner): done.')).toBe('Check the pod (and its owner): done.');
  });

  it('holds for any mix of Markdown punctuation', async () => {
    const alphabet = fc.constantFrom(...'ab *_`[]()<>#!|~&;$\\-+=.1:/@w'.split(''), 'https://', 'www.');
    await fc.assert(
      fc.asyncProperty(fc.array(alphabet, { minLength: 1, maxLength: 24 }).map((chars) => chars.join('')), async (input) => {
        const expected = input.trim();
        fc.pre(expected.length > 0);
        const { types, text } = await asParagraph(markdownInline(input));
        expect([...types].sort()).toEqual(['paragraph', 'root', 'text']);
        expect(text).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('markdownParagraphs', () => {
  it('keeps paragraphs and escapes each', async () => {
    const root = await parseMarkdown(markdownParagraphs('One *a*.\n\n  Two | b.\n\n\n'));
    expect(root.children?.map((c) => c.type)).toEqual(['paragraph', 'paragraph']);
    expect(root.children?.map(plainText)).toEqual(['One *a*.', 'Two | b.']);
  });
});

describe('code', () => {
  it('a code span outgrows the backticks inside it', async () => {
    for (const code of ['a`b', '``x``', '`lead', 'trail`', 'a | b']) {
      const root = await parseMarkdown(markdownCodeSpan(code));
      const spans: string[] = [];
      const visit = (n: { type: string; value?: string; children?: readonly unknown[] }) => {
        if (n.type === 'inlineCode') spans.push(n.value ?? '');
        (n.children as typeof n[] | undefined)?.forEach(visit);
      };
      visit(root);
      expect(spans).toEqual([code]);
    }
  });

  it('a code block cannot be closed by the text inside it', async () => {
    const query = 'index=main\n```\n# not a heading\n````';
    const root = await parseMarkdown(markdownCodeBlock(query, 'spl'));
    expect(root.children).toHaveLength(1);
    expect(root.children?.[0]).toMatchObject({ type: 'code', lang: 'spl', value: query });
  });
});

describe('markdownLink', () => {
  it('links web addresses, even with parentheses', async () => {
    const root = await parseMarkdown(markdownLink('Docs (v2)', 'https://example.com/a_(b)'));
    const links: string[] = [];
    const visit = (n: { type: string; url?: string; children?: readonly unknown[] }) => {
      if (n.type === 'link') links.push(n.url ?? '');
      (n.children as typeof n[] | undefined)?.forEach(visit);
    };
    visit(root);
    expect(links).toEqual(['https://example.com/a_%28b%29']);
    expect(plainText(root)).toBe('Docs (v2)');
  });

  it('shows an address labelled with itself as an autolink', async () => {
    const url = 'https://attack.mitre.org/techniques/T1610/';
    expect(markdownLink(url, url)).toBe(`<${url}>`);
    const root = await parseMarkdown(markdownLink(url, url));
    expect(root.children?.[0]?.children?.[0]).toMatchObject({ type: 'link', url });
  });

  it('never links other schemes', async () => {
    const { types, text } = await asParagraph(markdownLink('click', 'javascript:alert(1)'));
    expect(types.has('link')).toBe(false);
    expect(text).toBe('click');
  });
});
