import type { CollectionAppointmentChoice, TestMethod } from "./checkout-metadata.js"
import type { PaymentAction, PaymentChannel } from "./payment-action.js"

/** The address checkout sends, in Medusa's fields (mainland China). */
export type CheckoutAddress = {
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

/** `POST /store/carts/:id/checkout`: the whole checkout in one request (issue #19). */
export type CheckoutRequest = {
  email: string
  address: CheckoutAddress
  /** Every gene-test line of the cart and how its sample is taken. */
  lines: {
    line_id: string
    method: TestMethod
    collection?: Pick<CollectionAppointmentChoice, "site_id" | "date" | "slot">
  }[]
  /** Fen of the member's balance to spend (0 for none; guests have none). */
  store_credit_fen: number
  referral_code?: string
  payment: {
    provider_id: string
    channel: PaymentChannel
    /** WeChat JSAPI: the payer's openid (mini-program login or official-account OAuth). */
    openid?: string
  }
}

export type CheckoutResponse = {
  cart_id: string
  payment_action: PaymentAction
  /** What is left to pay online after store credit, in fen (0 when nothing is). */
  amount_fen: number
  /** Set when the checkout placed the order itself (balance paid all, or offline payment). */
  order?: { id: string; display_id: number }
}

/** One thing to fix, on the field it concerns (paths like `lines.0.collection`). */
export type CheckoutProblem = { field: string; message: string }

/** A 4xx answer of the checkout: `message` names what to fix first, `problems` every field. */
export type CheckoutRefusal = { type: string; message: string; problems?: CheckoutProblem[] }

/** `GET /store/carts/:id/payment-status`: what became of the payment, read without side effects. */
export type CartPaymentStatus = {
  status: "waiting" | "paid" | "refunded" | "expired"
  order?: { id: string; display_id: number }
  refund?: { amount_fen: number; reason: string }
}
