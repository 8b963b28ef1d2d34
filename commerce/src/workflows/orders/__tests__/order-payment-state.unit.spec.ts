import { offlineOrderExpiryHours } from "../expire-unpaid-offline-orders"
import { awaitsOfflinePayment, paymentStateOf } from "../order-payment-state"

const offline = (payment: object = {}) => ({
  id: "order_1",
  status: "pending",
  payment_collections: [{ payments: [{ provider_id: "pp_system_default", ...payment }] }],
})

describe("paymentStateOf", () => {
  it("says an offline order waits for finance until its payment is captured", () => {
    const unpaid = paymentStateOf(offline())
    expect(unpaid).toEqual({ payment_status: "authorized", payment_offline: true })
    expect(awaitsOfflinePayment(unpaid)).toBe(true)
    const paid = paymentStateOf(offline({ captured_at: "2026-12-01T00:00:00Z" }))
    expect(paid).toEqual({ payment_status: "captured", payment_offline: true })
    expect(awaitsOfflinePayment(paid)).toBe(false)
  })

  it("never holds back an order paid online, a cancelled order or one without payments", () => {
    const wechat = paymentStateOf({
      id: "order_2",
      status: "pending",
      payment_collections: [{ payments: [{ provider_id: "pp_wechatpay_wechatpay" }] }],
    })
    expect(wechat).toEqual({ payment_status: "authorized", payment_offline: false })
    expect(awaitsOfflinePayment(wechat)).toBe(false)
    expect(awaitsOfflinePayment(paymentStateOf({ ...offline(), status: "canceled" }))).toBe(false)
    expect(paymentStateOf({ id: "order_3", payment_collections: [] })).toEqual({
      payment_status: "not_paid",
      payment_offline: false,
    })
    expect(awaitsOfflinePayment(undefined)).toBe(false)
  })

  it("ignores a cancelled offline payment", () => {
    const state = paymentStateOf(offline({ canceled_at: "2026-12-01T00:00:00Z" }))
    expect(state).toEqual({ payment_status: "not_paid", payment_offline: false })
  })
})

describe("offlineOrderExpiryHours", () => {
  const saved = process.env.OFFLINE_ORDER_EXPIRY_HOURS
  afterEach(() => {
    if (saved === undefined) delete process.env.OFFLINE_ORDER_EXPIRY_HOURS
    else process.env.OFFLINE_ORDER_EXPIRY_HOURS = saved
  })

  it("is 72 hours unless set to a positive number", () => {
    delete process.env.OFFLINE_ORDER_EXPIRY_HOURS
    expect(offlineOrderExpiryHours()).toBe(72)
    process.env.OFFLINE_ORDER_EXPIRY_HOURS = "48"
    expect(offlineOrderExpiryHours()).toBe(48)
    for (const bad of ["", "0", "-5", "soon"]) {
      process.env.OFFLINE_ORDER_EXPIRY_HOURS = bad
      expect(offlineOrderExpiryHours()).toBe(72)
    }
  })
})
