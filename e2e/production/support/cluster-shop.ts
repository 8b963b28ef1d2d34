// What a shopper and staff do over commerce's HTTP API in the cluster test, against whichever
// server (or the proxy) each step names: the same steps as commerce's checkout HTTP specs.

/** The shipping option type code of 采集点现场采集 (commerce's seed; ON_SITE_COLLECTION_CODE in contracts). */
const ON_SITE_COLLECTION_CODE = "on-site-collection"

// Untyped JSON from HTTP responses, as in the HTTP specs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

export interface StoreCaller {
  (
    base: string,
    path: string,
    init?: { method?: string; body?: unknown; token?: string }
  ): Promise<Json>
}

export const ADDRESS = {
  first_name: "小",
  last_name: "王",
  address_1: "岳阳楼区巴陵中路 88 号",
  city: "岳阳市",
  province: "湖南省",
  postal_code: "414000",
  country_code: "cn",
  phone: "13800000001",
}

/** A store API caller with the cluster's publishable key; throws with the body on non-2xx. */
export function storeCaller(publishableKey: string): StoreCaller {
  return async (base, path, init = {}) => {
    const response = await fetch(`${base}${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: {
        "content-type": "application/json",
        "x-publishable-api-key": publishableKey,
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
    const text = await response.text()
    if (!response.ok)
      throw new Error(`${init.method ?? "GET"} ${base}${path} → ${response.status}: ${text}`)
    return text ? JSON.parse(text) : {}
  }
}

/** Registers a member through `base` and answers their bearer token. */
export async function registerMember(call: StoreCaller, base: string, email: string) {
  const password = "Secret12345"
  const registered = await call(base, "/auth/customer/emailpass/register", {
    body: { email, password },
  })
  await call(base, "/store/customers", {
    body: { email, first_name: "小", last_name: "王" },
    token: registered.token,
  })
  const signedIn = await call(base, "/auth/customer/emailpass", { body: { email, password } })
  return signedIn.token as string
}

/** A cart with one kit, an address and the first shipping option, ready for payment. */
export async function cartReadyForPayment(
  call: StoreCaller,
  base: string,
  token: string,
  handle: string
) {
  const { regions } = await call(base, "/store/regions", { token })
  const { products } = await call(base, `/store/products?handle=${handle}&fields=*variants`, {
    token,
  })
  const { cart } = await call(base, "/store/carts", {
    body: { region_id: regions[0].id },
    token,
  })
  await call(base, `/store/carts/${cart.id}/line-items`, {
    body: { variant_id: products[0].variants[0].id, quantity: 1 },
    token,
  })
  await call(base, `/store/carts/${cart.id}`, {
    body: { shipping_address: ADDRESS, billing_address: ADDRESS },
    token,
  })
  // The kit goes by post (a line without a test method is a mailed kit): a courier, never
  // 采集点现场采集, whichever Medusa happens to list first.
  const { shipping_options } = await call(
    base,
    `/store/shipping-options?cart_id=${cart.id}&fields=${encodeURIComponent("+type.code")}`,
    { token }
  )
  const courier = (shipping_options as { id: string; type?: { code?: string } }[]).find(
    (option) => option.type?.code !== ON_SITE_COLLECTION_CODE
  )
  if (!courier) throw new Error("no courier shipping option")
  await call(base, `/store/carts/${cart.id}/shipping-methods`, {
    body: { option_id: courier.id },
    token,
  })
  const { payment_collection } = await call(base, "/store/payment-collections", {
    body: { cart_id: cart.id },
    token,
  })
  return { cartId: cart.id as string, paymentCollectionId: payment_collection.id as string }
}

/** The seeded super admin's bearer token. */
export async function adminToken(base: string, email: string, password: string) {
  const response = await fetch(`${base}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  if (!response.ok) throw new Error(`admin sign-in → ${response.status}: ${await response.text()}`)
  return ((await response.json()) as { token: string }).token
}

/** Polls until `check` passes or `timeoutMs` is over; answers the last value and the time taken. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  { timeoutMs, intervalMs = 100 }: { timeoutMs: number; intervalMs?: number }
) {
  const started = Date.now()
  let value = await read()
  while (!check(value) && Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
    value = await read()
  }
  return { value, ok: check(value), ms: Date.now() - started }
}
