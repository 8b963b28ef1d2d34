// `node scripts/check-weapp-output.mjs [dist/weapp]`: the weapp build's pages are all emitted
// and its packages are within WeChat's limits. Prints a summary; exits 1 with the problems.
import path from "node:path"
import { fileURLToPath } from "node:url"
import { kb, MAIN_PACKAGE_LIMIT, measureWeapp } from "./weapp-size.mjs"

const here = path.dirname(fileURLToPath(import.meta.url))
const dir = path.resolve(process.argv[2] || path.join(here, "..", "dist", "weapp"))
const report = measureWeapp(dir)
console.log(
  `weapp: ${report.pages.length} 个页面；主包 ${kb(report.sizes.main)}（上限的 ${(
    (report.sizes.main / MAIN_PACKAGE_LIMIT) *
    100
  ).toFixed(1)}%），总计 ${kb(report.sizes.total)}`
)
for (const [root, bytes] of Object.entries(report.sizes.subpackages))
  console.log(`  ${root}: ${kb(bytes)}`)
if (report.problems.length) {
  for (const problem of report.problems) console.error(`✖ ${problem}`)
  process.exit(1)
}
