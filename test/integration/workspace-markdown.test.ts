import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown, type MarkdownOptions } from '../../web/src/pages/workspace/markdown.js';

const html = (text: string, options?: MarkdownOptions) => renderToStaticMarkup(createElement(Markdown, { text, ...(options ? { options } : {}) }));

describe('Markdown in answers', () => {
  it('renders headings (from h4), paragraphs with line breaks, emphasis and code', () => {
    expect(html('# Titel\n\nErste Zeile\nzweite **fett** und *kursiv* mit `code`')).toBe(
      '<h4>Titel</h4><p>Erste Zeile<br/>zweite <strong>fett</strong> und <em>kursiv</em> mit <code>code</code></p>',
    );
    expect(html('## Entwurf\n### Teil\n#### Detail')).toBe('<h4>Entwurf</h4><h5>Teil</h5><h6>Detail</h6>');
    expect(html('```ts\nconst a = 1 < 2;\n```')).toBe('<pre tabindex="0"><code data-language="ts">const a = 1 &lt; 2;</code></pre>');
  });

  it('renders nested and ordered lists, quotes and tables with column headers', () => {
    expect(html('- eins\n- zwei\n  - zwei a\n- drei')).toBe('<ul><li>eins</li><li>zwei<ul><li>zwei a</li></ul></li><li>drei</li></ul>');
    expect(html('3. drei\n4. vier')).toBe('<ol start="3"><li>drei</li><li>vier</li></ol>');
    expect(html('> zitiert')).toBe('<blockquote><p>zitiert</p></blockquote>');
    expect(html('| Modell | Wh |\n|---|---:|\n| A | 0,1 |')).toBe(
      '<div class="table-wrap"><table><thead><tr><th scope="col">Modell</th><th scope="col">Wh</th></tr></thead><tbody><tr><td>A</td><td>0,1</td></tr></tbody></table></div>',
    );
  });

  it('never renders raw HTML or unsafe links', () => {
    const rendered = html('<img src=x onerror=alert(1)> <script>alert(1)</script> [klick](javascript:alert(1)) [ok](https://example.org)');
    expect(rendered).not.toContain('<img');
    expect(rendered).not.toContain('<script');
    expect(rendered).not.toContain('href="javascript');
    expect(rendered).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(rendered).toContain('[klick](javascript:alert(1))');
    expect(rendered).toContain('<a href="https://example.org" rel="noopener noreferrer">ok</a>');
  });

  it('links citations to their sources when the answer has them', () => {
    expect(html('Der Vorstand hat fünf Mitglieder [1].', { citationHref: (n) => (n === 1 ? '#quelle-1' : undefined) })).toBe(
      '<p>Der Vorstand hat fünf Mitglieder <a href="#quelle-1" class="citation-ref">[1]</a>.</p>',
    );
    expect(html('Ohne Quellen [1].')).toBe('<p>Ohne Quellen [1].</p>');
  });

  it('keeps snake_case and arithmetic as they are', () => {
    expect(html('snake_case_name und 2 * 3 * 4')).toBe('<p>snake_case_name und 2 * 3 * 4</p>');
  });
});
