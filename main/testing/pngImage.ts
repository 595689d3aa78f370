// Decodes the PNGs our icon renderer writes (8-bit RGBA, not interlaced), so tests can check
// real pixels (transparent corners, the accent colours) instead of trusting file names.
import { inflateSync } from 'node:zlib';

export interface PngImage {
  width: number;
  height: number;
  /** RGBA, row by row, 4 bytes a pixel. */
  pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(data: Buffer): boolean {
  return data.subarray(0, 8).equals(SIGNATURE);
}

/** Width and height from the IHDR chunk, without decoding the pixels. */
export function pngSize(data: Buffer): { width: number; height: number } {
  if (!isPng(data) || data.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

function paeth(left: number, up: number, upLeft: number): number {
  const p = left + up - upLeft;
  const pa = Math.abs(p - left);
  const pb = Math.abs(p - up);
  const pc = Math.abs(p - upLeft);
  return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
}

export function decodePng(data: Buffer): PngImage {
  const { width, height } = pngSize(data);
  const bitDepth = data[24];
  const colorType = data[25];
  const interlace = data[28];
  if (bitDepth !== 8 || colorType !== 6 || interlace !== 0) {
    throw new Error(
      `unsupported PNG: depth ${bitDepth}, colour type ${colorType}, interlace ${interlace}`,
    );
  }
  const idat: Buffer[] = [];
  for (let offset = 8; offset < data.length;) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(data.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const value = row[x]!;
      const predicted =
        filter === 0
          ? 0
          : filter === 1
            ? left
            : filter === 2
              ? up
              : filter === 3
                ? (left + up) >> 1
                : filter === 4
                  ? paeth(left, up, upLeft)
                  : NaN;
      if (Number.isNaN(predicted)) throw new Error(`bad PNG filter ${filter} in row ${y}`);
      pixels[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  return { width, height, pixels };
}

export function pixelAt(image: PngImage, x: number, y: number): [number, number, number, number] {
  const i = (y * image.width + x) * 4;
  const p = image.pixels;
  return [p[i]!, p[i + 1]!, p[i + 2]!, p[i + 3]!];
}
