// What serving pages from Next's full-route cache buys (#24): the web's home page, product
// list and a product page, each against Medusa's own store API product list (the baseline: the
// cheapest thing a storefront could ask commerce for), measured in rounds that alternate the
// baseline and the pages so the machine's noise falls on both. Needs a running stack (npm start).
import { measure } from "./load.mjs"

/** Requests per second and latency of each target, over `rounds` interleaved rounds. */
async function interleaved(targets, { rounds, seconds, concurrency }) {
  const samples = Object.fromEntries(Object.keys(targets).map((name) => [name, []]))
  for (let round = 0; round < rounds; round++) {
    for (const [name, { url, headers }] of Object.entries(targets)) {
      samples[name].push(await measure(url, { seconds, concurrency, headers }))
    }
  }
  // Each round's figures, then the median round: one slow round does not decide.
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  return Object.fromEntries(
    Object.entries(samples).map(([name, runs]) => [
      name,
      {
        requests: runs.reduce((sum, run) => sum + run.requests, 0),
        errors: runs.reduce((sum, run) => sum + run.errors, 0),
        rps: median(runs.map((run) => run.rps)),
        p50: median(runs.map((run) => run.p50)),
        p95: median(runs.map((run) => run.p95)),
      },
    ])
  )
}

export async function storefrontCacheBench({
  webUrl,
  commerceUrl,
  publishableKey,
  seconds = 5,
  rounds = Number(process.env.BENCH_ROUNDS || 3),
  concurrency = 10,
}) {
  const headers = { "x-publishable-api-key": publishableKey }
  const { regions } = await (await fetch(`${commerceUrl}/store/regions`, { headers })).json()
  const storeList = `${commerceUrl}/store/products?limit=12&fields=*variants.calculated_price&region_id=${regions[0].id}`
  const { products } = await (await fetch(storeList, { headers })).json()
  if (!products?.length) throw new Error("the store has no products to list")
  const pages = {
    "home (/)": `${webUrl}/`,
    "product list (/products)": `${webUrl}/products`,
    [`product page (/products/${products[0].handle})`]: `${webUrl}/products/${products[0].handle}`,
  }
  // Each page once before timing, as a visitor would have: the cache holds it from then on.
  for (const url of Object.values(pages)) await fetch(url).then((response) => response.text())
  const targets = {
    baseline: { url: storeList, headers },
    ...Object.fromEntries(Object.entries(pages).map(([name, url]) => [name, { url }])),
  }
  const measured = await interleaved(targets, { rounds, seconds, concurrency })
  const { baseline, ...candidates } = measured
  const slowest = Object.values(candidates).reduce((a, b) => (b.rps < a.rps ? b : a))
  return {
    name: "storefront pages from cache (home, list, product) vs Medusa's store API product list (baseline)",
    baseline,
    candidate: slowest,
    ratio: slowest.rps / baseline.rps,
    pages: Object.fromEntries(
      Object.entries(candidates).map(([name, figures]) => [
        name,
        { ...figures, ratio: figures.rps / baseline.rps },
      ])
    ),
  }
}
