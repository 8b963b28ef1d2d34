import { readdirSync, existsSync } from "fs"
import path from "path"
import { MEMBER_FEATURES, memberFeatureGaps } from "@health/core"
import { HEALTH_TABS } from "../../web/lib/health-tabs"

const WEB_APP = path.resolve(__dirname, "..", "..", "web", "app")
const MINI_SRC = path.resolve(__dirname, "..", "src")

/** Every route the web app serves a page at, as its folders spell it ("/account/orders/[id]"). */
function webPageRoutes(dir = WEB_APP, route = ""): string[] {
  const found: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === "page.tsx") found.push(route || "/")
    // Private folders (_components) hold no routes; groups ((shop)) add no segment.
    if (!entry.isDirectory() || entry.name.startsWith("_")) continue
    const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`
    found.push(...webPageRoutes(path.join(dir, entry.name), `${route}${segment}`))
  }
  return found
}

/** The health archive's tabs are features of their own on the web (/account/health?tab=…). */
const webRoutes = () => [
  ...webPageRoutes(),
  ...HEALTH_TABS.map((tab) => `/account/health?tab=${tab.id}`),
]

/** The pages app.config.ts registers, main package and subpackages. */
function miniPages(): string[] {
  const global = globalThis as { defineAppConfig?: (config: unknown) => unknown }
  global.defineAppConfig = (config) => config
  const config = require("../src/app.config").default as {
    pages: string[]
    subPackages: { root: string; pages: string[] }[]
  }
  return [
    ...config.pages,
    ...config.subPackages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`)),
  ]
}

describe("member features: web and mini-program at par", () => {
  it("finds every web member page declared and every declared mini page registered", () => {
    expect(memberFeatureGaps(webRoutes(), miniPages())).toEqual({
      undeclaredWeb: [],
      staleWeb: [],
      missingMini: [],
      staleGaps: [],
    })
  })

  it("has a source file behind every mini page a feature names", () => {
    const missing = MEMBER_FEATURES.flatMap((f) => f.mini).filter(
      (page) => !existsSync(path.join(MINI_SRC, `${page}.tsx`))
    )
    expect(missing).toEqual([])
  })

  it("fails when the web gains a member page the mini-program lacks, or loses a mini page", () => {
    const web = webRoutes()
    const mini = miniPages()
    expect(memberFeatureGaps([...web, "/account/vouchers"], mini).undeclaredWeb).toEqual([
      "/account/vouchers",
    ])
    expect(
      memberFeatureGaps(
        web,
        mini.filter((page) => page !== "packages/health/uploads/index")
      ).missingMini
    ).toEqual(["record-uploads: packages/health/uploads/index"])
  })

  it("still accepts a declared gap, and calls one stale once a mini page closes it", () => {
    const web = [...webRoutes(), "/account/vouchers"]
    const vouchers = { web: ["/account/vouchers"], reason: "尚未开发" }
    expect(memberFeatureGaps(web, miniPages(), MEMBER_FEATURES, [vouchers])).toEqual({
      undeclaredWeb: [],
      staleWeb: [],
      missingMini: [],
      staleGaps: [],
    })
    // The address book was the last gap; the address pages now close it.
    const addressBook = { web: ["/account/addresses"], reason: "小程序没有地址簿" }
    expect(memberFeatureGaps(webRoutes(), miniPages(), MEMBER_FEATURES, [addressBook])).toEqual(
      expect.objectContaining({ staleGaps: ["/account/addresses"] })
    )
  })
})
