import { loadCollectionAvailability } from "../appointments/collection-availability"
import { createAppointmentsClient } from "../commerce/appointments-client"
import { createCheckoutClient } from "../commerce/checkout-client"
import { placeUnpaidOrder, prepareCartForPayment } from "../commerce/checkout-steps"
import type { Address } from "../commerce/checkout-types"
import type { FetchLike } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const options = { baseUrl: "http://shop", publishableKey: "pk" }
const clients = (fetch: FetchLike) => ({
  checkout: createCheckoutClient({ ...options, fetch }),
  appointments: createAppointmentsClient({ ...options, fetch }),
})

const address: Address = {
  last_name: "赵",
  first_name: "晓",
  phone: "13900001111",
  province: "湖南省",
  city: "岳阳市",
  address_1: "洞庭南路 1 号",
  address_2: "岳阳楼区",
  country_code: "cn",
}
const shippingOptions = {
  shipping_options: [
    { id: "so_site", name: "采集点现场采集", amount: 0, type: { code: "on-site-collection" } },
    { id: "so_mail", name: "顺丰包邮（采样盒寄送）", amount: 0, type: { code: "mail-in-kit" } },
  ],
}
const availability = (remaining: number) => ({
  site: { id: "site-1", name: "岳阳楼区采集点", address: "", phone: null, hours: null },
  slots: ["10:00-11:00"],
  max_days_ahead: 30,
  days: [
    {
      date: "2026-12-03",
      slots: [{ slot: "10:00-11:00", capacity: 2, remaining, bookable: remaining > 0 }],
    },
  ],
})
const pick = {
  choice: { site_id: "site-1", date: "2026-12-03", slot: "10:00-11:00", site_name: null },
}
const sent = (call: { url: string; init?: RequestInit }) =>
  `${call.init?.method ?? "GET"} ${new URL(call.url).pathname} ${call.init?.body ?? ""}`.trim()

