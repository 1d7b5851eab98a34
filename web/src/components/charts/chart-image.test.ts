import { describe, expect, it } from 'vitest';
import { chartImageSvg, imageFileName, periodText, wrapWords } from './chart-image.ts';

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

  it('wraps a source line too long for a narrow chart', () => {
    const narrow = { ...chart, width: 300 };
    const source = `Source: ${'Riverside County Sheriff '.repeat(4)}published figures, https://example.org/dashboards/7`;
    const { svg, height } = chartImageSvg(narrow, { ...text, source }, []);
    const lines = [...svg.matchAll(/<text [^>]*font-size="12"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(source);
    for (const line of lines) expect(line.length * 6.6).toBeLessThanOrEqual(300);
    expect(height).toBe(76 + 300 + 12 + 36 + (lines.length - 1) * 16);
  });

  it('writes the notes on series breaks between the legend and the source, wrapped, and grows to fit them', () => {
    const note = `Definition changed from March 2024: ${'Now includes the county jail transfers. '.repeat(3)}`.trim();
    const { svg, height } = chartImageSvg(chart, { ...text, notes: [note] }, []);
    const lines = [...svg.matchAll(/<text [^>]*fill="#8a4b00"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(lines.length).toBe(2);
    expect(lines.join(' ')).toBe(note);
    expect(height).toBe(76 + 300 + 12 + 36 + 2 * 16);
    expect(svg.indexOf(lines[1]!)).toBeLessThan(svg.indexOf(text.source));
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

describe('wrapWords', () => {
  it('fills each line with whole words and gives a word longer than a line a line of its own', () => {
    expect(wrapWords('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapWords('a https://example.org/long/address b', 10)).toEqual([
      'a',
      'https://example.org/long/address',
      'b',
    ]);
    expect(wrapWords('  spaced   out  ', 40)).toEqual(['spaced out']);
  });
});

describe('periodText and imageFileName', () => {
  it('name the period and the file as the reference names graph downloads', () => {
    expect(periodText(['Jan 2024', 'Feb 2024', 'Mar 2024'])).toBe('Jan 2024 – Mar 2024');
    expect(periodText(['2023'])).toBe('2023');
    expect(imageFileName('Arrests', 'Offense Types', 'png')).toBe('arrests_by_offense_types.png');
    expect(imageFileName('Funding (Law Enforcement)', null, 'svg')).toBe('funding_law_enforcement.svg');
  });
});
