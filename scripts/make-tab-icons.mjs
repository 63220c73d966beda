// Draws the tab bar icons (house, speech bubble, person) as 81x81 PNGs into src/assets/tab/.
// WeChat's tab bar takes only local PNG/JPG files; drawing them here keeps them reproducible without an
// image editor or an npm dependency. Run: node scripts/make-tab-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs'
import { deflateSync, crc32 } from 'node:zlib'

const SIZE = 81
const SAMPLES = 4 // 4x4 supersampling per pixel gives smooth (anti-aliased) edges
const COLOURS = { normal: [0x8a, 0x8a, 0x8a], selected: [0xe8, 0x60, 0x2c] }

// Glyphs are predicates on the unit square (0..1, y down).
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const inTriangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const s1 = (bx - ax) * (y - ay) - (by - ay) * (x - ax)
  const s2 = (cx - bx) * (y - by) - (cy - by) * (x - bx)
  const s3 = (ax - cx) * (y - cy) - (ay - cy) * (x - cx)
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0)
}
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return inRect(x, y, x0, y0, x1, y1) && inCircle(x, y, cx, cy, r)
}

const glyphs = {
  home: (x, y) =>
    (inTriangle(x, y, [0.5, 0.12], [0.06, 0.5], [0.94, 0.5]) || inRect(x, y, 0.2, 0.45, 0.8, 0.88)) &&
    !inRect(x, y, 0.41, 0.62, 0.59, 0.88),
  inbox: (x, y) =>
    (inRoundRect(x, y, 0.1, 0.16, 0.9, 0.7, 0.14) || inTriangle(x, y, [0.26, 0.66], [0.48, 0.66], [0.22, 0.9])) &&
    ![0.3, 0.5, 0.7].some((cx) => inCircle(x, y, cx, 0.43, 0.06)),
  me: (x, y) => inCircle(x, y, 0.5, 0.3, 0.17) || ((x - 0.5) ** 2 / 0.36 ** 2 + (y - 0.9) ** 2 / 0.36 ** 2 <= 1 && y <= 0.88),
}

function rgba(glyph, [r, g, b]) {
  // Each row starts with PNG filter type 0 (none).
  const rows = Buffer.alloc(SIZE * (1 + SIZE * 4))
  for (let py = 0; py < SIZE; py++) {
    const row = py * (1 + SIZE * 4)
    for (let px = 0; px < SIZE; px++) {
      let hits = 0
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++)
          if (glyph((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE)) hits++
      rows.set([r, g, b, Math.round((255 * hits) / SAMPLES ** 2)], row + 1 + px * 4)
    }
  }
  return rows
}

function chunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

function png(pixels) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr.set([8, 6, 0, 0, 0], 8) // 8-bit depth, colour type 6 (RGBA), default compression/filter, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(pixels, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

const outDir = new URL('../src/assets/tab/', import.meta.url)
mkdirSync(outDir, { recursive: true })
for (const [name, glyph] of Object.entries(glyphs)) {
  for (const [state, colour] of Object.entries(COLOURS)) {
    const file = new URL(`${name}${state === 'selected' ? '-active' : ''}.png`, outDir)
    writeFileSync(file, png(rgba(glyph, colour)))
    console.log(file.pathname)
  }
}
