import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/** The colour icon's background (the department's teal) and its mark (white). */
const TEAL: readonly [number, number, number] = [0, 103, 127];

/** Sub-samples per pixel side, for smooth edges. */
const SUPERSAMPLE = 4;

/** A shape on the unit square (0..1 on both axes): true inside. */
type Shape = (x: number, y: number) => boolean;

const CRC_TABLE = Array.from({ length: 256 }, (_v, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels (row by row) as a PNG: colour type 6, 8 bits, no interlace, filter 0 on every row. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Fraction of a pixel covered by a shape. */
function coverage(shape: Shape, px: number, py: number, size: number): number {
  let inside = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
    for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
      if (shape((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size)) inside += 1;
    }
  }
  return inside / (SUPERSAMPLE * SUPERSAMPLE);
}

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

/** A speech bubble (rounded box with a tail at the lower left): the assistant. */
const bubbleBody = roundedRect(0.16, 0.18, 0.84, 0.7, 0.12);
const bubbleTail: Shape = (x, y) =>
  y >= 0.66 && y <= 0.86 && x >= 0.26 && x <= 0.46 && x - 0.26 <= (0.86 - y) * 1.0;
const bubble: Shape = (x, y) => bubbleBody(x, y) || bubbleTail(x, y);

/** A cross inside the bubble: care. */
const cross: Shape = (x, y) =>
  (Math.abs(x - 0.5) <= 0.055 && Math.abs(y - 0.44) <= 0.17) ||
  (Math.abs(x - 0.5) <= 0.17 && Math.abs(y - 0.44) <= 0.055);

/** The 192×192 colour icon: a white bubble with a teal cross on teal. */
export function colourIcon(size = 192): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const white = coverage((u, v) => bubble(u, v) && !cross(u, v), x, y, size);
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c += 1) rgba[i + c] = Math.round(TEAL[c]! + (255 - TEAL[c]!) * white);
      rgba[i + 3] = 255;
    }
  }
  return encodePng(size, size, rgba);
}

/** The 32×32 outline icon: the white bubble with the cross cut out, on transparent. */
export function outlineIcon(size = 32): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const alpha = coverage((u, v) => bubble(u, v) && !cross(u, v), x, y, size);
      const i = (y * size + x) * 4;
      rgba.set(alpha > 0 ? [255, 255, 255, Math.round(alpha * 255)] : [0, 0, 0, 0], i);
    }
  }
  return encodePng(size, size, rgba);
}

/** Writes `color.png` and `outline.png` into the Teams app folder. */
export function writeTeamsIcons(folder: string): void {
  writeFileSync(join(folder, 'color.png'), colourIcon());
  writeFileSync(join(folder, 'outline.png'), outlineIcon());
}

if (require.main === module) {
  const folder =
    process.argv[2] ?? join(__dirname, __dirname.includes('dist') ? '../../deploy/teams' : '../deploy/teams');
  writeTeamsIcons(folder);
  process.stdout.write(`Wrote color.png (192x192) and outline.png (32x32) to ${folder}\n`);
}
