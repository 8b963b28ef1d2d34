import {
  PAYMENT_PROVIDER_IDS,
  type CartPaymentStatus,
  type CheckoutProblem,
  type CheckoutRequest,
  type CheckoutResponse,
  type CollectionAppointmentChoice,
  type PaymentAction,
} from "@health/contracts"
import { readCollectionChoice } from "../appointments/collection-choice"
import { lineTestMetadata, type LineTestChoice } from "../appointments/test-method"
import { ApiError, query } from "../http"
import type {
  Address,
  CompletedCart,
  PaymentProvider,
  PlacedOrder,
  ShippingOption,
  WechatChannel,
  WechatPaymentData,
} from "./checkout-types"
import { commerceRequester, type CommerceClientOptions } from "./request"
import type { Cart } from "./types"

const noStore = { cacheHint: "no-store" as const }
const post = (body: unknown, token?: string) => ({
  method: "POST",
  body: JSON.stringify(body),
  token,
  ...noStore,
})

export const WECHATPAY_PROVIDER_ID = "pp_wechatpay_wechatpay"
/** Bank transfer or cash at a collection site, confirmed by staff; only for 岳阳. */
export const OFFLINE_PROVIDER_ID = "pp_system_default"

/**
 * Which client build placed a checkout, when its payment channel does not tell: the
 * mini-program's H5 build pays like a phone browser (`mobile_browser`) but finance counts it
 * apart from the web shop. The weapp is told by its channel (`miniprogram`).
 */
export const CHECKOUT_CLIENT_BUILDS = ["miniprogram_h5"] as const
export type CheckoutClientBuild = (typeof CHECKOUT_CLIENT_BUILDS)[number]

/** The checkout request, with the client build that sends it (see CHECKOUT_CLIENT_BUILDS). */
export type CheckoutRequestWithClient = CheckoutRequest & { client?: CheckoutClientBuild }

