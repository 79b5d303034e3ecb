/**
 * Gathers small chunks (the zip writer emits many of a few KB) into pieces of about `size` bytes
 * before handing them on, so each hand-over (a worker message, an IPC call, a file write) carries
 * enough to be worth its cost. Each piece is a fresh buffer the receiver may keep or transfer.
 */
export interface ChunkCoalescer {
  write(chunk: Uint8Array): Promise<void>;
  /** Hands on what is left; call once after the last write. */
  flush(): Promise<void>;
}

export const coalesceChunks = (
  size: number,
  next: (piece: Uint8Array<ArrayBuffer>) => Promise<void>,
): ChunkCoalescer => {
  let buffer = new Uint8Array(size);
  let used = 0;
  const handOn = async (): Promise<void> => {
    if (used === 0) return;
    const piece = used === buffer.length ? buffer : buffer.slice(0, used);
    buffer = new Uint8Array(size);
    used = 0;
    await next(piece);
  };
  return {
    write: async (chunk) => {
      let offset = 0;
      while (offset < chunk.length) {
        const take = Math.min(chunk.length - offset, buffer.length - used);
        buffer.set(chunk.subarray(offset, offset + take), used);
        used += take;
        offset += take;
        if (used === buffer.length) await handOn();
      }
    },
    flush: handOn,
  };
};
