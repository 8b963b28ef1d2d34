/**
 * Draws a product cover as SVG, so the demo catalog ships images without binary
 * files or network: a gradient, a DNA double helix and the product name.
 */
export function productImageSvg(
  title: string,
  subtitle: string,
  [from, to]: [string, string]
): string {
  const rungs = Array.from({ length: 14 }, (_, i) => {
    const y = 90 + i * 30
    const phase = (i / 14) * Math.PI * 2
    const x1 = 600 + Math.sin(phase) * 90
    const x2 = 600 - Math.sin(phase) * 90
    return `<line x1="${x1.toFixed(1)}" y1="${y}" x2="${x2.toFixed(1)}" y2="${y}" stroke="rgba(255,255,255,0.55)" stroke-width="6" stroke-linecap="round"/>
      <circle cx="${x1.toFixed(1)}" cy="${y}" r="11" fill="#fff"/><circle cx="${x2.toFixed(1)}" cy="${y}" r="11" fill="rgba(255,255,255,0.7)"/>`
  }).join("")
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
  <rect width="800" height="600" fill="url(#g)"/>
  <circle cx="120" cy="520" r="160" fill="rgba(255,255,255,0.08)"/>
  ${rungs}
  <text x="56" y="250" font-family="'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif" font-size="52" font-weight="700" fill="#fff">${escapeXml(title)}</text>
  <text x="56" y="310" font-family="'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif" font-size="24" fill="rgba(255,255,255,0.9)">${escapeXml(subtitle.slice(0, 18))}</text>
  <text x="56" y="540" font-family="sans-serif" font-size="20" fill="rgba(255,255,255,0.75)">健康服务平台 · 基因检测</text>
</svg>`
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