/** The checkout steps of Medusa's store API, in the order a storefront takes them. */
export function createCheckoutClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  return {
    /**
     * The whole checkout in one request: commerce prepares the cart and opens the payment,
     * answering the shopper's next step (`payment_action`), and the order when it placed one
     * (balance paid all, offline payment). What the shopper must fix comes back as `refused`
     * (the first message, and every problem on its field); other refusals throw ApiError.
     */
    async checkout(
      cartId: string,
      input: CheckoutRequestWithClient,
      token?: string
    ): Promise<
      | (CheckoutResponse & { order_access_token?: string })
      | { refused: { message: string; problems: CheckoutProblem[] } }
    > {
      try {
        return await request<CheckoutResponse & { order_access_token?: string }>(
          `/store/carts/${cartId}/checkout`,
          post(input, token)
        )
      } catch (error) {
        if (error instanceof ApiError && error.status === 400) {
          const problems = (error.body as { problems?: CheckoutProblem[] } | undefined)?.problems
          return { refused: { message: error.message, problems: problems ?? [] } }
        }
        throw error
      }
    },

    /**
     * What became of the cart's payment, read without side effects (commerce completes the cart
     * on the provider's verified notification): poll it while the shopper pays.
     */
    async paymentStatus(
      cartId: string,
      token?: string
    ): Promise<CartPaymentStatus & { order_access_token?: string }> {
      return request<CartPaymentStatus & { order_access_token?: string }>(
        `/store/carts/${cartId}/payment-status`,
        { ...noStore, token }
      )
    },

    /** Gives a visitor's cart to the member who just signed in, so the order is theirs. */
    async claimCart(cartId: string, token: string): Promise<void> {
      await request(`/store/carts/${cartId}/customer`, post({}, token))
    },

    async setContactAndAddress(
      cartId: string,
      input: { email: string; address: Address },
      token?: string
    ): Promise<Cart> {
      const { cart } = await request<{ cart: Cart }>(
        `/store/carts/${cartId}`,
        post(
          { email: input.email, shipping_address: input.address, billing_address: input.address },
          token
        )
      )
      return cart
    },

    /** A member's cart is theirs alone: its options need the member's token too. */
    async shippingOptions(cartId: string, token?: string): Promise<ShippingOption[]> {
      const { shipping_options } = await request<{ shipping_options: ShippingOption[] }>(
        `/store/shipping-options${query({ cart_id: cartId, fields: "+type.code" })}`,
        { ...noStore, token }
      )
      return shipping_options
    },

    /**
     * Keeps a line's test method (and, for on-site collection, its site and slot) on the
     * cart line; Medusa copies it onto the order line, where commerce reads it.
     */
    async setLineTestChoice(
      cartId: string,
      line: { id: string; quantity: number },
      choice: LineTestChoice,
      token?: string
    ): Promise<void> {
      await request(
        `/store/carts/${cartId}/line-items/${line.id}`,
        post({ quantity: line.quantity, metadata: lineTestMetadata(choice) }, token)
      )
    },

    /** Merges keys into the cart's metadata (Medusa merges; an empty string deletes a key). */
    async setCartMetadata(
      cartId: string,
      metadata: Record<string, unknown>,
      token?: string
    ): Promise<void> {
      await request(`/store/carts/${cartId}`, post({ metadata }, token))
    },

    async chooseShipping(cartId: string, optionId: string, token?: string): Promise<void> {
      await request(`/store/carts/${cartId}/shipping-methods`, post({ option_id: optionId }, token))
    },

    /**
     * Pays `amount` yuan of the cart from the member's affiliate balance (0 removes it).
     * Answers the cart's new totals; the balance itself is spent when the cart completes.
     */
    async setStoreCredit(
      cartId: string,
      amount: number,
      token: string
    ): Promise<{ total: number; credit_line_total: number }> {
      const { cart } = await request<{ cart: { total: number; credit_line_total: number } }>(
        `/store/carts/${cartId}/store-credit`,
        post({ amount }, token)
      )
      return { total: Number(cart.total), credit_line_total: Number(cart.credit_line_total ?? 0) }
    },

    async paymentProviders(regionId: string): Promise<PaymentProvider[]> {
      const { payment_providers } = await request<{ payment_providers: PaymentProvider[] }>(
        `/store/payment-providers${query({ region_id: regionId })}`,
        noStore
      )
      return payment_providers
    },

    /** Opens a payment session with `providerId` and returns the session's data. */
    async startPayment<T = Record<string, unknown>>(
      cartId: string,
      providerId: string,
      data: Record<string, string> = {},
      token?: string
    ): Promise<T> {
      const { payment_collection } = await request<{ payment_collection: { id: string } }>(
        "/store/payment-collections",
        post({ cart_id: cartId }, token)
      )
      const { payment_collection: withSession } = await request<{
        payment_collection: { payment_sessions: { provider_id: string; data: T }[] }
      }>(
        `/store/payment-collections/${payment_collection.id}/payment-sessions`,
        post({ provider_id: providerId, data }, token)
      )
      const session = withSession.payment_sessions.find((s) => s.provider_id === providerId)
      if (!session) throw new Error("支付会话创建失败")
      return session.data
    },

    /** Opens a WeChat Pay session for the cart and returns what the channel needs. */
    async startWechatPayment(
      cartId: string,
      channel: WechatChannel,
      extra: Record<string, string> = {},
      token?: string
    ): Promise<WechatPaymentData> {
      return this.startPayment<WechatPaymentData>(
        cartId,
        WECHATPAY_PROVIDER_ID,
        { channel, ...extra },
        token
      )
    },

    /** The cart's open WeChat Pay session, to show its QR code again or resume H5. */
    async wechatSession(
      cartId: string,
      token?: string
    ): Promise<{
      cart: Cart & {
        completed_at?: string | null
        email?: string | null
        metadata?: Record<string, unknown> | null
      }
      payment: WechatPaymentData | null
    }> {
      const { cart } = await request<{
        cart: Cart & {
          completed_at?: string | null
          email?: string | null
          metadata?: Record<string, unknown> | null
          payment_collection?: {
            payment_sessions?: { provider_id: string; data: WechatPaymentData }[]
          } | null
        }
      }>(
        `/store/carts/${cartId}${query({
          fields:
            "*items,+total,+item_subtotal,+shipping_total,completed_at,email,metadata,*payment_collection.payment_sessions",
        })}`,
        { ...noStore, token }
      )
      const session = cart.payment_collection?.payment_sessions?.find(
        (s) => s.provider_id === WECHATPAY_PROVIDER_ID
      )
      return { cart, payment: session?.data ?? null }
    },

    /**
     * The cart's open online payment (WeChat Pay, 支付宝 or 银联) and its next step as the
     * provider wrote it (QR code, cashier form, cashier address), to show it again.
     */
    async openPayment(
      cartId: string,
      token?: string
    ): Promise<{
      cart: Cart
      provider_id: string
      payment_action: PaymentAction | null
    } | null> {
      const { cart } = await request<{
        cart: Cart & {
          payment_collection?: {
            payment_sessions?: {
              provider_id: string
              status?: string
              data?: { payment_action?: PaymentAction } | null
            }[]
          } | null
        }
      }>(
        `/store/carts/${cartId}${query({
          fields: "+total,*payment_collection.payment_sessions",
        })}`,
        { ...noStore, token }
      )
      const online: string[] = [
        PAYMENT_PROVIDER_IDS.wechatpay,
        PAYMENT_PROVIDER_IDS.alipay,
        PAYMENT_PROVIDER_IDS.unionpay,
      ]
      const session = cart.payment_collection?.payment_sessions?.find(
        (s) => online.includes(s.provider_id) && s.status !== "canceled"
      )
      if (!session) return null
      return {
        cart,
        provider_id: session.provider_id,
        payment_action: session.data?.payment_action ?? null,
      }
    },

    /**
     * Turns a paid cart into an order. Safe to call repeatedly: unpaid carts answer
     * `type: "cart"`, completed ones give back their order, with `order_access_token`,
     * which lets a guest read the order afterwards (see `order`).
     */
    async complete(cartId: string, token?: string): Promise<CompletedCart> {
      return request<CompletedCart>(`/store/carts/${cartId}/complete`, post({}, token))
    },

    /**
     * A placed order: a member's with their token, a guest's with the `order_access_token`
     * its checkout answered (commerce shows an order to nobody else).
     */
    async order(orderId: string, token?: string, accessToken?: string): Promise<PlacedOrder> {
      const { order } = await request<{ order: PlacedOrder }>(
        `/store/orders/${orderId}${query({ fields: "*items,*shipping_address,+customer_id,+status,+total,+item_total,+shipping_total,+credit_line_total" })}`,
        {
          token,
          ...noStore,
          ...(accessToken ? { headers: { "x-order-token": accessToken } } : {}),
        }
      )
      return order
    },

    /**
     * The collection slot chosen at checkout for a member's order, or null. Medusa's order
     * page leaves metadata out; the member's order list has it.
     */
    async orderCollectionChoice(
      orderId: string,
      token: string
    ): Promise<CollectionAppointmentChoice | null> {
      const { orders } = await request<{ orders: { metadata?: Record<string, unknown> | null }[] }>(
        `/store/orders${query({ id: orderId, fields: "id,metadata" })}`,
        { token, ...noStore }
      )
      return readCollectionChoice(orders[0]?.metadata)
    },
  }
}

export type CheckoutClient = ReturnType<typeof createCheckoutClient>
