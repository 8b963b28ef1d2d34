// How much the storefront's tag cache buys: the product list page of web (cached reads)
// against the same product list straight from Medusa's store API (the uncached baseline),
// measured in one run on this machine. Needs a running stack (npm start).
import { measure } from "./load.mjs"

export async function storefrontCacheBench({ webUrl, commerceUrl, publishableKey, seconds = 5 }) {
  const headers = { "x-publishable-api-key": publishableKey }
  const { regions } = await (await fetch(`${commerceUrl}/store/regions`, { headers })).json()
  const baseline = await measure(
    `${commerceUrl}/store/products?limit=12&fields=*variants.calculated_price&region_id=${regions[0].id}`,
    { seconds, headers }
  )
  const cached = await measure(`${webUrl}/products`, { seconds })
  return {
    name: "storefront product list: web (cached) vs Medusa store API (baseline)",
    baseline,
    candidate: cached,
    ratio: cached.rps / baseline.rps,
  }
}
