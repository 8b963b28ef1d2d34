import sharp from "sharp"

/**
 * A cover picture drawn by code (gradient, soft circles, a DNA-like wave), so demo
 * content has images without shipping binaries or fetching anything. No text: the
 * machine that renders it may have no CJK font.
 */
export async function coverPng(
  [from, to]: readonly [string, string] | string[],
  width = 1200,
  height = 675
) {
  const wave = Array.from({ length: 24 }, (_, i) => {
    const x = 120 + i * 42
    const y = height / 2 + Math.sin(i / 2.2) * 90
    const y2 = height / 2 - Math.sin(i / 2.2) * 90
    return `<line x1="${x}" y1="${y.toFixed(1)}" x2="${x}" y2="${y2.toFixed(1)}" stroke="rgba(255,255,255,0.35)" stroke-width="5"/>
      <circle cx="${x}" cy="${y.toFixed(1)}" r="9" fill="rgba(255,255,255,0.85)"/><circle cx="${x}" cy="${y2.toFixed(1)}" r="9" fill="rgba(255,255,255,0.55)"/>`
  }).join("")
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.85}" cy="${height * 0.2}" r="${height * 0.35}" fill="rgba(255,255,255,0.10)"/>
    <circle cx="${width * 0.1}" cy="${height * 0.95}" r="${height * 0.3}" fill="rgba(255,255,255,0.08)"/>
    ${wave}
  </svg>`
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer()
}
