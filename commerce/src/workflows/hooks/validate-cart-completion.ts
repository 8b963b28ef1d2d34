import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import {
  returnCartStoreCredit,
  spendCartStoreCredit,
  type StoreCreditSpend,
} from "@health/medusa-plugin-affiliate/workflows"
import {
  collectionGroups,
  slotClash,
  type LineTestMethod,
} from "../../modules/appointment/rules/line-test-method"
import { collectionRefusal } from "../appointments/collection-refusal"
import { testMethodsOf } from "../../modules/appointment/rules/test-methods-of"
import { cmsReader } from "../../lib/cms/cms-reader"
import {
  OFFLINE_PAYMENT_PROVIDER,
  offlinePaymentRefusal,
  paysOffline,
} from "../../lib/payments/offline-payment-rule"

type CartForCompletion = {
  items?: ({
    id: string
    title?: string | null
    product_title?: string | null
    quantity: number
    product_id?: string | null
    metadata?: Record<string, unknown> | null
  } | null)[]
  shipping_methods?: ({ shipping_option_id?: string | null } | null)[]
  shipping_address?: { city?: string | null; address_1?: string | null } | null
  metadata?: Record<string, unknown> | null
  customer?: { id?: string | null; has_account?: boolean | null } | null
  payment_collection?: {
    payment_sessions?: { provider_id: string; status?: string }[] | null
  } | null
}

/**
 * Whether money may already be taken outside the shop: a WeChat Pay session (its callback
 * completes the cart after the buyer paid). Such a cart is not refused for a slot that
 * filled up meanwhile: the order goes through and the member is asked to pick again.
 */
function paidOnline(cart: CartForCompletion): boolean {
  return (cart.payment_collection?.payment_sessions ?? []).some(
    (s) => s.provider_id !== OFFLINE_PAYMENT_PROVIDER && s.status !== "canceled"
  )
}

/**
 * The test method of every gene-test line: readable, on-site only for members, mail-in
 * lines shipped to an address, one site per slot; and, when no money
 * has moved yet, a known site and a slot with a place left.
 */
async function testMethodRefusal(
  container: MedusaContainer,
  cart: CartForCompletion,
  lines: LineTestMethod[],
  onSiteShipping: boolean
): Promise<string | null> {
  const onSite = lines.filter((line) => line.method === "on_site" && line.choice)
  const member = cart.customer?.has_account ?? false
  if (onSite.length && !member) return "现场采集需登录会员后预约时段，请先登录，或选择寄送采样盒"
  if (lines.some((line) => line.method === "mail_in")) {
    if (onSiteShipping || !cart.shipping_address?.address_1?.trim()) {
      return "寄送采样盒需要收货地址，请填写收货地址并选择快递寄送"
    }
  }
  const groups = collectionGroups(lines)
  const clash = slotClash(groups)
  if (clash) return clash
  if (paidOnline(cart)) return null
  for (const group of groups) {
    const refusal = await collectionRefusal(container, group)
    if (refusal) return refusal
  }
  return null
}

/** The cities of the collection sites chosen (a 岳阳 site allows offline payment). */
async function chosenSiteCities(lines: LineTestMethod[]): Promise<string[]> {
  const siteIds = [...new Set(lines.map((line) => line.choice?.site_id).filter(Boolean))]
  const sites = await Promise.all(
    siteIds.map((id) => cmsReader.collectionSite(id as string).catch(() => null))
  )
  return sites.map((site) => site?.city ?? "").filter(Boolean)
}

// Medusa allows one handler per hook, so every rule checked at completion lives here.
// Checked when the cart is completed, so no client can skip them by calling the API directly.
completeCartWorkflow.hooks.validate(
  async ({ cart: input }, { container }) => {
    const cart = input as unknown as CartForCompletion
    const methods = await testMethodsOf(container, {
      items: cart.items ?? [],
      shipping_option_ids: (cart.shipping_methods ?? [])
        .map((method) => method?.shipping_option_id)
        .filter(Boolean) as string[],
      metadata: cart.metadata,
    })
    const lines = "lines" in methods ? methods.lines : []
    const cities = paysOffline(cart) ? await chosenSiteCities(lines) : []
    const refusal =
      offlinePaymentRefusal(cart, cities) ??
      ("problem" in methods
        ? methods.problem
        : await testMethodRefusal(container, cart, lines, !!methods.on_site_shipping))
    if (refusal) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal)
    // Last: it spends the member's balance, which the compensation gives back.
    const spend = await spendCartStoreCredit(container, input as never)
    return new StepResponse(spend, spend)
  },
  async (spend: StoreCreditSpend | undefined, { container }) => {
    await returnCartStoreCredit(container, spend ?? null)
  }
)
