// Site search on 10,000 products and 10,000 articles with Chinese titles: p50/p95 latency
// of a fixed set of Chinese queries on the Postgres provider (the code and SQL behind
// /store/search, called in-process by `medusa exec`, so HTTP and Medusa's request pipeline,
// the same for every engine, are left out), against a plain SQL ILIKE '%q%' over the same
// rows in a plain table (the baseline), and Meilisearch when MEILI_HOST is set; all
// measured interleaved in one run. Needs the commerce folder, a migrated database
// (DATABASE_URL) and Redis (REDIS_URL), as the running stack has.
import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

const summary = (samples) => {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), searches: sorted.length }
}

export async function searchBench({ documents = 10_000, rounds = 20 } = {}) {
  const out = path.join(mkdtempSync(path.join(tmpdir(), "bench-search-")), "samples.json")
  execFileSync(
    "npx",
    ["medusa", "exec", "./src/scripts/bench-search.ts", String(documents), out, String(rounds)],
    { cwd: path.join(here, "..", "commerce"), stdio: ["ignore", "inherit", "inherit"] }
  )
  const run = JSON.parse(readFileSync(out, "utf8"))
  const of = (engine) => run.samples.filter((s) => s.engine === engine)
  const baseline = summary(of("ilike"))
  const candidate = summary(of("postgres"))
  // Per query, p50 of each engine and the hits each returned (at most 10), to see where
  // the time goes and that the engines agree on what matches.
  const queries = {}
  for (const s of run.samples) {
    const key = `${s.q} (${s.type})`
    queries[key] ??= {}
    ;(queries[key][s.engine] ??= []).push(s)
  }
  const per_query = Object.fromEntries(
    Object.entries(queries).map(([key, engines]) => [
      key,
      Object.fromEntries(
        Object.entries(engines).map(([engine, samples]) => [
          engine,
          { p50: summary(samples).p50, hits: samples[0].hits },
        ])
      ),
    ])
  )
  const meilisearch = run.meili ? summary(of("meilisearch")) : null
  if (!meilisearch) console.log("Meilisearch: skipped (MEILI_HOST not set)")
  return {
    name: `search on ${documents} products + ${documents} articles: Postgres provider (in-process) vs plain SQL ILIKE (baseline)`,
    baseline,
    candidate,
    ratio: candidate.p50 / baseline.p50,
    ratio_p95: candidate.p95 / baseline.p95,
    ...(meilisearch
      ? { meilisearch, meilisearch_ratio: meilisearch.p50 / baseline.p50 }
      : { meilisearch: "skipped (MEILI_HOST not set)" }),
    index_seconds: run.index_seconds,
    per_query,
  }
}
