import { createOrderTestMethodClient } from "../commerce/order-test-method-client"
import type { FetchLike } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const client = (fetch: FetchLike) =>
  createOrderTestMethodClient({ baseUrl: "http://shop/", publishableKey: "pk", fetch })
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>

const methods = {
  lines: [
    {
      line_item_id: "ordli_1",
      title: "肿瘤风险基因检测",
      quantity: 1,
      method: "mail_in",
      collection: null,
    },
  ],
  appointments: [],
  change: { allowed: true, reason: null },
}

describe("order test-method client", () => {
  it("reads each kit's method and whether it may change, as the member, never cached", async () => {
    const { fetch, calls } = recordingFetch({ body: { test_methods: methods } })
    expect(await client(fetch).get("tok", "order/1")).toEqual(methods)
    expect(calls[0].url).toBe("http://shop/store/orders/order%2F1/test-method")
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")
    expect(calls[0].init?.cacheHint).toBe("no-store")
  })

  it("asks for on-site collection with only the site, day and slot", async () => {
    const answer = {
      order_id: "order_1",
      line_item_id: "ordli_1",
      method: "on_site",
      collection: {
        site_id: "site-1",
        site_name: "岳阳楼区采集点",
        date: "2026-12-10",
        slot: "09:00-10:00",
      },
      appointment: {
        id: "appt_1",
        site_name: "岳阳楼区采集点",
        date: "2026-12-10",
        slot: "09:00-10:00",
      },
    }
    const { fetch, calls } = recordingFetch({ body: { test_method: answer } })
    const result = await client(fetch).change("tok", "order_1", {
      line_item_id: "ordli_1",
      method: "on_site",
      collection: {
        site_id: "site-1",
        date: "2026-12-10",
        slot: "09:00-10:00",
        // A picker's extra fields stay out of the request (commerce refuses unknown keys).
        ...({ remaining: 2 } as object),
      },
    })
    expect(result).toEqual(answer)
    expect(calls[0].url).toBe("http://shop/store/orders/order_1/test-method")
    expect(calls[0].init?.method).toBe("POST")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({
      line_item_id: "ordli_1",
      method: "on_site",
      collection: { site_id: "site-1", date: "2026-12-10", slot: "09:00-10:00" },
    })
  })

  it("asks for a mailed kit without a collection", async () => {
    const { fetch, calls } = recordingFetch({ body: { test_method: { method: "mail_in" } } })
    await client(fetch).change("tok", "order_1", { line_item_id: "ordli_1", method: "mail_in" })
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({
      line_item_id: "ordli_1",
      method: "mail_in",
    })
  })

  it("passes commerce's zh-CN refusal on: a full slot is a 409", async () => {
    const { fetch } = recordingFetch({
      status: 409,
      body: { type: "conflict", message: "12月10日 周四 09:00-10:00 已约满，请选择其他时段或日期" },
    })
    await expect(
      client(fetch).change("tok", "order_1", {
        line_item_id: "ordli_1",
        method: "on_site",
        collection: { site_id: "site-1", date: "2026-12-10", slot: "09:00-10:00" },
      })
    ).rejects.toMatchObject({
      status: 409,
      message: "12月10日 周四 09:00-10:00 已约满，请选择其他时段或日期",
    })
  })
})
