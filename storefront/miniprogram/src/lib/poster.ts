import QRCode from "qrcode"

export const POSTER_SIZE = { width: 600, height: 900 }

export type PosterInput = {
  brand: string
  headline: string
  memberName: string
  code: string
  /** What the QR code opens: the referral link. */
  link: string
}

/**
 * What a friend scans: in the mini-program the member's 小程序码 (an image loaded on the
 * canvas, opening the mini-program with scene ref=<code>); in H5, or when WeChat cannot draw
 * one, the QR code of the web referral link.
 */
export type PosterScanCode =
  | { kind: "miniprogram"; image: unknown }
  | { kind: "link"; modules: boolean[][] }

/** The line under the code, saying how to scan what is drawn. */
export const POSTER_SCAN_HINT: Record<PosterScanCode["kind"], string> = {
  miniprogram: "微信扫码进入小程序",
  link: "微信扫码或长按识别",
}

/** The drawing calls the poster uses: the same on a WeChat 2D canvas and a browser canvas. */
export type PosterContext = {
  fillStyle: unknown
  font: string
  textAlign: string
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void
}

/** UTF-8 bytes without TextEncoder, which the mini-program runtime lacks (qrcode uses it). */
function utf8(text: string): Uint8ClampedArray {
  const binary = unescape(encodeURIComponent(text))
  return Uint8ClampedArray.from(binary, (c) => c.charCodeAt(0))
}

/** The QR code of `text` as rows of dark (true) and light modules. */
export function qrModules(text: string): boolean[][] {
  const { modules } = QRCode.create([{ data: utf8(text), mode: "byte" }], {
    errorCorrectionLevel: "M",
  })
  const rows: boolean[][] = []
  for (let y = 0; y < modules.size; y++) {
    const row: boolean[] = []
    for (let x = 0; x < modules.size; x++) row.push(!!modules.get(x, y))
    rows.push(row)
  }
  return rows
}

const FONT = `"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif`

/** The code in a 300 px square at the top of the card. */
const CODE_BOX = { x: 150, y: 270, size: 300 }

function drawModules(ctx: PosterContext, modules: boolean[][]) {
  const size = modules.length
  const cell = Math.floor(CODE_BOX.size / size)
  const origin = {
    x: CODE_BOX.x + (CODE_BOX.size - cell * size) / 2,
    y: CODE_BOX.y + (CODE_BOX.size - cell * size) / 2,
  }
  ctx.fillStyle = "#111827"
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) ctx.fillRect(origin.x + x * cell, origin.y + y * cell, cell, cell)
    })
  )
}

/**
 * The share poster, laid out like the web's (share-poster.ts): brand, headline, a white card
 * with the code a friend scans, who invites, how to scan and the share code.
 */
export function drawPoster(
  ctx: PosterContext,
  input: PosterInput,
  scanCode: PosterScanCode = { kind: "link", modules: qrModules(input.link) }
) {
  const { width, height } = POSTER_SIZE
  ctx.fillStyle = "#0f766e"
  ctx.fillRect(0, 0, width, height)
  ctx.textAlign = "center"
  ctx.fillStyle = "#ffffff"
  ctx.font = `bold 40px ${FONT}`
  ctx.fillText(input.brand, width / 2, 110)
  ctx.fillStyle = "#ccfbf1"
  ctx.font = `26px ${FONT}`
  ctx.fillText(input.headline, width / 2, 170)

  ctx.fillStyle = "#ffffff"
  ctx.fillRect(90, 230, 420, 520)

  if (scanCode.kind === "miniprogram") {
    ctx.drawImage(scanCode.image, CODE_BOX.x, CODE_BOX.y, CODE_BOX.size, CODE_BOX.size)
  } else {
    drawModules(ctx, scanCode.modules)
  }

  ctx.fillStyle = "#1f2937"
  ctx.font = `24px ${FONT}`
  ctx.fillText(`${input.memberName} 邀请您`, width / 2, 630)
  ctx.fillStyle = "#6b7280"
  ctx.font = `20px ${FONT}`
  ctx.fillText(`${POSTER_SCAN_HINT[scanCode.kind]} · 推荐码 ${input.code}`, width / 2, 672)
  ctx.fillStyle = "#ccfbf1"
  ctx.font = `18px ${FONT}`
  ctx.fillText("基因检测 · 中医体质辨识 · 健康档案", width / 2, height - 70)
}