describe("prepareCartForPayment", () => {
  it("re-checks the slot, keeps it on the cart and applies the credit trimmed to the total", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { cart: {} } },
      { body: shippingOptions },
      { body: availability(1) },
      { body: { cart: {} } },
      { body: { cart: {} } },
      { body: { cart: { total: 399, credit_line_total: 0 } } },
      { body: { cart: { total: 0, credit_line_total: 399 } } }
    )
    const prepared = await prepareCartForPayment(
      clients(fetch),
      "cart_1",
      {
        email: "buyer@example.com",
        address,
        shippingOptionId: "so_site",
        collection: pick,
        creditFen: 50000,
      },
      "tok"
    )
    expect(prepared).toEqual({
      total: 0,
      creditFen: 39900,
      shipping: shippingOptions.shipping_options[0],
      collection: { ...pick.choice, site_name: "岳阳楼区采集点" },
      lines: [],
    })
    expect(calls.map(sent)).toEqual([
      `POST /store/carts/cart_1 ${JSON.stringify({
        email: "buyer@example.com",
        shipping_address: address,
        billing_address: address,
      })}`,
      "GET /store/shipping-options",
      "GET /store/appointments/availability",
      'POST /store/carts/cart_1/shipping-methods {"option_id":"so_site"}',
      `POST /store/carts/cart_1 ${JSON.stringify({
        metadata: {
          collection_appointment: { ...pick.choice, site_name: "岳阳楼区采集点" },
        },
      })}`,
      'POST /store/carts/cart_1/store-credit {"amount":0}',
      'POST /store/carts/cart_1/store-credit {"amount":399}',
    ])
    expect(calls[2].url).toBe(
      "http://shop/store/appointments/availability?site_id=site-1&from=2026-12-03&days=1"
    )
  })

  it("takes mail-in, drops any slot chosen before and removes old credit", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { cart: {} } },
      { body: shippingOptions },
      { body: { cart: {} } },
      { body: { cart: {} } },
      { body: { cart: { total: 699, credit_line_total: 0 } } }
    )
    const prepared = await prepareCartForPayment(
      clients(fetch),
      "cart_1",
      {
        email: "buyer@example.com",
        address,
        collection: { problem: "请选择现场采集的采集点" },
        creditFen: 0,
      },
      "tok"
    )
    expect(prepared).toMatchObject({ total: 699, creditFen: 0, collection: null })
    expect(calls.map(sent).slice(2)).toEqual([
      'POST /store/carts/cart_1/shipping-methods {"option_id":"so_mail"}',
      'POST /store/carts/cart_1 {"metadata":{"collection_appointment":""}}',
      'POST /store/carts/cart_1/store-credit {"amount":0}',
    ])
  })

  it("stops before choosing on-site collection without a slot, or when the slot filled up", async () => {
    const missing = recordingFetch({ body: { cart: {} } }, { body: shippingOptions })
    expect(
      await prepareCartForPayment(
        clients(missing.fetch),
        "cart_1",
        {
          email: "b@example.com",
          address,
          shippingOptionId: "so_site",
          collection: { problem: "请选择现场采集的日期和时段" },
          creditFen: 0,
        },
        "tok"
      )
    ).toEqual({ problem: "请选择现场采集的日期和时段" })
    expect(missing.calls).toHaveLength(2)

    const full = recordingFetch(
      { body: { cart: {} } },
      { body: shippingOptions },
      { body: availability(0) }
    )
    expect(
      await prepareCartForPayment(
        clients(full.fetch),
        "cart_1",
        {
          email: "b@example.com",
          address,
          shippingOptionId: "so_site",
          collection: pick,
          creditFen: 0,
        },
        "tok"
      )
    ).toEqual({ problem: "所选时段刚刚已约满，请选择其他时段" })
    expect(full.calls).toHaveLength(3)
  })

  it("asks a guest to sign in for on-site collection and never touches credit for guests", async () => {
    const site = recordingFetch({ body: { cart: {} } }, { body: shippingOptions })
    expect(
      await prepareCartForPayment(clients(site.fetch), "cart_1", {
        email: "b@example.com",
        address,
        shippingOptionId: "so_site",
        collection: pick,
        creditFen: 0,
      })
    ).toEqual({
      problem: "现场采集需先登录会员，以便为您预约采集时段；也可以选择顺丰包邮寄送采样盒",
    })

    const mail = recordingFetch(
      { body: { cart: {} } },
      { body: shippingOptions },
      { body: { cart: {} } },
      { body: { cart: {} } }
    )
    const prepared = await prepareCartForPayment(clients(mail.fetch), "cart_1", {
      email: "b@example.com",
      address,
      collection: pick,
      creditFen: 1000,
    })
    expect(prepared).toMatchObject({ total: null, creditFen: 0 })
    expect(mail.calls.map(sent).join("\n")).not.toContain("store-credit")
  })
})

