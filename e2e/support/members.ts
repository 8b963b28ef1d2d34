import { call, post } from "./commerce-api"

/** Signs in with email and password and answers the store API's bearer token. */
export async function signIn(email: string, password = "Secret12345") {
  const { token } = await post<{ token: string }>("/auth/customer/emailpass", { email, password })
  return token
}

/** A member who signed up through the store API (as the mini-program's PC sign-up does). */
export async function registerByApi(email: string, firstName: string) {
  const { token } = await post<{ token: string }>("/auth/customer/emailpass/register", {
    email,
    password: "Secret12345",
  })
  await post("/store/customers", { email, first_name: firstName, last_name: "会员" }, { token })
  return signIn(email)
}

/** A member signed in with the mini-program's wx.login (the WeChat stand-in maps the code). */
export async function signInWithWechat(who: string) {
  const { token } = await post<{ token: string }>("/auth/customer/wechat", {
    code: `wx-code-${who}.1`,
  })
  return token
}

const YUEYANG = {
  first_name: "朋友",
  last_name: "李",
  address_1: "岳阳楼区巴陵中路 88 号",
  city: "岳阳市",
  province: "湖南省",
  postal_code: "414000",
  country_code: "cn",
  phone: "13800000002",
}

/**
 * A member's order of one kit with a 岳阳 address, placed through the store API with
 * 线下支付, and finance's confirmation of the transfer (which captures the payment): for
 * journeys whose subject is what happens after a purchase. Answers the order's id.
 */
export async function placeOrderPaidOffline(
  token: string,
  handle: string,
  adminToken: string,
  /** For a member without one (signed in with WeChat): where order mail would go. */
  email?: string
) {
  const as = { token }
  const { regions } = await call<{ regions: { id: string }[] }>("/store/regions", as)
  const { products } = await call<{ products: { variants: { id: string }[] }[] }>(
    `/store/products?handle=${handle}&fields=*variants`,
    as
  )
  const { cart } = await post<{ cart: { id: string } }>(
    "/store/carts",
    { region_id: regions[0].id },
    as
  )
  const { cart: withLine } = await post<{ cart: { items: { id: string }[] } }>(
    `/store/carts/${cart.id}/line-items`,
    { variant_id: products[0].variants[0].id, quantity: 1 },
    as
  )
  // 采样方式 per line, as the web's checkout keeps it: the kit is mailed (寄送采样盒).
  await post(
    `/store/carts/${cart.id}/line-items/${withLine.items[0].id}`,
    { quantity: 1, metadata: { test_method: "mail_in" } },
    as
  )
  await post(
    `/store/carts/${cart.id}`,
    { shipping_address: YUEYANG, billing_address: YUEYANG, ...(email ? { email } : {}) },
    as
  )
  const { shipping_options } = await call<{
    shipping_options: { id: string; type?: { code?: string } | null }[]
  }>(`/store/shipping-options?cart_id=${cart.id}&fields=%2Btype.code`, as)
  const mailIn = shipping_options.find((option) => option.type?.code !== "on-site-collection")
  await post(`/store/carts/${cart.id}/shipping-methods`, { option_id: mailIn!.id }, as)
  const { payment_collection } = await post<{ payment_collection: { id: string } }>(
    "/store/payment-collections",
    { cart_id: cart.id },
    as
  )
  await post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    as
  )
  const placed = await post<{ type: string; order?: { id: string } }>(
    `/store/carts/${cart.id}/complete`,
    {},
    as
  )
  if (placed.type !== "order" || !placed.order) {
    throw new Error(`the cart did not become an order: ${JSON.stringify(placed)}`)
  }
  const admin = { token: adminToken, admin: true }
  const { order } = await call<{
    order: { payment_collections: { payments: { id: string }[] }[] }
  }>(`/admin/orders/${placed.order.id}?fields=id,*payment_collections.payments`, admin)
  const [payment] = order.payment_collections.flatMap((collection) => collection.payments)
  await post(`/admin/payments/${payment.id}/capture`, {}, admin)
  return placed.order.id
}
