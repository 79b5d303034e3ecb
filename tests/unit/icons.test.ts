import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import UPNG from 'png2icons/lib/UPNG';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALLER_ART, platformIcons, PNG_SIZES, TRAY_IMAGES, writeIconSet } from '../../scripts/iconSet';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const committed = (file: string): Buffer => fs.readFileSync(path.join(root, 'resources', file));

interface Pixels {
  width: number;
  height: number;
  rgba: Uint8Array;
}

const decodePng = (bytes: Buffer): Pixels => {
  // A copy: UPNG wants an ArrayBuffer of the PNG alone, not Node's shared pool.
  const image = UPNG.decode(new Uint8Array(bytes).buffer);
  const [frame] = UPNG.toRGBA8(image);
  if (!frame) throw new Error('PNG without pixels');
  return { width: image.width, height: image.height, rgba: new Uint8Array(frame) };
};

/** The largest difference of one channel of one pixel; the images must have one size. */
const maxChannelDifference = (a: Pixels, b: Pixels): number => {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let max = 0;
  for (let index = 0; index < a.rgba.length; index += 1) {
    max = Math.max(max, Math.abs((a.rgba[index] ?? 0) - (b.rgba[index] ?? 0)));
  }
  return max;
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The images of an .ico: size from the directory, format from the image's first bytes. */
const icoEntries = (ico: Buffer) => {
  expect(ico.readUInt16LE(0)).toBe(0); // reserved
  expect(ico.readUInt16LE(2)).toBe(1); // 1 = icon
  return Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
    const entry = 6 + index * 16;
    const size = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    expect(offset + size).toBeLessThanOrEqual(ico.length);
    const data = ico.subarray(offset, offset + size);
    const isPng = data.subarray(0, 8).equals(PNG_SIGNATURE);
    return {
      // 0 in the directory stands for 256.
      width: ico[entry] || 256,
      height: ico[entry + 1] || 256,
      format: isPng ? 'png' : data.readUInt32LE(0) === 40 ? 'bmp' : 'unknown',
      data,
    };
  });
};

/** The typed chunks of an .icns, each with its payload. */
const icnsChunks = (icns: Buffer) => {
  expect(icns.toString('latin1', 0, 4)).toBe('icns');
  expect(icns.readUInt32BE(4)).toBe(icns.length);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let offset = 8; offset < icns.length;) {
    const length = icns.readUInt32BE(offset + 4);
    expect(length).toBeGreaterThan(8);
    chunks.push({
      type: icns.toString('latin1', offset, offset + 4),
      data: icns.subarray(offset + 8, offset + length),
    });
    offset += length;
  }
  return chunks;
};

// resvg draws with floating point, which may round a pixel's edge differently on another CPU: the
// committed PNGs are held to a fresh render pixel by pixel, within 2 of 255 per channel.
const TOLERANCE = 2;

