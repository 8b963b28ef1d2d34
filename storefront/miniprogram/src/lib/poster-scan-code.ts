import { ApiError } from "@health/core"
import { isWeapp } from "./config"
import { downloadMiniprogramCode } from "./miniprogram-code"
import { qrModules, type PosterScanCode } from "./poster"

/** WeChat's 2D canvas node makes the images drawn on it. */
export type ImageCanvas = {
  createImage?: () => {
    onload: (() => void) | null
    onerror: ((error: unknown) => void) | null
    src: string
  }
}

function loadImage(canvas: ImageCanvas, src: string): Promise<unknown> {
  if (!canvas.createImage) return Promise.reject(new Error("画布不能加载图片"))
  const image = canvas.createImage()
  return new Promise((resolve, reject) => {
    image.onload = () => resolve(image)
    image.onerror = () => reject(new Error("小程序码图片加载失败"))
    image.src = src
  })
}

export type ScanCodeChoice = {
  scanCode: PosterScanCode
  /** Why the poster carries the web link's QR code instead of the 小程序码. */
  notice: string | null
}

/**
 * What the poster's friend scans. In the mini-program: the member's 小程序码, which opens
 * the mini-program with scene ref=<code>. When WeChat cannot draw it (commerce answers 5xx, or
 * no network) the web link's QR code still refers the friend, so the poster uses that and
 * says so; a refusal (signed out, code disabled) stops the poster, as a poster could refer
 * nobody. In H5 the link's QR code: a 小程序码 cannot open a browser page.
 */
export async function chooseScanCode(
  canvas: ImageCanvas,
  token: string,
  link: string
): Promise<ScanCodeChoice> {
  const linkCode: PosterScanCode = { kind: "link", modules: qrModules(link) }
  if (!isWeapp()) return { scanCode: linkCode, notice: null }
  try {
    const path = await downloadMiniprogramCode(token)
    return { scanCode: { kind: "miniprogram", image: await loadImage(canvas, path) }, notice: null }
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) throw error
    const reason = error instanceof ApiError ? `（${error.message}）` : ""
    return { scanCode: linkCode, notice: `小程序码暂时无法生成${reason}，海报先使用网页二维码` }
  }
}
