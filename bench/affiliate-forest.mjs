// Placing an order inside a 100,000-member referral forest: the order of a buyer bound
// below the forest's deepest chains (the affiliate plugin walks the chain and writes
// commissions) against the same order by a buyer with no referrer (the plugin finds
// nothing to do: the baseline), interleaved in one run. Each is timed from completing
// the cart until the order's commissions are in the ledger (candidate) or the order is
// placed (baseline). Needs a running stack (npm start) and the commerce folder.
import { execFileSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))

function client(commerceUrl, publishableKey) {
  const call = async (method, pathname, options = {}, retried = false) => {
    const { token, body, admin } = options
    const response = await fetch(`${commerceUrl}${pathname}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(admin ? {} : { "x-publishable-api-key": publishableKey }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).catch((error) => {
      // A kept-alive connection the server closed while we were idle: ask once more.
      if (!retried && error.cause?.code === "UND_ERR_SOCKET") return null
      throw error
    })
    if (!response) return call(method, pathname, options, true)
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${pathname} → ${response.status}: ${text}`)
    return text ? JSON.parse(text) : {}
  }
  return call
}

async function register(call, email) {
  const password = "Bench12345"
  const { token: first } = await call("POST", "/auth/customer/emailpass/register", {
    body: { email, password },
  })
  const { customer } = await call("POST", "/store/customers", {
    token: first,
    body: { email, first_name: "压测", last_name: "买家" },
  })
  const { token } = await call("POST", "/auth/customer/emailpass", { body: { email, password } })
  return { id: customer.id, token }
}

/** A cart with one kit, an address in 岳阳, shipping and a system payment session. */
async function readyCart(call, token, { regionId, variantId }) {
  const { cart } = await call("POST", "/store/carts", { token, body: { region_id: regionId } })
  await call("POST", `/store/carts/${cart.id}/line-items`, {
    token,
    body: { variant_id: variantId, quantity: 1 },
  })
  const address = {
    first_name: "买家",
    last_name: "压测",
    phone: "13800000000",
    province: "湖南省",
    city: "岳阳市",
    address_1: "岳阳楼区巴陵中路 1 号",
    country_code: "cn",
    postal_code: "414000",
  }
  await call("POST", `/store/carts/${cart.id}`, {
    token,
    body: { shipping_address: address, billing_address: address },
  })
  const { shipping_options } = await call("GET", `/store/shipping-options?cart_id=${cart.id}`, {
    token,
  })
  await call("POST", `/store/carts/${cart.id}/shipping-methods`, {
    token,
    body: { option_id: shipping_options[0].id },
  })
  const { payment_collection } = await call("POST", "/store/payment-collections", {
    token,
    body: { cart_id: cart.id },
  })
  await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    token,
    body: { provider_id: "pp_system_default" },
  })
  return cart.id
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

export async function affiliateForestBench({
  commerceUrl,
  publishableKey,
  adminEmail,
  adminPassword,
  members = 100_000,
  orders = 10,
}) {
  const call = client(commerceUrl, publishableKey)
  const run = Date.now().toString(36)
  const referred = []
  const plain = []
  for (let i = 0; i < orders; i++) {
    referred.push(await register(call, `forest-${run}-r${i}@bench.local`))
    plain.push(await register(call, `forest-${run}-p${i}@bench.local`))
  }
  const dir = mkdtempSync(path.join(tmpdir(), "bench-forest-"))
  writeFileSync(path.join(dir, "buyers.json"), JSON.stringify(referred.map((b) => b.id)))
  execFileSync(
    "npx",
    [
      "medusa",
      "exec",
      "./src/scripts/prepare-bench-forest.ts",
      String(members),
      path.join(dir, "buyers.json"),
    ],
    { cwd: path.join(here, "..", "commerce"), stdio: ["ignore", "inherit", "inherit"] }
  )

  const { token: admin } = await call("POST", "/auth/user/emailpass", {
    body: { email: adminEmail, password: adminPassword },
  })
  const { regions } = await call("GET", "/store/regions")
  const { products } = await call(
    "GET",
    "/store/products?handle=tumor-risk-gene-test&fields=*variants"
  )
  const shop = { regionId: regions[0].id, variantId: products[0].variants[0].id }

  const timeOrder = async (buyer, waitForCommissions) => {
    const cartId = await readyCart(call, buyer.token, shop)
    const started = performance.now()
    const { order } = await call("POST", `/store/carts/${cartId}/complete`, { token: buyer.token })
    if (waitForCommissions) {
      for (;;) {
        const { count } = await call(
          "GET",
          `/admin/affiliate/ledger?order_id=${order.id}&limit=1`,
          {
            token: admin,
            admin: true,
          }
        )
        if (count > 0) break
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }
    return performance.now() - started
  }

  const baselineMs = []
  const candidateMs = []
  // Interleaved, so drift on the machine falls on both alike.
  for (let i = 0; i < orders; i++) {
    baselineMs.push(await timeOrder(plain[i], false))
    candidateMs.push(await timeOrder(referred[i], true))
  }
  const summary = (values) => {
    const sorted = [...values].sort((a, b) => a - b)
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), orders: values.length }
  }
  const baseline = summary(baselineMs)
  const candidate = summary(candidateMs)
  return {
    name: `order in a ${members}-member referral forest: placed with commissions recorded vs an order with no referrer (baseline)`,
    baseline,
    candidate,
    ratio: candidate.p50 / baseline.p50,
  }
}
