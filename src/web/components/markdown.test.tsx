import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown.tsx';

// The Markdown component builds React elements from text and never sets HTML, so React escapes
// every character of the plan text: a pasted tag stays visible text and cannot run.
describe('Markdown rendering of hostile point text', () => {
  const render = (text: string) => renderToStaticMarkup(<Markdown text={text} />);

  it('shows <script> as text', () => {
    const html = render('Before <script>alert(1)</script> after');
    expect(html).toBe('<div class="prose"><p>Before &lt;script&gt;alert(1)&lt;/script&gt; after</p></div>');
  });

  it('shows <img onerror> as text, inside emphasis and lists too', () => {
    const html = render('**<img src=x onerror="alert(2)">**\n\n- *<svg onload=alert(3)>*');
    expect(html).not.toMatch(/<img|<svg/);
    expect(html).toContain('<strong>&lt;img src=x onerror=&quot;alert(2)&quot;&gt;</strong>');
    expect(html).toContain('<li><em>&lt;svg onload=alert(3)&gt;</em></li>');
  });

  it('makes no links, so javascript: URLs stay text', () => {
    const html = render('[click](javascript:alert(4)) and <a href="javascript:alert(5)">x</a>');
    expect(html).not.toMatch(/<a[\s>]| href="/);
    expect(html).toContain('[click](javascript:alert(4))');
  });
});
