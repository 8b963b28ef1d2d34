import type { PaymentAction } from "@health/core"

/**
 * The payment the checkout just opened, kept for the pay page in a short-lived cookie, so
 * showing the QR code, the cashier form or WeChat's JSAPI asks commerce nothing more.
 */
export const PAYMENT_COOKIE = "checkout_payment"

export type OpenPayment = {
  cart_id: string
  provider_id: string
  amount_fen: number
  action: PaymentAction
}

export function readOpenPayment(raw: string | undefined, cartId: string): OpenPayment | null {
  if (!raw) return null
  try {
    const payment = JSON.parse(raw) as OpenPayment
    return payment?.cart_id === cartId && payment.action?.kind ? payment : null
  } catch {
    return null
  }
}
