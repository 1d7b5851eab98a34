import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChosenFile } from './ChosenFile.tsx';

describe('ChosenFile', () => {
  it("shows the file's name and, on a line of its own, how long it should take", () => {
    expect(
      renderToStaticMarkup(<ChosenFile name="arrests.xlsx" estimate="This file should take under a minute to save." />),
    ).toBe('arrests.xlsx<span class="up-estimate">This file should take under a minute to save.</span>');
  });

  it('shows only the name when the time is not known', () => {
    expect(renderToStaticMarkup(<ChosenFile name="arrests.xlsx" estimate={undefined} />)).toBe('arrests.xlsx');
  });
});
