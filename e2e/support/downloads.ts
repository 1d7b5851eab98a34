/** Files a page saves: catching a download, checking a PNG, and opening a picture as a person would. */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Clicks a download button (found in `scope`, the whole page by default) and reads the file the browser saved. */
export async function downloaded(
  page: Page,
  button: string,
  scope: Page | Locator = page,
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    scope.getByRole('button', { name: button }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/** Width and height from a PNG's header, which also proves it is one. */
export function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Shows the file as an image in an empty page, as a person opening it would, and gives its decoded size. */
export async function opened(page: Page, bytes: Buffer, type: string) {
  const src = `data:${type};base64,${bytes.toString('base64')}`;
  return page.evaluate(async (url) => {
    const image = Object.assign(new Image(), { src: url, alt: 'The downloaded chart' });
    await image.decode();
    document.body.replaceChildren(image);
    return { width: image.naturalWidth, height: image.naturalHeight };
  }, src);
}
