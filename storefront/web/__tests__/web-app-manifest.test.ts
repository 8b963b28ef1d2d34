/** @jest-environment node */
import { readFileSync } from "node:fs"
import path from "node:path"
import manifest from "@/app/manifest"
import { THEME_COLOR } from "@/lib/pwa/app-colors"

const root = path.join(__dirname, "..")
/** Where Next serves a path from: app/ metadata files, else public/. */
const fileOf = (src: string) =>
  /^\/(icon\d*\.(png|svg)|apple-icon\.png)$/.test(src)
    ? path.join(root, "app", src)
    : path.join(root, "public", src)

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string) {
  const bytes = readFileSync(file)
  expect(bytes.subarray(1, 4).toString()).toBe("PNG")
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`
}

describe("web app manifest", () => {
  const app = manifest()

  it("installs as the standalone app 健康服务平台, in Chinese, starting at the home page", () => {
    expect(app).toMatchObject({
      name: "健康服务平台",
      short_name: "健康服务",
      lang: "zh-CN",
      display: "standalone",
      start_url: "/",
      scope: "/",
      theme_color: "#0f766e",
      background_color: "#ffffff",
    })
    expect(THEME_COLOR).toBe(app.theme_color)
    // Home screens show about 12 characters.
    expect(app.short_name!.length).toBeLessThanOrEqual(12)
    expect(app.start_url!.startsWith(app.scope!)).toBe(true)
  })

  it("lists icons that exist at the sizes they claim, maskable ones at 192 and 512", () => {
    for (const icon of app.icons ?? []) {
      const file = fileOf(icon.src)
      if (icon.type === "image/svg+xml") {
        expect(readFileSync(file, "utf8")).toContain("<svg")
      } else {
        expect(pngSize(file)).toBe(icon.sizes)
      }
    }
    const sizes = (purpose: string) =>
      (app.icons ?? []).filter((i) => i.purpose === purpose).map((i) => i.sizes)
    expect(sizes("maskable")).toEqual(["192x192", "512x512"])
    expect(sizes("any")).toEqual(expect.arrayContaining(["192x192", "512x512"]))
  })

  it("draws maskable icons edge to edge, so launchers can crop them to any shape", () => {
    const svg = readFileSync(path.join(root, "public/icons/maskable.svg"), "utf8")
    // A full-bleed square background (no rounded corners) in the theme colour.
    expect(svg).toMatch(/<rect width="64" height="64" fill="#0f766e"\/>/)
    expect(svg).not.toMatch(/rx=/)
  })

  it("offers the inbox and the reports as shortcuts", () => {
    expect(app.shortcuts?.map((s) => [s.name, s.url])).toEqual([
      ["消息中心", "/account/inbox"],
      ["健康档案", "/account/health?tab=reports"],
    ])
  })
})