describe("prepareCartForPayment with a test method per line", () => {
  const kit = { id: "cali_kit", quantity: 2, title: "运动基因检测" }
  const family = { id: "cali_family", quantity: 1, title: "儿童天赋基因检测" }
  const onSite = (choice = pick.choice) => ({ method: "on_site" as const, collection: { choice } })

  it("keeps each line's method on its cart line, books nothing by post only for on-site lines, and ships when one line is mail-in", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { cart: {} } },
      { body: shippingOptions },
      { body: availability(1) },
      { body: { cart: {} } },
      { body: { cart: {} } },
      { body: { cart: {} } },
      { body: { cart: {} } },
      { body: { cart: { total: 798, credit_line_total: 0 } } }
    )
    const prepared = await prepareCartForPayment(
      clients(fetch),
      "cart_1",
      {
        email: "buyer@example.com",
        address,
        lines: [
          { line: kit, method: "mail_in" },
          { line: family, ...onSite() },
        ],
        creditFen: 0,
      },
      "tok"
    )
    const collection = { ...pick.choice, site_name: "岳阳楼区采集点" }
    expect(prepared).toEqual({
      total: 798,
      creditFen: 0,
      shipping: shippingOptions.shipping_options[1],
      collection: null,
      lines: [
        { id: "cali_kit", title: "运动基因检测", choice: { method: "mail_in" } },
        {
          id: "cali_family",
          title: "儿童天赋基因检测",
          choice: { method: "on_site", collection },
        },
      ],
    })
    expect(calls.map(sent).slice(2)).toEqual([
      "GET /store/appointments/availability",
      'POST /store/carts/cart_1/shipping-methods {"option_id":"so_mail"}',
      `POST /store/carts/cart_1/line-items/cali_kit ${JSON.stringify({
        quantity: 2,
        metadata: { test_method: "mail_in", collection: "" },
      })}`,
      `POST /store/carts/cart_1/line-items/cali_family ${JSON.stringify({
        quantity: 1,
        metadata: { test_method: "on_site", collection },
      })}`,
      'POST /store/carts/cart_1 {"metadata":{"collection_appointment":""}}',
      'POST /store/carts/cart_1/store-credit {"amount":0}',
    ])
  })

  it("takes the on-site option when every line is collected at a site, reading each site's day once", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { cart: {} } },
      { body: shippingOptions },
      { body: availability(2) },
      { body: { cart: {} } },
      { body: { cart: {} } },
      { body: { cart: {} } },
      { body: { cart: {} } },
      { body: { cart: { total: 798, credit_line_total: 0 } } }
    )
    const prepared = await prepareCartForPayment(
      clients(fetch),
      "cart_1",
      {
        email: "buyer@example.com",
        address,
        lines: [
          { line: kit, ...onSite() },
          { line: family, ...onSite() },
        ],
        creditFen: 0,
      },
      "tok"
    )
    expect(prepared).toMatchObject({ shipping: { id: "so_site" }, total: 798 })
    expect(calls.map(sent).filter((c) => c.startsWith("GET"))).toEqual([
      "GET /store/shipping-options",
      "GET /store/appointments/availability",
    ])
    expect(calls.map(sent)[3]).toBe(
      'POST /store/carts/cart_1/shipping-methods {"option_id":"so_site"}'
    )
  })

  it("names the line whose site or slot is missing or full, and refuses two sites in one slot", async () => {
    const run = async (
      lines: Parameters<typeof prepareCartForPayment>[2]["lines"],
      ...answers: object[]
    ) => {
      const { fetch, calls } = recordingFetch(
        { body: { cart: {} } },
        { body: shippingOptions },
        ...answers.map((body) => ({ body }))
      )
      const prepared = await prepareCartForPayment(
        clients(fetch),
        "cart_1",
        { email: "b@example.com", address, lines, creditFen: 0 },
        "tok"
      )
      return { prepared, posted: calls.map(sent).filter((c) => c.startsWith("POST")).length }
    }
    expect(
      await run([
        { line: kit, method: "on_site", collection: { problem: "请选择现场采集的日期和时段" } },
      ])
    ).toEqual({ prepared: { problem: "「运动基因检测」请选择现场采集的日期和时段" }, posted: 1 })
    expect(await run([{ line: kit, method: "on_site" }])).toEqual({
      prepared: { problem: "「运动基因检测」请选择现场采集的采集点" },
      posted: 1,
    })
    expect(await run([{ line: family, ...onSite() }], availability(0))).toEqual({
      prepared: { problem: "「儿童天赋基因检测」所选时段刚刚已约满，请选择其他时段" },
      posted: 1,
    })
    const other = { ...pick.choice, site_id: "site-2" }
    expect(
      await run(
        [
          { line: kit, ...onSite() },
          { line: family, ...onSite(other) },
        ],
        availability(2),
        {
          ...availability(2),
          site: { ...availability(2).site, id: "site-2", name: "君山区采集点" },
        }
      )
    ).toEqual({
      prepared: {
        problem:
          "「运动基因检测」和「儿童天赋基因检测」选了同一时段的不同采集点，同一时段只能在一个采集点采样，请改选同一采集点或其他时段",
      },
      posted: 1,
    })
  })

  it("lets a guest buy mail-in lines and asks them to sign in for an on-site line", async () => {
    const guest = recordingFetch(
      { body: { cart: {} } },
      { body: shippingOptions },
      { body: { cart: {} } },
      { body: { cart: {} } },
      { body: { cart: {} } }
    )
    expect(
      await prepareCartForPayment(clients(guest.fetch), "cart_1", {
        email: "b@example.com",
        address,
        lines: [{ line: kit, method: "mail_in" }],
        creditFen: 500,
      })
    ).toMatchObject({ total: null, creditFen: 0, shipping: { id: "so_mail" } })
    const site = recordingFetch({ body: { cart: {} } }, { body: shippingOptions })
    expect(
      await prepareCartForPayment(clients(site.fetch), "cart_1", {
        email: "b@example.com",
        address,
        lines: [{ line: kit, ...onSite() }],
        creditFen: 0,
      })
    ).toEqual({
      problem: "现场采集需先登录会员，以便为您预约采集时段；也可以选择顺丰包邮寄送采样盒",
    })
  })
})

