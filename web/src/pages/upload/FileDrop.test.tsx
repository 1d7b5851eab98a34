import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UPLOAD_LIMITS } from '../../api/uploads.ts';
import { FileDrop } from './FileDrop.tsx';

describe('FileDrop', () => {
  it('names the kinds of file and the size limit', () => {
    const html = renderToStaticMarkup(<FileDrop disabled={false} onFile={() => {}} />);
    expect(html).toContain(
      `Excel workbooks (.xlsx) or CSV files (.csv), up to ${UPLOAD_LIMITS.maxFileBytes / 1024 / 1024} MB`,
    );
  });
});
