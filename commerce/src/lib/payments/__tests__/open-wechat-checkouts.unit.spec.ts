import { openWechatCheckouts, type CartWithSessions } from "../open-wechat-checkouts"

const now = new Date("2026-12-02T06:00:00Z")
const cart = (
  id: string,
  session: Partial<{ provider_id: string; status: string; time_expire: string }>,
  completed_at: string | null = null
): CartWithSessions => ({
  id,
  completed_at,
  items: [{ title: "标准版 / 单人装", product_title: "运动基因检测" }, { title: "礼盒" }],
  payment_collection: {
    payment_sessions: [
      { provider_id: "pp_system_default", status: "pending", amount: 1, data: {} },
      {
        provider_id: session.provider_id ?? "pp_wechatpay_wechatpay",
        status: session.status ?? "pending",
        amount: { valueOf: () => "699.5" },
        data: { time_expire: session.time_expire ?? "2026-12-02T14:20:00+08:00" },
      },
    ],
  },
})

describe("openWechatCheckouts", () => {
  it("keeps carts whose WeChat payment is pending and not expired, with the amount in yuan", () => {
    expect(openWechatCheckouts([cart("cart_open", {})], now)).toEqual([
      {
        cart_id: "cart_open",
        amount: 699.5,
        titles: ["运动基因检测", "礼盒"],
        time_expire: "2026-12-02T14:20:00+08:00",
      },
    ])
  })

  it("leaves out expired, completed, authorized and non-WeChat checkouts", () => {
    const carts = [
      cart("cart_expired", { time_expire: "2026-12-02T13:59:59+08:00" }),
      cart("cart_done", {}, "2026-12-02T05:00:00Z"),
      cart("cart_authorized", { status: "authorized" }),
      cart("cart_other", { provider_id: "pp_system_default" }),
      cart("cart_no_expiry", { time_expire: "" }),
      { id: "cart_empty", payment_collection: null },
    ]
    expect(openWechatCheckouts(carts, now)).toEqual([])
  })
})
