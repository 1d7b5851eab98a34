/**
 * Checks an .xlsx container (a zip file) before its parts are read: the central directory must be
 * readable, the declared sizes within the limits, every entry's real inflated size no larger than
 * declared (a lying header is how zip bombs get past size checks), and the local entries exactly
 * the ones the directory lists, with nothing hidden between them.
 */
import { createInflateRaw } from 'node:zlib';
import { DomainError } from '../errors.ts';
import { UPLOAD_LIMITS } from '../../contract/uploads.ts';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** A data descriptor (signature, crc, two sizes; 64-bit sizes at most) may follow an entry's data. */
const MAX_DESCRIPTOR = 24;
/** Small entries may compress extremely well without being a threat. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const unreadable = (why: string) =>
  new DomainError('invalid_input', `file: this is not a readable .xlsx workbook (${why}). Save it again from Excel.`);
const tooLarge = (why: string) => new DomainError('payload_too_large', `file: ${why}`);

function findEndOfDirectory(buffer: Buffer): number {
  const lowest = Math.max(0, buffer.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = buffer.length - EOCD_SIZE; at >= lowest; at -= 1) {
    if (buffer.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw unreadable('the zip directory is missing; the file may be truncated');
}

/** The entries listed in the central directory, in directory order. */
export function readCentralDirectory(buffer: Buffer): ZipEntry[] {
  if (buffer.length < EOCD_SIZE) throw unreadable('the file is too short');
  const eocd = findEndOfDirectory(buffer);
  const count = buffer.readUInt16LE(eocd + 10);
  const directoryOffset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw unreadable('ZIP64 containers are not supported');
  if (count > UPLOAD_LIMITS.maxZipEntries) {
    throw tooLarge(`the workbook container holds ${count} files; at most ${UPLOAD_LIMITS.maxZipEntries} are accepted.`);
  }
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > eocd || buffer.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw unreadable('the zip directory is damaged');
    }
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    entries.push({
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
      flags: buffer.readUInt16LE(at + 8),
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      uncompressedSize: buffer.readUInt32LE(at + 24),
      localOffset: buffer.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The part holding the texts cells share; a reader keeps all of it in memory while it reads the sheets. */
const SHARED_STRINGS = 'xl/sharedStrings.xml';

/**
 * Sizes as the directory declares them; measureInflated later holds every entry to its declared
 * size while inflating it, so these limits bind on the real bytes too.
 */
function checkDeclaredSizes(entries: ZipEntry[]): void {
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  const sharedStrings = entries.find((entry) => entry.name === SHARED_STRINGS)?.uncompressedSize ?? 0;
  if (sharedStrings > UPLOAD_LIMITS.maxSharedStringsBytes) {
    throw tooLarge(
      `the workbook's shared texts expand to ${mb(sharedStrings)} MB; at most ${mb(UPLOAD_LIMITS.maxSharedStringsBytes)} MB are accepted. Split the data into several files.`,
    );
  }
  if (total > UPLOAD_LIMITS.maxUncompressedBytes) {
    throw tooLarge(
      `the workbook expands to ${mb(total)} MB; at most ${mb(UPLOAD_LIMITS.maxUncompressedBytes)} MB are accepted. Split the data into several files.`,
    );
  }
  const names = new Set<string>();
  for (const entry of entries) {
    if (names.has(entry.name)) throw unreadable(`the container lists "${entry.name}" twice`);
    names.add(entry.name);
    if ((entry.flags & 1) === 1) throw unreadable('the workbook is encrypted; remove the password and save it again');
    if (entry.method !== 0 && entry.method !== 8) throw unreadable(`unsupported compression method ${entry.method}`);
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > UPLOAD_LIMITS.maxCompressionRatio) {
      throw tooLarge(
        `"${entry.name}" inside the workbook expands ${Math.round(ratio)} times (limit ${UPLOAD_LIMITS.maxCompressionRatio}); this looks like a zip bomb.`,
      );
    }
  }
}

/** Where each entry's data starts, after checking its local header agrees with the directory. */
function dataOffset(buffer: Buffer, entry: ZipEntry): number {
  const at = entry.localOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_SIGNATURE) {
    throw unreadable(`the entry "${entry.name}" is damaged`);
  }
  const nameLength = buffer.readUInt16LE(at + 26);
  const extraLength = buffer.readUInt16LE(at + 28);
  if (buffer.toString('utf8', at + 30, at + 30 + nameLength) !== entry.name) {
    throw unreadable(`the entry "${entry.name}" does not match the zip directory`);
  }
  return at + 30 + nameLength + extraLength;
}

/** An entry's stored bytes, after checking its local header agrees with the directory. */
export function entryData(buffer: Buffer, entry: ZipEntry): Buffer {
  const start = dataOffset(buffer, entry);
  return buffer.subarray(start, start + entry.compressedSize);
}

/** The local entries must follow one another with nothing hidden between them. */
function checkLayout(buffer: Buffer, entries: ZipEntry[]): Map<ZipEntry, number> {
  const starts = new Map<ZipEntry, number>();
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const entry of sorted) {
    const gap = entry.localOffset - expected;
    if (gap < 0 || gap > MAX_DESCRIPTOR || (expected === 0 && gap !== 0)) {
      throw unreadable('the zip entries overlap or hide data between them');
    }
    const start = dataOffset(buffer, entry);
    expected = start + entry.compressedSize;
    if (expected > buffer.length) throw unreadable('the file is truncated');
    starts.set(entry, start);
  }
  return starts;
}

/** Inflates one entry without keeping the output, failing as soon as it exceeds its declared size. */
function measureInflated(data: Buffer, declared: number, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    let produced = 0;
    inflater.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > declared) {
        inflater.destroy();
        reject(tooLarge(`"${name}" inside the workbook is larger than its header says; this looks like a zip bomb.`));
      }
    });
    inflater.on('error', () => reject(unreadable(`"${name}" cannot be decompressed`)));
    inflater.on('end', () =>
      produced === declared ? resolve() : reject(unreadable(`"${name}" has the wrong size once decompressed`)),
    );
    inflater.end(data);
  });
}

/** Checks the container (see above) and returns it, to be read part by part (xlsx-parts.ts). */
export async function checkedXlsxContainer(buffer: Buffer): Promise<Buffer> {
  const entries = readCentralDirectory(buffer);
  if (entries.length === 0) throw unreadable('the container is empty');
  checkDeclaredSizes(entries);
  const starts = checkLayout(buffer, entries);
  for (const entry of entries) {
    const start = starts.get(entry) ?? 0;
    const data = buffer.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw unreadable(`"${entry.name}" has inconsistent sizes`);
    } else {
      await measureInflated(data, entry.uncompressedSize, entry.name);
    }
  }
  return buffer;
}
