// How much of WeChat's 2 MB main-package limit the mini-program uses: builds the weapp output
// (unless BENCH_MINIPROGRAM_BUILD=0 and a build exists) and reads its sizes. The baseline is
// the limit itself, so the ratio is the share used; subpackages and the total are reported too.
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { MAIN_PACKAGE_LIMIT, measureWeapp } from "../storefront/miniprogram/scripts/weapp-size.mjs"

const here = path.dirname(fileURLToPath(import.meta.url))
const app = path.join(here, "..", "storefront", "miniprogram")
const dist = path.join(app, "dist", "weapp")

export async function miniprogramSizeBench({ build = true } = {}) {
  if (build || !existsSync(path.join(dist, "app.json"))) {
    const started = Date.now()
    const result = spawnSync(
      process.execPath,
      [path.join(app, "scripts", "taro-build.mjs"), "weapp"],
      {
        cwd: app,
        encoding: "utf8",
      }
    )
    if (result.status !== 0) throw new Error(`weapp 构建失败：\n${result.stdout}${result.stderr}`)
    console.log(`  (weapp build ${((Date.now() - started) / 1000).toFixed(1)} s)`)
  }
  const report = measureWeapp(dist)
  if (report.missingPages.length) throw new Error(`页面未生成：${report.missingPages.join(", ")}`)
  return {
    name: "mini-program main package (weapp) vs WeChat's 2 MB limit",
    baseline: { bytes: MAIN_PACKAGE_LIMIT },
    candidate: { bytes: report.sizes.main },
    ratio: report.sizes.main / MAIN_PACKAGE_LIMIT,
    total_bytes: report.sizes.total,
    subpackages: report.sizes.subpackages,
    pages: report.pages.length,
  }
}
