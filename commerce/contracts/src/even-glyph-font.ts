/**
 * A TrueType font whose glyphs all have an even byte length (padded with zeros), for
 * @pdf-lib/fontkit's subsetter: it writes a small subset's `loca` in the short format, which
 * stores offset/2, so every glyph after an odd-length one would start a byte early and draw as
 * garbage or nothing. Droid Sans Fallback has thousands of odd-length glyphs. Padding changes
 * no outline; the rewritten font keeps every other table as it was.
 * Shared by the web's 体质辨识 report PDF and commerce's commission statements, as the
 * subpath `@health/contracts/even-glyph-font` (kept out of the index, so the mini-program
 * and the admin never bundle it).
 */

const cache = new WeakMap<Uint8Array, Uint8Array>()

type Table = { tag: string; offset: number; length: number }

const pad4 = (n: number) => (n + 3) & ~3

function checksum(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let sum = 0
  for (let i = 0; i < bytes.length; i += 4) {
    const word =
      i + 4 <= bytes.length
        ? view.getUint32(i)
        : [0, 1, 2, 3].reduce((w, k) => (w << 8) | (bytes[i + k] ?? 0), 0) >>> 0
    sum = (sum + word) >>> 0
  }
  return sum
}

export function evenGlyphFont(font: Uint8Array): Uint8Array {
  const known = cache.get(font)
  if (known) return known
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength)
  const numTables = view.getUint16(4)
  const tables: Table[] = []
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16
    tables.push({
      tag: String.fromCharCode(...font.subarray(at, at + 4)),
      offset: view.getUint32(at + 8),
      length: view.getUint32(at + 12),
    })
  }
  const find = (tag: string) => tables.find((t) => t.tag === tag)
  const head = find("head")
  const loca = find("loca")
  const glyf = find("glyf")
  // Not a glyf-outline TrueType font (or not one we can read): leave it to the embedder.
  if (!head || !loca || !glyf) return font

  const longLoca = view.getInt16(head.offset + 50) === 1
  const count = longLoca ? loca.length / 4 : loca.length / 2
  const offsets = Array.from({ length: count }, (_, i) =>
    longLoca ? view.getUint32(loca.offset + i * 4) : view.getUint16(loca.offset + i * 2) * 2
  )
  if (offsets.every((offset) => offset % 2 === 0)) {
    cache.set(font, font)
    return font
  }

  const glyphLengths = offsets.slice(1).map((end, i) => end - offsets[i])
  const newGlyf = new Uint8Array(glyphLengths.reduce((sum, n) => sum + n + (n % 2), 0))
  const newLoca = new Uint8Array(count * 4)
  const locaView = new DataView(newLoca.buffer)
  let position = 0
  glyphLengths.forEach((length, i) => {
    locaView.setUint32(i * 4, position)
    const start = glyf.offset + offsets[i]
    newGlyf.set(font.subarray(start, start + length), position)
    position += length + (length % 2)
  })
  locaView.setUint32((count - 1) * 4, position)

  const newHead = font.slice(head.offset, head.offset + head.length)
  const headView = new DataView(newHead.buffer)
  headView.setUint32(8, 0) // checkSumAdjustment, set below for the whole file
  headView.setInt16(50, 1) // long loca

  const bodies = new Map<string, Uint8Array>(
    tables.map((t) => [t.tag, font.subarray(t.offset, t.offset + t.length)])
  )
  bodies.set("glyf", newGlyf)
  bodies.set("loca", newLoca)
  bodies.set("head", newHead)

  const directorySize = 12 + numTables * 16
  const total = tables.reduce((sum, t) => sum + pad4(bodies.get(t.tag)!.length), directorySize)
  const out = new Uint8Array(total)
  const outView = new DataView(out.buffer)
  out.set(font.subarray(0, 12))
  let next = directorySize
  let headOffset = 0
  tables.forEach((t, i) => {
    const body = bodies.get(t.tag)!
    const at = 12 + i * 16
    out.set(font.subarray(at, at + 4), at)
    outView.setUint32(at + 4, checksum(body))
    outView.setUint32(at + 8, next)
    outView.setUint32(at + 12, body.length)
    out.set(body, next)
    if (t.tag === "head") headOffset = next
    next += pad4(body.length)
  })
  outView.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0)
  cache.set(font, out)
  return out
}
