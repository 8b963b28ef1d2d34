import QRCode from "qrcode"

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * The share poster as SVG: brand, a headline, the member's name, and a QR code of
 * their referral link. The browser turns it into a PNG for saving (share-poster.tsx).
 */
export async function sharePosterSvg(input: {
  brand: string
  headline: string
  memberName: string
  code: string
  link: string
}): Promise<string> {
  const qr = await QRCode.toString(input.link, {
    type: "svg",
    margin: 0,
    errorCorrectionLevel: "M",
  })
  const qrInner = qr.replace(/^[\s\S]*?<svg[^>]*>/, "").replace(/<\/svg>\s*$/, "")
  const qrSize = Number(/viewBox="0 0 (\d+)/.exec(qr)?.[1] ?? 33)
  const font = `font-family="PingFang SC, Noto Sans CJK SC, Microsoft YaHei, sans-serif"`
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="900" viewBox="0 0 600 900">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#0f766e"/><stop offset="1" stop-color="#115e59"/></linearGradient></defs>
  <rect width="600" height="900" fill="url(#bg)"/>
  <text x="300" y="110" text-anchor="middle" ${font} font-size="40" font-weight="700" fill="#fff">${escape(input.brand)}</text>
  <text x="300" y="170" text-anchor="middle" ${font} font-size="26" fill="#ccfbf1">${escape(input.headline)}</text>
  <rect x="90" y="230" width="420" height="520" rx="28" fill="#fff"/>
  <g transform="translate(150 270) scale(${300 / qrSize})">${qrInner}</g>
  <text x="300" y="630" text-anchor="middle" ${font} font-size="24" fill="#1f2937">${escape(input.memberName)} 邀请您</text>
  <text x="300" y="672" text-anchor="middle" ${font} font-size="20" fill="#6b7280">长按识别二维码 · 推荐码 ${escape(input.code)}</text>
  <text x="300" y="830" text-anchor="middle" ${font} font-size="18" fill="#ccfbf1">基因检测 · 中医体质辨识 · 健康档案</text>
</svg>`
}
