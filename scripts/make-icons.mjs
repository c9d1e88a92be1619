// Draws the toolbar and store icons (a shield with a check mark) as PNGs in
// extension/icons/, with no image library: shapes are sampled 4×4 per pixel
// for smooth edges, and the PNG is written with node:zlib.
//   node scripts/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'extension', 'icons');
const SIZES = [16, 32, 48, 128];
const TOP = [0x2b, 0x6c, 0xb8]; // shield gradient, top to bottom
const BOTTOM = [0x1a, 0x48, 0x86];
const SAMPLES = 4;

// Shield outline in unit coordinates: straight sides, then a curve to a point.
function inShield(x, y) {
  const dx = Math.abs(x - 0.5);
  const top = 0.08 + 0.03 * (dx / 0.38) ** 2; // a slight dip at the centre
  if (y < top || y > 0.95) return false;
  if (y <= 0.5) return dx <= 0.38;
  const t = (y - 0.5) / 0.45;
  return dx <= 0.38 * Math.cos((t * Math.PI) / 2) ** 0.75;
}

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

function inCheck(x, y, size) {
  const half = Math.max(0.05, 0.9 / size); // thicker strokes on tiny icons
  const a = [0.3, 0.5];
  const b = [0.45, 0.65];
  const c = [0.71, 0.35];
  return distToSegment(x, y, a, b) <= half || distToSegment(x, y, b, c) <= half;
}

function render(size) {
  const px = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let shield = 0;
      let check = 0;
      for (let sj = 0; sj < SAMPLES; sj++) {
        for (let si = 0; si < SAMPLES; si++) {
          const x = (i + (si + 0.5) / SAMPLES) / size;
          const y = (j + (sj + 0.5) / SAMPLES) / size;
          if (inShield(x, y)) {
            shield++;
            if (inCheck(x, y, size)) check++;
          }
        }
      }
      const n = SAMPLES * SAMPLES;
      const g = j / (size - 1);
      const base = TOP.map((t, k) => t + (BOTTOM[k] - t) * g);
      // White check mixed into the blue by how much of the pixel it covers.
      const cw = shield ? check / shield : 0;
      const rgb = base.map((v) => Math.round(v * (1 - cw) + 255 * cw));
      const o = (j * size + i) * 4;
      px[o] = rgb[0];
      px[o + 1] = rgb[1];
      px[o + 2] = rgb[2];
      px[o + 3] = Math.round((255 * shield) / n);
    }
  }
  return png(size, size, px);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const file = path.join(OUT, `icon${size}.png`);
  fs.writeFileSync(file, render(size));
  console.error(`${path.relative(process.cwd(), file)}: ${fs.statSync(file).size} bytes`);
}
