import type {
  CheckoutAddress,
  CheckoutProblem,
  CheckoutRequest,
  PaymentChannel,
} from "@health/contracts"

/** The validated request of `POST /store/carts/:id/checkout`, with who sent it. */
export type CheckoutInput = Omit<CheckoutRequest, "referral_code" | "payment"> & {
  cart_id: string
  referral_code: string | null
  payment: { provider_id: string; channel: PaymentChannel; openid?: string }
  /** The signed-in member, or undefined for a visitor. */
  customer_id?: string
  /** The shopper's address as the server saw it (WeChat H5 checks the payer's IP). */
  client_ip: string
  /** The client build when the channel does not tell it (the mini-program's H5 build). */
  client?: CheckoutClient
}

/** Client builds told apart beyond their payment channel (see storefront/core's checkout). */
export type CheckoutClient = "miniprogram_h5"

/** Everything the checkout workflow writes, decided (and checked) before any of it is. */
export type CheckoutPlan = {
  cart_id: string
  customer_id: string | null
  email: string
  address: CheckoutAddress
  /** The new metadata of each gene-test line (its method and, on site, its slot). */
  lines: { id: string; metadata: Record<string, unknown> }[]
  /** Whether a kit is posted (some line is mail-in, or there is no gene test). */
  mailed: boolean
  store_credit_fen: number
  referral_code: string | null
  provider_id: string
  channel: PaymentChannel
  /** The client build the order is recorded under (finance's channel), when not the channel's. */
  client: CheckoutClient | null
  /** What the provider's session is opened with. */
  session_data: Record<string, unknown>
  /** Identifies the request, so a retried identical one is answered without running again. */
  fingerprint: string
}

export type CheckoutPlanning = { plan: CheckoutPlan } | { problems: CheckoutProblem[] }
