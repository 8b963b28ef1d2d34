// `npm run bench -w bench`: runs each benchmark against the running stack and prints
// ratios against the baseline measured in the same run; results go to bench/results/.
import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { storefrontCacheBench } from "./storefront-cache.mjs"

const here = path.dirname(fileURLToPath(import.meta.url))
const env = {
  webUrl: process.env.BENCH_WEB_URL || "http://localhost:8000",
  commerceUrl: process.env.BENCH_COMMERCE_URL || "http://localhost:9000",
  publishableKey: process.env.MEDUSA_PUBLISHABLE_KEY || "",
  seconds: Number(process.env.BENCH_SECONDS || 5),
}
if (!env.publishableKey) {
  console.error(
    "Set MEDUSA_PUBLISHABLE_KEY (printed in .data/logs/start or readable in the Medusa admin)."
  )
  process.exit(1)
}

const results = [await storefrontCacheBench(env)]
mkdirSync(path.join(here, "results"), { recursive: true })
writeFileSync(
  path.join(here, "results", `${new Date().toISOString().replace(/[:.]/g, "-")}.json`),
  JSON.stringify(results, null, 2)
)
for (const r of results) {
  const fmt = (m) =>
    `${m.rps.toFixed(1)} req/s, p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms, errors ${m.errors}`
  console.log(
    `${r.name}\n  baseline:  ${fmt(r.baseline)}\n  candidate: ${fmt(r.candidate)}\n  ratio:     ${r.ratio.toFixed(2)}×`
  )
}
