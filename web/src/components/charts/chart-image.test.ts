import { describe, expect, it } from 'vitest';
import { chartImageSvg, imageFileName, periodText } from './chart-image.ts';

const chart = { markup: '<svg class="recharts-surface" width="600" height="300"></svg>', width: 600, height: 300 };
const text = {
  title: 'Arrests',
  agency: 'Riverside <Police> & "Sheriff"',
  period: 'Jan 2024 – Mar 2024',
  source: 'Source: Riverside, published figures',
};

describe('chartImageSvg', () => {
  it('writes the title, agency, period and source around the chart, escaped', () => {
    const { svg, width, height } = chartImageSvg(chart, text, []);
    expect(width).toBe(648);
    expect(height).toBe(76 + 300 + 12 + 36);
    expect(svg).toContain('>Arrests</text>');
    expect(svg).toContain('Riverside &lt;Police&gt; &amp; &quot;Sheriff&quot; · Jan 2024 – Mar 2024');
    expect(svg).toContain('Source: Riverside, published figures');
    expect(svg).toContain(chart.markup);
    expect(new DOMParserLike(svg).isWellFormed).toBe(true);
  });

  it('adds the legend in rows that fit the width', () => {
    const legend = Array.from({ length: 12 }, (_, i) => ({ name: `Member number ${i}`, colour: '#123456' }));
    const { svg, height } = chartImageSvg(chart, text, legend);
    expect(svg.match(/<rect x="\d+" y="\d+" width="12"/g)).toHaveLength(12);
    const rows = (height - (76 + 300 + 12 + 36)) / 22;
    expect(rows).toBeGreaterThan(1);
    expect(svg).toContain('>Member number 11</text>');
  });
});

/** Enough of a well-formedness check without a DOM: every element opened is closed. */
class DOMParserLike {
  isWellFormed: boolean;
  constructor(xml: string) {
    const stack: string[] = [];
    for (const [, closing, name, selfClosing] of xml.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
      if (selfClosing) continue;
      if (closing) {
        if (stack.pop() !== name) stack.push('mismatch');
      } else stack.push(name!);
    }
    this.isWellFormed = stack.length === 0;
  }
}

describe('periodText and imageFileName', () => {
  it('name the period and the file as the reference names graph downloads', () => {
    expect(periodText(['Jan 2024', 'Feb 2024', 'Mar 2024'])).toBe('Jan 2024 – Mar 2024');
    expect(periodText(['2023'])).toBe('2023');
    expect(imageFileName('Arrests', 'Offense Types', 'png')).toBe('arrests_by_offense_types.png');
    expect(imageFileName('Funding (Law Enforcement)', null, 'svg')).toBe('funding_law_enforcement.svg');
  });
});
