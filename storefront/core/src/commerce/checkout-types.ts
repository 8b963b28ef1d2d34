import type { CollectionAppointmentChoice, TestMethod } from "@health/contracts"
import type { Money } from "./types"

/** One gene-test line of the cart and the method the shopper picked for it. */
export type LineTestInput = {
  line: { id: string; quantity: number; title: string }
  method: TestMethod
  /** For 采集点现场采集: the site and slot picked, or why there is none. */
  collection?: { choice: CollectionAppointmentChoice } | { problem: string }
}

export type Address = {
  first_name: string
  last_name: string
  phone: string
  province: string
  city: string
  address_1: string
  address_2?: string
  postal_code?: string
  country_code: "cn"
}

export type ShippingOption = {
  id: string
  name: string
  amount: Money
  /** `code` tells 采集点现场采集 (`on-site-collection`) from mail-in. */
  type?: { code?: string | null } | null
}

export type PaymentProvider = { id: string }

export type WechatChannel = "native" | "h5" | "jsapi"

/** What the WeChat Pay provider returns for a session: one of these, by channel. */
export type WechatPaymentData = {
  channel: WechatChannel
  out_trade_no: string
  code_url?: string
  h5_url?: string
  time_expire?: string
  /** JSAPI: the complete wx.requestPayment parameter set. */
  request_payment?: Record<string, string>
}

export type CompletedCart =
  | {
      type: "order"
      order: { id: string; display_id: number; total: Money }
      /** Opens the order to its buyer without an account (`checkout.order`). */
      order_access_token?: string
    }
  | { type: "cart"; error?: { message?: string } }

export type PlacedOrder = {
  id: string
  customer_id?: string | null
  display_id: number
  email: string
  total: Money
  item_total: Money
  shipping_total: Money
  /** What the member's balance paid (余额抵扣). */
  credit_line_total?: Money
  status: string
  payment_status: string
  fulfillment_status?: string
  created_at: string
  items: {
    id: string
    title: string
    quantity: number
    total: Money
    /** The line's test method chosen at checkout (see appointments/test-method). */
    metadata?: Record<string, unknown> | null
  }[]
  shipping_address: Address | null
}
