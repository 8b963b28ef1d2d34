import { formatCNY } from "@health/core"
import { Resvg } from "@resvg/resvg-js"
import { readFile } from "node:fs/promises"
import path from "node:path"
import QRCode from "qrcode"
import satori from "satori"
import { productPosterLink } from "./product-share-link"

/** The poster's size in CSS pixels; the PNG is drawn at twice this for sharp phone screens. */
export const POSTER_WIDTH = 750
export const POSTER_HEIGHT = 1200
export const POSTER_SCALE = 2

/** Where the QR code sits (CSS pixels), so a test can read it back from the pixels. */
export const POSTER_QR = { x: 490, y: 930, size: 220 } as const

/** What a product poster says: the shopper reads all of it, the QR carries `qrPayload`. */
export type ProductPosterContent = {
  brand: string
  title: string
  subtitle: string | null
  /** "¥699.00", with 起 when the variants differ in price. */
  priceText: string | null
  memberLine: string
  codeLine: string
  /** `<site>/products/<handle>?ref=<code>`: opens this product and keeps the referrer. */
  qrPayload: string
}

/**
 * The member as the poster names them: a poster is passed around, so the name is masked
 * (王小明 → 王**), or 会员 when the profile has no name.
 */
export function posterMemberName(member: {
  first_name?: string | null
  last_name?: string | null
}): string {
  const chars = Array.from(`${member.last_name ?? ""}${member.first_name ?? ""}`.trim())
  if (!chars.length) return "会员"
  return chars[0] + "*".repeat(Math.max(chars.length - 1, 1))
}

export function productPosterContent(input: {
  brand: string
  product: { title: string; subtitle?: string | null; handle: string }
  /** Lowest and highest current price in yuan; null when the product has no price. */
  price: { lowest: number; highest: number } | null
  member: { first_name?: string | null; last_name?: string | null }
  code: string
  referralLink: string
}): ProductPosterContent {
  const { price } = input
  return {
    brand: input.brand,
    title: input.product.title,
    subtitle: input.product.subtitle?.trim() || null,
    priceText: price
      ? `${formatCNY(price.lowest)}${price.highest > price.lowest ? " 起" : ""}`
      : null,
    memberLine: `${posterMemberName(input.member)} 为您推荐`,
    codeLine: `长按识别二维码 · 推荐码 ${input.code}`,
    qrPayload: productPosterLink(input.referralLink, input.product.handle, input.code),
  }
}

/**
 * The product picture as something satori draws faithfully: resvg does not set text inside an
 * SVG nested as an image, and the seeded pictures are SVG with their titles on them, so an SVG
 * is rasterised here first, with the poster's fonts.
 */
export function drawablePicture(dataUri: string | null, fontFiles: string[]): string | null {
  const svg = dataUri?.match(/^data:image\/svg\+xml;base64,(.*)$/)?.[1]
  if (!svg) return dataUri
  try {
    const png = new Resvg(Buffer.from(svg, "base64").toString("utf8"), {
      fitTo: { mode: "width", value: 690 * POSTER_SCALE },
      font: { loadSystemFonts: false, fontFiles, defaultFontFamily: "Droid Sans Fallback" },
    })
      .render()
      .asPng()
    return `data:image/png;base64,${Buffer.from(png).toString("base64")}`
  } catch {
    return null
  }
}

/** The QR code as a PNG data URI, black on white with no quiet zone (the card is white). */
export async function posterQrDataUri(payload: string): Promise<string> {
  return QRCode.toDataURL(payload, {
    errorCorrectionLevel: "M",
    margin: 0,
    width: POSTER_QR.size * POSTER_SCALE,
    color: { dark: "#000000", light: "#ffffff" },
  })
}

const ellipsis = { overflow: "hidden", textOverflow: "ellipsis" } as const

