// `node scripts/measure-weapp.mjs`: builds the weapp output unless its sources are unchanged
// since the last good build (the same stamp npm test's build stage keeps, so the build runs
// once per change), then prints the measurement of dist/weapp as JSON on the last line.
import { spawnSync } from "node:child_process"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { buildIfChanged } from "../../../scripts/lib/build-stamp.mjs"
import { measureWeapp } from "./weapp-size.mjs"

const here = path.dirname(fileURLToPath(import.meta.url))
const app = path.resolve(here, "..")
const root = path.resolve(app, "..", "..")
const dist = path.join(app, "dist", "weapp")

await buildIfChanged(
  "miniprogram-weapp",
  [app, path.join(root, "storefront", "core"), path.join(root, "commerce", "contracts")],
  path.join(dist, "app.json"),
  async () => {
    const build = spawnSync(process.execPath, [path.join(here, "taro-build.mjs"), "weapp"], {
      cwd: app,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    })
    if (build.status !== 0) {
      console.error(`${build.stdout}${build.stderr}`)
      throw new Error("weapp 构建失败")
    }
  }
)
console.log(JSON.stringify(measureWeapp(dist)))
