import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createCartCreditLinesWorkflow,
  deleteCartCreditLinesWorkflow,
  refreshPaymentCollectionForCartWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { fenToYuan, toFen } from "../lib/money"
import { affiliateService } from "./steps/affiliate-service"

/** The `reference` of the cart credit lines this plugin writes. */
export const STORE_CREDIT_REFERENCE = "affiliate_store_credit"

type CreditLine = { id: string; amount: BigNumberInput; reference?: string | null }
type CartForCredit = {
  id: string
  customer_id?: string | null
  customer?: { id: string } | null
  completed_at?: Date | string | null
  total: BigNumberInput
  credit_lines?: CreditLine[] | null
}

const ours = (cart: CartForCredit) =>
  (cart.credit_lines ?? []).filter((line) => line?.reference === STORE_CREDIT_REFERENCE)

/** Fen of the member's balance a cart uses, from its credit lines. */
export function storeCreditOfCart(cart: CartForCredit): number {
  return ours(cart).reduce((sum, line) => sum + toFen(line.amount), 0)
}

type ChangeInput = { cart_id: string; customer_id: string; amount: number }

type Prepared = { affiliate_id: string | null; remove: string[] }

const prepareStoreCreditStep = createStep(
  "affiliate-prepare-store-credit",
  async (input: ChangeInput, { container }): Promise<StepResponse<Prepared>> => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "customer_id", "completed_at", "total", "credit_lines.*"],
      filters: { id: input.cart_id },
    })
    const cart = data[0] as CartForCredit | undefined
    // Someone else's cart is answered like a missing one: its id reveals nothing.
    if (!cart || cart.customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "购物车不存在")
    }
    if (cart.completed_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "订单已提交，不能再修改余额抵扣")
    }
    const current = ours(cart)
    if (input.amount > 0) {
      const payable = toFen(cart.total) + storeCreditOfCart(cart)
      if (input.amount > payable) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `抵扣金额不能超过应付金额 ¥${(payable / 100).toFixed(2)}`
        )
      }
      const service = affiliateService(container)
      const affiliate = await service.ensureAffiliate(input.customer_id)
      if (affiliate.status === "disabled") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "您的分销资格已停用，余额暂不能使用")
      }
      const { available } = await service.balancesOf(affiliate.id)
      if (input.amount > available) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `可用余额不足：当前可用 ¥${(Math.max(available, 0) / 100).toFixed(2)}`
        )
      }
      return new StepResponse({ affiliate_id: affiliate.id, remove: current.map((l) => l.id) })
    }
    return new StepResponse({ affiliate_id: null, remove: current.map((l) => l.id) })
  }
)

/**
 * Sets how much of the member's available balance pays for a cart (0 removes it). The
 * balance is only reserved when the cart is completed (see `spendCartStoreCredit`); here
 * the cart gets a credit line, so its total and payment amount drop by that much.
 */
export const setCartStoreCreditWorkflow = createWorkflow(
  "affiliate-set-cart-store-credit",
  (input: ChangeInput) => {
    acquireLockStep({ key: input.cart_id, timeout: 5, ttl: 30 })
    const prepared = prepareStoreCreditStep(input)
    deleteCartCreditLinesWorkflow.runAsStep({
      input: transform({ prepared }, ({ prepared }) => ({ id: prepared.remove })),
    })
    const lines = transform({ input, prepared }, ({ input, prepared }) =>
      input.amount > 0 && prepared.affiliate_id
        ? [
            {
              cart_id: input.cart_id,
              amount: fenToYuan(input.amount),
              reference: STORE_CREDIT_REFERENCE,
              reference_id: prepared.affiliate_id,
              // Orders copy credit lines, so a cancelled order can find its cart's spend.
              metadata: { label: "余额抵扣", cart_id: input.cart_id },
            },
          ]
        : []
    )
    createCartCreditLinesWorkflow.runAsStep({ input: lines })
    refreshPaymentCollectionForCartWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ cart_id: input.cart_id })),
    })
    releaseLockStep({ key: input.cart_id })
    return new WorkflowResponse({ cart_id: input.cart_id, amount: input.amount })
  }
)

export type StoreCreditSpend = { cart_id: string; attempt: number } | null

/**
 * For `completeCartWorkflow.hooks.validate`: spends the balance the cart's credit
 * lines use, under the member's lock, or refuses the completion if the balance no
 * longer covers it. Medusa allows one handler per hook, so the app that owns that
 * handler calls this from it (see the README), and passes the result to
 * `returnCartStoreCredit` from its compensation.
 */
export async function spendCartStoreCredit(
  container: MedusaContainer,
  cart: CartForCredit
): Promise<StoreCreditSpend> {
  // A completed cart is being completed again: its order exists and already paid.
  if (cart.completed_at) return null
  const amount = storeCreditOfCart(cart)
  if (amount <= 0) return null
  const customerId = cart.customer_id ?? cart.customer?.id
  if (!customerId) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "余额抵扣仅限登录会员使用")
  }
  const spent = await affiliateService(container).spendStoreCredit({
    customer_id: customerId,
    cart_id: cart.id,
    amount,
  })
  return spent.created ? { cart_id: cart.id, attempt: spent.attempt } : null
}

/** Compensation of `spendCartStoreCredit`: gives back only what that call spent. */
export async function returnCartStoreCredit(container: MedusaContainer, spend: StoreCreditSpend) {
  if (!spend) return
  await affiliateService(container).returnStoreCredit({
    cart_id: spend.cart_id,
    reason_key: `failed:${spend.attempt}`,
    note: "下单未成功，抵扣退回",
  })
}

const returnCanceledOrderStoreCreditStep = createStep(
  "affiliate-return-canceled-order-store-credit",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "credit_lines.*"],
      filters: { id: input.order_id },
    })
    const lines = (
      (data[0]?.credit_lines ?? []) as (CreditLine & {
        metadata?: Record<string, unknown> | null
      })[]
    ).filter((line) => line?.reference === STORE_CREDIT_REFERENCE)
    const cartIds = [...new Set(lines.map((line) => line.metadata?.cart_id).filter(Boolean))]
    let returned = 0
    for (const cartId of cartIds as string[]) {
      returned += await affiliateService(container).returnStoreCredit({
        cart_id: cartId,
        reason_key: `canceled:${input.order_id}`,
        note: "订单取消，抵扣退回",
      })
    }
    return new StepResponse({ returned })
  }
)

/** A cancelled order gives its store credit back to the member's available balance. */
export const returnCanceledOrderStoreCreditWorkflow = createWorkflow(
  "affiliate-return-canceled-order-store-credit",
  (input: { order_id: string }) => new WorkflowResponse(returnCanceledOrderStoreCreditStep(input))
)
