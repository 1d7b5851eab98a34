import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { UPLOAD_LIMITS } from '../../contract/uploads.ts';
import { zipOf } from '../../../test/support/given-uploads.ts';
import { checkedXlsxContainer } from './zip-inspection.ts';

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('arrests').addRows([
    ['year', 'value'],
    [2023, 5],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('checkedXlsxContainer', () => {
  it('accepts a real workbook', async () => {
    const file = await workbook();
    await expect(checkedXlsxContainer(file)).resolves.toBe(file);
  });

  it('refuses a truncated file', async () => {
    const file = await workbook();
    await expect(checkedXlsxContainer(file.subarray(0, file.length - 200))).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('refuses an entry that inflates beyond its declared size (a lying zip bomb)', async () => {
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(5_000_000, 'a'), declaredSize: 1000 }]);
    await expect(checkedXlsxContainer(bomb)).rejects.toMatchObject({
      code: 'payload_too_large',
      message: expect.stringContaining('zip bomb'),
    });
  });

  it('refuses an entry that declares an extreme compression ratio', async () => {
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50_000_000, 'a') }]);
    await expect(checkedXlsxContainer(bomb)).rejects.toMatchObject({
      code: 'payload_too_large',
      message: expect.stringContaining('expands'),
    });
  });

  it('refuses shared strings larger than their limit, naming it, before inflating them', async () => {
    const declaredSize = UPLOAD_LIMITS.maxSharedStringsBytes + 1024 * 1024;
    const strings = zipOf([{ name: 'xl/sharedStrings.xml', data: Buffer.from('<sst/>'), declaredSize }]);
    await expect(checkedXlsxContainer(strings)).rejects.toMatchObject({
      code: 'payload_too_large',
      message: expect.stringContaining(`shared texts expand to 33 MB; at most 32 MB`),
    });
  });

  it('refuses a container that expands beyond the total limit', async () => {
    const declaredSize = UPLOAD_LIMITS.maxUncompressedBytes / 2 + 1;
    const big = zipOf([
      { name: 'a.xml', data: Buffer.from('x'), declaredSize },
      { name: 'b.xml', data: Buffer.from('y'), declaredSize },
    ]);
    await expect(checkedXlsxContainer(big)).rejects.toMatchObject({ code: 'payload_too_large' });
  });

  it('refuses data hidden between entries', async () => {
    const zip = zipOf([{ name: 'a.xml', data: Buffer.from('<a/>') }]);
    const shifted = Buffer.concat([Buffer.alloc(64), zip]);
    await expect(checkedXlsxContainer(shifted)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