describe('the icon set rendered from resources/icon.svg', () => {
  let fresh = '';
  beforeAll(() => {
    fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'invoice-desk-icons-'));
    writeIconSet(root, fresh);
  });
  afterAll(() => {
    fs.rmSync(fresh, { recursive: true, force: true });
  });
  const rendered = (file: string): Buffer => fs.readFileSync(path.join(fresh, file));

  it('renders every PNG size square, and the committed files match the drawing', () => {
    for (const size of [...PNG_SIZES.map((n) => `icons/${n}x${n}.png`), 'icon.png']) {
      const image = decodePng(rendered(size));
      const expected = size === 'icon.png' ? 1024 : Number(/(\d+)x/.exec(size)?.[1]);
      expect([size, image.width, image.height]).toEqual([size, expected, expected]);
      expect(maxChannelDifference(image, decodePng(committed(size)))).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  it('makes tray images: a black template with alpha for macOS, the colour icon for Windows', () => {
    for (const image of TRAY_IMAGES) {
      const pixels = decodePng(rendered(image.file));
      expect([image.file, pixels.width, pixels.height]).toEqual([image.file, image.size, image.size]);
      expect(maxChannelDifference(pixels, decodePng(committed(image.file)))).toBeLessThanOrEqual(TOLERANCE);
      let opaque = 0;
      let transparent = 0;
      let coloured = 0;
      for (let index = 0; index < pixels.rgba.length; index += 4) {
        const [red = 0, green = 0, blue = 0, alpha = 0] = pixels.rgba.subarray(index, index + 4);
        if (alpha === 255) opaque += 1;
        if (alpha === 0) transparent += 1;
        if (alpha > 0 && (red > 0 || green > 0 || blue > 0)) coloured += 1;
      }
      // Both kinds are drawn, not empty, not a filled square.
      expect(opaque).toBeGreaterThan(pixels.width);
      expect(transparent).toBeGreaterThan(pixels.width);
      if (image.template) expect([image.file, coloured]).toEqual([image.file, 0]);
      else expect(coloured).toBeGreaterThan(pixels.width);
    }
  });

  it('writes an .ico with every Windows size, bitmaps below 64 px, PNGs from 64 px', () => {
    const entries = icoEntries(rendered('icon.ico'));
    expect(entries.map((entry) => [entry.width, entry.height, entry.format])).toEqual([
      [256, 256, 'png'],
      [128, 128, 'png'],
      [96, 96, 'png'],
      [72, 72, 'png'],
      [64, 64, 'png'],
      [48, 48, 'bmp'],
      [32, 32, 'bmp'],
      [24, 24, 'bmp'],
      [16, 16, 'bmp'],
    ]);
    for (const entry of entries.filter((candidate) => candidate.format === 'png')) {
      expect(decodePng(Buffer.from(entry.data)).width).toBe(entry.width);
    }
  });

  it('writes an .icns with the types macOS looks for, each PNG of its size', () => {
    const chunks = icnsChunks(rendered('icon.icns'));
    expect(chunks.map((chunk) => chunk.type)).toEqual([
      'ic12',
      'ic07',
      'ic13',
      'ic08',
      'ic14',
      'ic09',
      'ic10',
      'ic11',
      'il32',
      'l8mk',
      'is32',
      's8mk',
    ]);
    const pngSize: Record<string, number> = {
      ic11: 32,
      ic12: 64,
      ic07: 128,
      ic13: 256,
      ic08: 256,
      ic14: 512,
      ic09: 512,
      ic10: 1024,
    };
    for (const chunk of chunks.filter((candidate) => candidate.type in pngSize)) {
      const image = decodePng(Buffer.from(chunk.data));
      expect([chunk.type, image.width, image.height]).toEqual([
        chunk.type,
        pngSize[chunk.type],
        pngSize[chunk.type],
      ]);
    }
    // The masks are raw alpha, one byte a pixel.
    expect(chunks.find((chunk) => chunk.type === 'l8mk')?.data.length).toBe(32 * 32);
    expect(chunks.find((chunk) => chunk.type === 's8mk')?.data.length).toBe(16 * 16);
  });

  it('draws the installer art as the 24-bit BMPs NSIS takes, in its sizes', () => {
    for (const art of INSTALLER_ART) {
      const bmp = rendered(art.file);
      expect(bmp.toString('latin1', 0, 2)).toBe('BM');
      expect(bmp.readUInt32LE(2)).toBe(bmp.length);
      const pixelsAt = bmp.readUInt32LE(10);
      expect(bmp.readUInt32LE(14)).toBe(40); // BITMAPINFOHEADER
      expect([art.file, bmp.readInt32LE(18), bmp.readInt32LE(22)]).toEqual([art.file, art.width, art.height]);
      expect(bmp.readUInt16LE(28)).toBe(24);
      expect(bmp.readUInt32LE(30)).toBe(0); // uncompressed
      expect(bmp.length - pixelsAt).toBe(Math.ceil((art.width * 3) / 4) * 4 * art.height);
      const committedBmp = committed(art.file);
      expect(committedBmp.length).toBe(bmp.length);
      let max = 0;
      for (let index = pixelsAt; index < bmp.length; index += 1) {
        max = Math.max(max, Math.abs((bmp[index] ?? 0) - (committedBmp[index] ?? 0)));
      }
      expect([art.file, max <= TOLERANCE]).toEqual([art.file, true]);
    }
    // Rows run bottom-up: the image's top-left pixel opens the file's last row, blue on the sidebar
    // (the tile's #1672CC, as BGR), white on the header.
    const topLeft = (file: string, width: number, height: number): number[] => {
      const bmp = rendered(file);
      const row = bmp.readUInt32LE(10) + (height - 1) * Math.ceil((width * 3) / 4) * 4;
      return [...bmp.subarray(row, row + 3)];
    };
    expect(topLeft('installer/nsisSidebar.bmp', 164, 314)).toEqual([0xcc, 0x72, 0x16]);
    expect(topLeft('installer/nsisHeader.bmp', 150, 57)).toEqual([0xff, 0xff, 0xff]);
  });

  it('commits the .ico and .icns that the committed master gives, byte for byte', () => {
    // png2icons is plain JavaScript: from the same master it writes the same bytes on any machine.
    const { ico, icns } = platformIcons(committed('icon.png'));
    expect(committed('icon.ico').equals(ico)).toBe(true);
    expect(committed('icon.icns').equals(icns)).toBe(true);
  });
});
