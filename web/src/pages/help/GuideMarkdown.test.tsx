import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { GuideMarkdown } from './GuideMarkdown.tsx';

describe('GuideMarkdown', () => {
  it('renders Markdown, and raw HTML in a guide never as HTML', () => {
    const html = renderToStaticMarkup(
      <GuideMarkdown text={'## Steps\n\n**Bold** text <img src=x onerror="alert(1)"> and <script>alert(2)</script>'} />,
    );
    expect(html).toContain('<h2>Steps</h2>');
    expect(html).toContain('<strong>Bold</strong>');
    // Shown as text at most, never as elements.
    expect(html).not.toMatch(/<img|<script/);
  });
});
