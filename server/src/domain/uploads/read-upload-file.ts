/** Chooses the reader by file extension and refuses files that are not spreadsheets. */
import { DomainError, invalid } from '../errors.ts';
import { isPlainText } from '../../contract/common.ts';
import { readCsv } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';
import { tooLarge, type RawUpload, type ReadListener, type UploadFileKind } from './raw-upload.ts';
import { UPLOAD_LIMITS } from '../../contract/uploads.ts';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * The kind of file, or a refusal naming what is wrong with it: the checks that need no reading,
 * so an asynchronous upload can be refused before it is accepted.
 */
export function checkUploadFile(fileName: string, content: Buffer): UploadFileKind {
  if (!isPlainText(fileName)) {
    throw invalid('file', 'the file name contains control characters; rename the file and upload it again.');
  }
  const extension = extensionOf(fileName);
  if (extension === 'xls') {
    throw new DomainError(
      'unsupported_media_type',
      `file: "${fileName}" is an Excel 97-2003 (.xls) workbook, which is not accepted. Open it in Excel, save it as an Excel Workbook (.xlsx) and upload that file.`,
    );
  }
  if (extension !== 'xlsx' && extension !== 'csv') {
    throw new DomainError(
      'unsupported_media_type',
      `file: "${fileName}" is not a spreadsheet. Upload an Excel workbook (.xlsx) or a CSV file (.csv).`,
    );
  }
  if (content.length === 0) throw new DomainError('invalid_input', `file: "${fileName}" is empty.`);
  if (content.length > UPLOAD_LIMITS.maxFileBytes) {
    throw tooLarge(
      `"${fileName}" is larger than ${UPLOAD_LIMITS.maxFileBytes / 1024 / 1024} MB; split it into several uploads.`,
    );
  }
  if (extension === 'xlsx' && !content.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new DomainError(
      'invalid_input',
      `file: "${fileName}" is not an .xlsx workbook; save it from Excel as .xlsx.`,
    );
  }
  return extension;
}

export async function readUploadFile(fileName: string, content: Buffer, onRead?: ReadListener): Promise<RawUpload> {
  if (checkUploadFile(fileName, content) === 'csv') {
    return { kind: 'csv', sheets: [await readCsv(fileName, content, onRead)] };
  }
  return { kind: 'xlsx', sheets: readXlsx(content, onRead) };
}
