type Api = {
  get: (url: string, config?: unknown) => Promise<{ data: any }>
  post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: any }>
}

export const YUEYANG_ADDRESS = {
  first_name: "小",
  last_name: "王",
  address_1: "岳阳楼区巴陵中路 88 号",
  city: "岳阳市",
  province: "湖南省",
  postal_code: "414000",
  country_code: "cn",
  phone: "13800000001",
}

export const BEIJING_ADDRESS = {
  ...YUEYANG_ADDRESS,
  address_1: "朝阳区建国路 1 号",
  city: "北京市",
  province: "北京市",
  postal_code: "100020",
}

/** A cart with one kit, a Yueyang address (unless given another) and a courier, ready for payment. */
export async function cartReadyForPayment(
  api: Api,
  headers: { headers: Record<string, string> },
  handle: string,
  address: Record<string, string> = YUEYANG_ADDRESS,
  variantTitle = "标准版 / 单人装"
) {
  const { data: regions } = await api.get("/store/regions", headers)
  const { data: list } = await api.get(`/store/products?handle=${handle}&fields=*variants`, headers)
  const { data: created } = await api.post(
    "/store/carts",
    { region_id: regions.regions[0].id, email: "buyer@example.com" },
    headers
  )
  const cartId = created.cart.id as string
  const variant = list.products[0].variants.find((v: { title: string }) => v.title === variantTitle)
  await api.post(
    `/store/carts/${cartId}/line-items`,
    { variant_id: variant.id, quantity: 1 },
    headers
  )
  await api.post(
    `/store/carts/${cartId}`,
    { shipping_address: address, billing_address: address },
    headers
  )
  // The kit goes by post (a line with no test method is a mailed kit): a courier option,
  // never 采集点现场采集, whichever order Medusa lists them in.
  const { data: options } = await api.get(
    `/store/shipping-options?cart_id=${cartId}&fields=${encodeURIComponent("+type.code")}`,
    headers
  )
  const courier = options.shipping_options.find(
    (o: { type?: { code?: string } }) => o.type?.code !== "on-site-collection"
  )
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: courier.id }, headers)
  const { data: collection } = await api.post(
    "/store/payment-collections",
    { cart_id: cartId },
    headers
  )
  return { cartId, paymentCollectionId: collection.payment_collection.id as string }
}
