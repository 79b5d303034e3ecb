import { describe, expect, it } from 'vitest';
import { coalesceChunks } from './chunks';

describe('coalesceChunks', () => {
  it('hands on pieces of the given size, in order, and the rest on flush', async () => {
    const pieces: number[][] = [];
    const out = coalesceChunks(4, (piece) => {
      pieces.push([...piece]);
      return Promise.resolve();
    });
    await out.write(Uint8Array.of(1, 2, 3));
    await out.write(Uint8Array.of(4, 5));
    await out.write(Uint8Array.of(6, 7, 8, 9, 10, 11));
    expect(pieces).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    await out.flush();
    expect(pieces.at(-1)).toEqual([9, 10, 11]);
    await out.flush();
    expect(pieces).toHaveLength(3);
  });

  it('gives each piece its own buffer, so the receiver may transfer it', async () => {
    const buffers: ArrayBuffer[] = [];
    const out = coalesceChunks(2, (piece) => {
      buffers.push(piece.buffer);
      return Promise.resolve();
    });
    await out.write(Uint8Array.of(1, 2, 3, 4, 5));
    await out.flush();
    expect(new Set(buffers).size).toBe(3);
  });
});