describe("placeUnpaidOrder", () => {
  it("opens the offline (manual) payment session, then completes the cart", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { payment_collection: { id: "paycol_1" } } },
      {
        body: {
          payment_collection: {
            payment_sessions: [{ provider_id: "pp_system_default", data: {} }],
          },
        },
      },
      { body: { type: "order", order: { id: "order_1", display_id: 12, total: 699 } } }
    )
    const placed = await placeUnpaidOrder(
      clients(fetch).checkout,
      "cart_1",
      { offline: true },
      "tok"
    )
    expect(placed).toEqual({ order: { id: "order_1", display_id: 12, total: 699 } })
    expect(calls.map(sent)).toEqual([
      'POST /store/payment-collections {"cart_id":"cart_1"}',
      'POST /store/payment-collections/paycol_1/payment-sessions {"provider_id":"pp_system_default","data":{}}',
      "POST /store/carts/cart_1/complete {}",
    ])
  })

  it("hands on the guest's order token from the completion", async () => {
    const { fetch } = recordingFetch({
      body: { type: "order", order: { id: "order_1", display_id: 3 }, order_access_token: "9.x" },
    })
    expect(await placeUnpaidOrder(clients(fetch).checkout, "cart_1", { offline: false })).toEqual({
      order: { id: "order_1", display_id: 3 },
      accessToken: "9.x",
    })
  })

  it("completes a cart the balance paid in full without any payment session", async () => {
    const { fetch, calls } = recordingFetch({
      body: { type: "cart", error: { message: "库存不足" } },
    })
    expect(
      await placeUnpaidOrder(clients(fetch).checkout, "cart_1", { offline: false }, "tok")
    ).toEqual({ problem: "库存不足" })
    expect(calls.map(sent)).toEqual(["POST /store/carts/cart_1/complete {}"])
  })
})

describe("loadCollectionAvailability", () => {
  it("asks commerce for seven days from the day given", async () => {
    const { fetch, calls } = recordingFetch({ body: availability(2) })
    const state = await loadCollectionAvailability(
      clients(fetch).appointments,
      "tok",
      "site-1",
      "2026-12-10"
    )
    expect(state.availability?.site.name).toBe("岳阳楼区采集点")
    expect(calls[0].url).toBe(
      "http://shop/store/appointments/availability?site_id=site-1&from=2026-12-10&days=7"
    )
  })

  it("says what went wrong, and reports only what the member cannot fix", async () => {
    const heard: unknown[] = []
    const load = async (status: number, message: string) =>
      loadCollectionAvailability(
        clients(recordingFetch({ status, body: { message } }).fetch).appointments,
        "tok",
        "site-x",
        undefined,
        (error) => heard.push(error)
      )
    expect(await load(404, "Not found")).toEqual({ error: "没有找到这个采集点，请重新选择" })
    expect(await load(400, "日期超出可预约范围")).toEqual({ error: "日期超出可预约范围" })
    expect(heard).toHaveLength(0)
    expect(await load(503, "cms down")).toEqual({
      error: "采集点时段暂时无法读取，请稍后再试，或选择寄送采样盒",
    })
    expect(heard).toHaveLength(1)
  })
})
