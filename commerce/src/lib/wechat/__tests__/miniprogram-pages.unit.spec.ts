import { readFileSync } from "fs"
import path from "path"
import { MINIPROGRAM_PAGES } from "../miniprogram-pages"

/** The pages app.config.ts declares: main-package pages and each subpackage's root + page. */
function declaredPages(config: string): string[] {
  const main = [...config.matchAll(/"(pages\/[\w/-]+)"/g)].map((m) => m[1])
  const sub = [...config.matchAll(/root:\s*"([\w/-]+)",\s*pages:\s*\[([^\]]*)\]/g)].flatMap(
    ([, root, pages]) => [...pages.matchAll(/"([\w/-]+)"/g)].map((m) => `${root}/${m[1]}`)
  )
  return [...main, ...sub]
}

describe("mini-program pages that WeChat messages open", () => {
  it("are pages the mini-program declares", () => {
    const config = readFileSync(
      path.join(__dirname, "../../../../../storefront/miniprogram/src/app.config.ts"),
      "utf8"
    )
    const declared = declaredPages(config)
    expect(declared).toContain("pages/index/index")
    for (const page of Object.values(MINIPROGRAM_PAGES)) expect(declared).toContain(page)
  })
})