/** The poster as satori's input: flex boxes only, every multi-child box `display: flex`. */
export function productPosterElement(
  content: ProductPosterContent,
  images: { product: string | null; qr: string }
) {
  return (
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        width: POSTER_WIDTH,
        height: POSTER_HEIGHT,
        background: "#0f766e",
        fontFamily: "Latin, CJK",
        color: "#1f2937",
      }}
    >
      <div
        style={{
          display: "flex",
          height: 110,
          alignItems: "center",
          justifyContent: "center",
          color: "#ffffff",
          fontSize: 40,
        }}
      >
        {content.brand}
      </div>
      <div
        style={{
          display: "flex",
          flexDirection: "column",
          position: "relative",
          margin: "0 30px",
          height: 1060,
          background: "#ffffff",
          borderRadius: 28,
          overflow: "hidden",
        }}
      >
        {images.product ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={images.product}
            width={690}
            height={460}
            style={{ width: 690, height: 460, objectFit: "cover" }}
            alt=""
          />
        ) : (
          <div
            style={{
              display: "flex",
              width: 690,
              height: 460,
              alignItems: "center",
              justifyContent: "center",
              background: "#ccfbf1",
              color: "#0f766e",
              fontSize: 120,
            }}
          >
            {Array.from(content.title)[0] ?? ""}
          </div>
        )}
        <div style={{ display: "flex", flexDirection: "column", padding: "30px 36px 0" }}>
          <div
            style={{ display: "flex", fontSize: 40, lineHeight: 1.3, maxHeight: 104, ...ellipsis }}
          >
            {content.title}
          </div>
          {content.subtitle && (
            <div
              style={{
                display: "flex",
                marginTop: 10,
                fontSize: 26,
                color: "#6b7280",
                ...ellipsis,
              }}
            >
              {content.subtitle}
            </div>
          )}
          {content.priceText && (
            <div style={{ display: "flex", marginTop: 18, fontSize: 52, color: "#dc2626" }}>
              {content.priceText}
            </div>
          )}
        </div>
        <div
          style={{
            display: "flex",
            position: "absolute",
            left: 30,
            top: POSTER_QR.y - 110 - 20,
            width: 630,
            borderTop: "2px dashed #e5e7eb",
          }}
        />
        <div
          style={{
            display: "flex",
            position: "absolute",
            left: 36,
            top: POSTER_QR.y - 110,
            width: 400,
            height: POSTER_QR.size,
            flexDirection: "column",
            justifyContent: "center",
          }}
        >
          <div style={{ display: "flex", fontSize: 34 }}>{content.memberLine}</div>
          <div style={{ display: "flex", marginTop: 16, fontSize: 22, color: "#6b7280" }}>
            {content.codeLine}
          </div>
        </div>
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={images.qr}
          width={POSTER_QR.size}
          height={POSTER_QR.size}
          style={{
            position: "absolute",
            left: POSTER_QR.x - 30,
            top: POSTER_QR.y - 110,
            width: POSTER_QR.size,
            height: POSTER_QR.size,
          }}
          alt=""
        />
      </div>
    </div>
  )
}

/**
 * Latin letters, digits and ¥, which Droid Sans Fallback lacks: Geist (SIL OFL, shipped in
 * assets/fonts). The server runs in this workspace, so the path is relative to it.
 */
export const POSTER_LATIN_FONT_PATH = path.join(process.cwd(), "assets/fonts/Geist-Regular.ttf")

let latinFont: Promise<Uint8Array> | undefined
export function posterLatinFont(): Promise<Uint8Array> {
  latinFont ??= readFile(POSTER_LATIN_FONT_PATH).then((buffer) => new Uint8Array(buffer))
  return latinFont
}

/** The two fonts the poster is set in: Latin first, CJK for every glyph the Latin one lacks. */
export type PosterFonts = { latin: Uint8Array; cjk: Uint8Array }

/** The poster as SVG, its text turned into paths by satori, so the PNG needs no font for it. */
export async function productPosterSvg(
  content: ProductPosterContent,
  images: { product: string | null; qr: string },
  fonts: PosterFonts
): Promise<string> {
  return satori(productPosterElement(content, images), {
    width: POSTER_WIDTH,
    height: POSTER_HEIGHT,
    fonts: satoriFonts(fonts),
  })
}

type SatoriFonts = Parameters<typeof satori>[1]["fonts"]
let fontsCache: { latin: Uint8Array; cjk: Uint8Array; fonts: SatoriFonts } | undefined

/**
 * Satori keeps a parsed font for as long as it is handed the same fonts array; parsing the
 * 4 MB CJK font takes seconds, so the array is made once per pair of fonts.
 */
function satoriFonts({ latin, cjk }: PosterFonts): SatoriFonts {
  if (fontsCache?.latin !== latin || fontsCache.cjk !== cjk) {
    const data = (bytes: Uint8Array) =>
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    fontsCache = {
      latin,
      cjk,
      fonts: [
        { name: "Latin", data: data(latin), weight: 400, style: "normal" },
        { name: "CJK", data: data(cjk), weight: 400, style: "normal" },
      ],
    }
  }
  return fontsCache.fonts
}

/**
 * Rasterises the poster at POSTER_SCALE. The fonts are for text inside an SVG product picture
 * (the seeded pictures are SVG with their titles in Chinese).
 */
export function posterPng(svg: string, fontFiles: string[]): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: POSTER_SCALE },
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: "Droid Sans Fallback" },
    background: "#ffffff",
  })
  return resvg.render().asPng()
}
