import { createOrderBusinessClient } from "../commerce/order-business-client"
import type { FetchLike } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const client = (fetch: FetchLike) =>
  createOrderBusinessClient({ baseUrl: "http://shop/", publishableKey: "pk", fetch })
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>

describe("order business client", () => {
  it("lists the member's orders by state and usage, never cached", async () => {
    const { fetch, calls } = recordingFetch({
      body: { orders: [], count: 0, limit: 20, offset: 0 },
    })
    await client(fetch).list("tok", { state: "paid", usage: "unused" })
    expect(calls[0].url).toBe(
      "http://shop/store/customers/me/orders?state=paid&usage=unused&limit=20&offset=0"
    )
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")
    expect(calls[0].init?.cacheHint).toBe("no-store")
  })

  it("sends a new address with the name split surname first, district and street apart", async () => {
    const { fetch, calls } = recordingFetch({ body: { order: { id: "order_1" } } })
    await client(fetch).changeShippingAddress("tok", "order_1", {
      name: "李小红",
      phone: "13900002222",
      province: "湖南省",
      city: "岳阳市",
      district: "岳阳楼区",
      street: "南湖大道 6 号",
    })
    expect(calls[0].url).toBe("http://shop/store/orders/order_1/shipping-address")
    expect(calls[0].init?.method).toBe("POST")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({
      first_name: "小红",
      last_name: "李",
      phone: "13900002222",
      province: "湖南省",
      city: "岳阳市",
      district: "岳阳楼区",
      street: "南湖大道 6 号",
    })
  })

  it("passes commerce's refusal on: the zh-CN reason an order can no longer change", async () => {
    const { fetch } = recordingFetch({
      status: 409,
      body: { type: "conflict", message: "检测盒已寄出，订单不能再修改；如需帮助请联系客服" },
    })
    await expect(client(fetch).cancel("tok", "order_1")).rejects.toMatchObject({
      status: 409,
      message: "检测盒已寄出，订单不能再修改；如需帮助请联系客服",
    })
  })
})
