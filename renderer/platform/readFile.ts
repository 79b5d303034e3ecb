import { OPEN_FILE_MAX_BYTES } from '../../shared/ipc/openFile';
import { PlatformError } from './Platform';

/**
 * Reads a file the page was handed (picked through a file input, or dropped on it) under the same
 * bound main applies to a file it opens, with the same typed failures.
 */
export const readPickedFile = async (
  file: Pick<File, 'name' | 'size' | 'arrayBuffer'>,
  maxBytes: number = OPEN_FILE_MAX_BYTES,
): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> }> => {
  if (file.size > maxBytes)
    throw new PlatformError('files.tooLarge', `${file.name} has ${file.size} bytes, more than ${maxBytes}`);
  try {
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch {
    // The browser lost the file (moved or deleted since it was chosen): a NotReadableError.
    throw new PlatformError('files.unreadable', `${file.name} cannot be read`);
  }
};
