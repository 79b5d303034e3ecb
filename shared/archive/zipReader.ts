import { Inflate } from 'fflate';

/**
 * Reads a zip from its central directory, entry by entry, through a random-access source (a File in
 * the page, bytes in tests), so verifying an archive of any size holds one slice at a time. Bounded:
 * entries, names and the bytes an entry may inflate to; anything the writer never produces (ZIP64,
 * encryption, other methods) is refused as data, never thrown past the reader.
 */

export interface RandomAccess {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export const bytesAccess = (bytes: Uint8Array): RandomAccess => ({
  size: bytes.byteLength,
  read: (offset, length) => Promise.resolve(bytes.subarray(offset, offset + length)),
});

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

export type ZipProblem = 'notZip' | 'unsupported' | 'damaged';

export class ZipReadError extends Error {
  override readonly name = 'ZipReadError';
  constructor(
    readonly problem: ZipProblem,
    message: string,
  ) {
    super(message);
  }
}

export const ZIP_MAX_ENTRIES = 200_000;
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
const SLICE = 1 << 20;

const u16 = (view: DataView, at: number): number => view.getUint16(at, true);
const u32 = (view: DataView, at: number): number => view.getUint32(at, true);
const viewOf = (bytes: Uint8Array): DataView =>
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export const readCentralDirectory = async (source: RandomAccess): Promise<ZipEntry[]> => {
  if (source.size < EOCD_MIN) throw new ZipReadError('notZip', 'Too short for a zip');
  // The end record sits in the last 22 bytes plus a comment of at most 65,535.
  const tailLength = Math.min(source.size, EOCD_MIN + 0xffff);
  const tail = await source.read(source.size - tailLength, tailLength);
  const tailView = viewOf(tail);
  let end = -1;
  for (let at = tail.byteLength - EOCD_MIN; at >= 0; at -= 1) {
    if (u32(tailView, at) === EOCD_SIGNATURE) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipReadError('notZip', 'No end of central directory');
  const count = u16(tailView, end + 10);
  const directorySize = u32(tailView, end + 12);
  const directoryOffset = u32(tailView, end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff)
    throw new ZipReadError('unsupported', 'ZIP64 archives are not written by this app');
  if (count > ZIP_MAX_ENTRIES) throw new ZipReadError('unsupported', `More than ${ZIP_MAX_ENTRIES} entries`);
  if (directoryOffset + directorySize > source.size)
    throw new ZipReadError('damaged', 'The central directory lies outside the file');
  const directory = await source.read(directoryOffset, directorySize);
  const view = viewOf(directory);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > directory.byteLength || u32(view, at) !== CENTRAL_SIGNATURE)
      throw new ZipReadError('damaged', `Central directory entry ${i} is damaged`);
    const nameLength = u16(view, at + 28);
    const extraLength = u16(view, at + 30);
    const commentLength = u16(view, at + 32);
    if (at + 46 + nameLength > directory.byteLength)
      throw new ZipReadError('damaged', `Central directory entry ${i} is cut short`);
    entries.push({
      name: decoder.decode(directory.subarray(at + 46, at + 46 + nameLength)),
      method: u16(view, at + 10),
      compressedSize: u32(view, at + 20),
      size: u32(view, at + 24),
      localOffset: u32(view, at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
};

/**
 * Hands an entry's uncompressed bytes to `onData` slice by slice. Refuses an entry that inflates to
 * more than it declared (a zip bomb lies about its size) or that is encrypted or of another method.
 */
export const readEntry = async (
  source: RandomAccess,
  entry: ZipEntry,
  onData: (chunk: Uint8Array) => void,
): Promise<void> => {
  if (entry.method !== 0 && entry.method !== 8)
    throw new ZipReadError('unsupported', `${entry.name}: compression method ${entry.method}`);
  const header = await source.read(entry.localOffset, 30);
  const view = viewOf(header);
  if (header.byteLength < 30 || u32(view, 0) !== LOCAL_SIGNATURE)
    throw new ZipReadError('damaged', `${entry.name}: no local header`);
  if ((u16(view, 6) & 1) !== 0) throw new ZipReadError('unsupported', `${entry.name} is encrypted`);
  const start = entry.localOffset + 30 + u16(view, 26) + u16(view, 28);
  if (start + entry.compressedSize > source.size)
    throw new ZipReadError('damaged', `${entry.name}: its data lies outside the file`);
  let produced = 0;
  // A holder, not a plain variable: the inflater's callback sets it between two awaits.
  const state: { failure: ZipReadError | null } = { failure: null };
  const take = (chunk: Uint8Array): void => {
    produced += chunk.byteLength;
    if (produced > entry.size) {
      state.failure ??= new ZipReadError('damaged', `${entry.name} holds more than it declares`);
      return;
    }
    onData(chunk);
  };
  const inflate = entry.method === 8 ? new Inflate((chunk) => take(chunk)) : null;
  for (let offset = 0; offset < entry.compressedSize || offset === 0; offset += SLICE) {
    const length = Math.min(SLICE, entry.compressedSize - offset);
    const slice = length > 0 ? await source.read(start + offset, length) : new Uint8Array(0);
    const last = offset + SLICE >= entry.compressedSize;
    try {
      if (inflate) inflate.push(slice, last);
      else take(slice);
    } catch {
      throw new ZipReadError('damaged', `${entry.name} cannot be inflated`);
    }
    if (state.failure) throw state.failure;
    if (last) break;
  }
  if (produced !== entry.size) throw new ZipReadError('damaged', `${entry.name} is not the size it declares`);
};

/** A small entry whole (the manifest, its seal); refused above `maxBytes`. */
export const readSmallEntry = async (
  source: RandomAccess,
  entry: ZipEntry,
  maxBytes: number,
): Promise<Uint8Array> => {
  if (entry.size > maxBytes)
    throw new ZipReadError('unsupported', `${entry.name} is larger than ${maxBytes}`);
  const out = new Uint8Array(entry.size);
  let used = 0;
  await readEntry(source, entry, (chunk) => {
    out.set(chunk, used);
    used += chunk.byteLength;
  });
  return out;
};

/** A file the clerk picked or dropped, read slice by slice: never whole in memory. */
export const blobAccess = (blob: Pick<Blob, 'size' | 'slice'>): RandomAccess => ({
  size: blob.size,
  read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
});
