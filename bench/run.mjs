// `npm run bench -w bench`: runs each benchmark against the running stack and prints
// ratios against the baseline measured in the same run; results go to bench/results/.
import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { affiliateForestBench } from "./affiliate-forest.mjs"
import { financeMillionBench } from "./finance-million.mjs"
import { miniprogramSizeBench } from "./miniprogram-size.mjs"
import { reportIngestBench } from "./report-ingest.mjs"
import { searchBench } from "./search.mjs"
import { storefrontCacheBench } from "./storefront-cache.mjs"

const here = path.dirname(fileURLToPath(import.meta.url))
const env = {
  webUrl: process.env.BENCH_WEB_URL || "http://localhost:8000",
  commerceUrl: process.env.BENCH_COMMERCE_URL || "http://localhost:9000",
  publishableKey: process.env.MEDUSA_PUBLISHABLE_KEY || "",
  seconds: Number(process.env.BENCH_SECONDS || 5),
  files: Number(process.env.BENCH_REPORT_FILES || 500),
  adminEmail: process.env.MEDUSA_ADMIN_EMAIL || "admin@health.local",
  adminPassword: process.env.MEDUSA_ADMIN_PASSWORD || "Admin12345",
}

// `npm run bench -w bench -- report-ingest` runs one; no name runs them all.
const BENCHES = {
  "storefront-cache": () => {
    if (!env.publishableKey) {
      throw new Error(
        "Set MEDUSA_PUBLISHABLE_KEY (printed in .data/logs/start or readable in the Medusa admin)."
      )
    }
    return storefrontCacheBench(env)
  },
  "report-ingest": () => reportIngestBench(env),
  "affiliate-forest": () => {
    if (!env.publishableKey) throw new Error("Set MEDUSA_PUBLISHABLE_KEY for affiliate-forest.")
    return affiliateForestBench({
      ...env,
      members: Number(process.env.BENCH_FOREST_MEMBERS || 100_000),
    })
  },
  "miniprogram-size": () =>
    miniprogramSizeBench({ build: process.env.BENCH_MINIPROGRAM_BUILD !== "0" }),
  "finance-million": () =>
    financeMillionBench({
      orders: Number(process.env.BENCH_ORDERS || 1_000_000),
      days: Number(process.env.BENCH_DAYS || 365),
      runs: Number(process.env.BENCH_FINANCE_RUNS || 50),
    }),
  search: () =>
    searchBench({
      documents: Number(process.env.BENCH_SEARCH_DOCUMENTS || 10_000),
      rounds: Number(process.env.BENCH_SEARCH_ROUNDS || 20),
    }),
}
const chosen = process.argv.slice(2)
const unknown = chosen.filter((name) => !BENCHES[name])
if (unknown.length) {
  console.error(
    `Unknown benchmark ${unknown.join(", ")}; choose from ${Object.keys(BENCHES).join(", ")}`
  )
  process.exit(1)
}
const results = []
for (const name of chosen.length ? chosen : Object.keys(BENCHES))
  results.push(await BENCHES[name]())
mkdirSync(path.join(here, "results"), { recursive: true })
writeFileSync(
  path.join(here, "results", `${new Date().toISOString().replace(/[:.]/g, "-")}.json`),
  JSON.stringify(results, null, 2)
)
const pct = (share) => `${(share * 100).toFixed(1)}%`
for (const r of results) {
  const fmt = (m) =>
    m.bytes !== undefined
      ? `${(m.bytes / 1024).toFixed(1)} KB`
      : m.files_per_second !== undefined
        ? `${m.files_per_second.toFixed(1)} files/s (${m.seconds.toFixed(1)} s)`
        : m.orders !== undefined
          ? `p50 ${m.p50.toFixed(0)} ms, p95 ${m.p95.toFixed(0)} ms over ${m.orders} orders`
          : m.searches !== undefined
            ? `p50 ${m.p50.toFixed(2)} ms, p95 ${m.p95.toFixed(2)} ms over ${m.searches} searches`
            : `${m.rps.toFixed(1)} req/s, p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms, errors ${m.errors}`
  console.log(
    `${r.name}\n  baseline:  ${fmt(r.baseline)}\n  candidate: ${fmt(r.candidate)}\n  ratio:     ${r.ratio.toFixed(2)}×`
  )
  if (r.meilisearch) {
    console.log(
      typeof r.meilisearch === "string"
        ? `  Meilisearch: ${r.meilisearch}`
        : `  Meilisearch: ${fmt(r.meilisearch)}, ratio ${r.meilisearch_ratio.toFixed(2)}×`
    )
  }
  if (r.total_bytes !== undefined) {
    console.log(`  total:     ${(r.total_bytes / 1024).toFixed(1)} KB over ${r.pages} pages`)
    for (const [root, bytes] of Object.entries(r.subpackages))
      console.log(`  ${root}: ${(bytes / 1024).toFixed(1)} KB`)
  }
  if (r.ratio_p95 !== undefined) console.log(`  p95 ratio: ${r.ratio_p95.toFixed(2)}×`)
  for (const [page, m] of Object.entries(r.pages ?? {})) {
    console.log(`  ${page}: ${fmt(m)}, ${m.ratio.toFixed(1)}× the baseline`)
  }
  for (const [report, m] of Object.entries(r.reports ?? {})) {
    const raw = m.raw ? `, read raw ${m.raw.p50.toFixed(0)} ms` : ""
    const today = m.today_raw
      ? `; today's hours read raw: p50 ${m.today_raw.p50.toFixed(1)} ms, p95 ${m.today_raw.p95.toFixed(1)} ms`
      : ""
    console.log(
      `  ${report}: p50 ${m.candidate.p50.toFixed(1)} ms, p95 ${m.candidate.p95.toFixed(1)} ms (plain aggregate p50 ${m.baseline.p50.toFixed(1)} ms${raw})${today}`
    )
  }
  if (r.rollup_seconds !== undefined)
    console.log(`  rollup:    ${r.rollup_days} days in ${r.rollup_seconds.toFixed(1)} s`)
  for (const [query, engines] of Object.entries(r.per_query ?? {})) {
    const cells = Object.entries(engines).map(
      ([engine, m]) => `${engine} ${m.p50.toFixed(2)} ms (${m.hits} hits)`
    )
    console.log(`  ${query}: ${cells.join(", ")}`)
  }
  if (r.stage_share) {
    console.log(`  files:     ${r.done} done, ${r.failed} failed of ${r.files}`)
    console.log(
      `  stages:    ${Object.entries(r.stage_share)
        .map(([stage, share]) => `${stage} ${pct(share)}`)
        .join(", ")}`
    )
  }
}
