import { createHash } from "crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  LINE_COLLECTION_KEY,
  paymentMethodsFor,
  PAYMENT_PROVIDER_IDS,
  TEST_METHOD_KEY,
  WECHATPAY_CHANNEL_BY_PLACE,
  type CheckoutProblem,
} from "@health/contracts"
import {
  collectionGroups,
  slotClash,
  type LineTestMethod,
} from "../../modules/appointment/rules/line-test-method"
import { cmsReader } from "../../lib/cms/cms-reader"
import { collectionRefusal } from "../appointments/collection-refusal"
import type { CheckoutInput, CheckoutPlanning } from "./checkout-input"
import { CHECKOUT_MESSAGES as M } from "./checkout-messages"

type CartRow = {
  id: string
  completed_at?: string | Date | null
  customer_id?: string | null
  customer?: { has_account?: boolean | null } | null
  items?: ({
    id: string
    title?: string | null
    product_title?: string | null
    quantity: number | string
    product_id?: string | null
  } | null)[]
  region?: { payment_providers?: ({ id: string; is_enabled?: boolean } | null)[] | null } | null
}

const inYueyang = (city: string | null | undefined) => /岳阳/.test(city ?? "")

/** The same request from the same caller gives the same fingerprint, whatever its key order. */
export function fingerprintOf(input: CheckoutInput): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, canonical((value as Record<string, unknown>)[k])])
          )
        : value
  const { client_ip: _ip, ...rest } = input
  return createHash("sha256")
    .update(JSON.stringify(canonical(rest)))
    .digest("hex")
    .slice(0, 32)
}

/**
 * Reads the cart and checks the whole checkout before anything is written: every gene-test
 * line has a method (on-site ones a member, a known site and a slot with a place; one site
 * per slot), a mailed kit has an address, store credit is a member's, and the payment method
 * is allowed here (see paymentMethodsFor: the place, the region's providers, the 岳阳 rule).
 * Answers every problem found, each on its field, or the plan the workflow carries out.
 */
export async function planCheckout(
  container: MedusaContainer,
  input: CheckoutInput
): Promise<CheckoutPlanning> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "completed_at",
      "customer_id",
      "customer.has_account",
      "items.id",
      "items.title",
      "items.product_title",
      "items.quantity",
      "items.product_id",
      "region.payment_providers.id",
      "region.payment_providers.is_enabled",
    ],
    filters: { id: input.cart_id },
  })
  const cart = data[0] as CartRow | undefined
  if (!cart) return { problems: [{ field: "cart", message: M.cartGone }] }
  const problems: CheckoutProblem[] = []
  const problem = (field: string, message: string) => problems.push({ field, message })
  const items = (cart.items ?? []).filter((item) => !!item) as NonNullable<
    NonNullable<CartRow["items"]>[number]
  >[]
  if (!items.length) return { problems: [{ field: "cart", message: M.emptyCart }] }
  // The caller becomes the cart's holder in the workflow (a member's own cart, or one claimed).
  const member = !!input.customer_id

  const productIds = [...new Set(items.map((i) => i.product_id).filter(Boolean))] as string[]
  const { data: products } = productIds.length
    ? await query.graph({
        entity: "product",
        fields: ["id", "metadata"],
        filters: { id: productIds },
      })
    : { data: [] }
  const geneTestProducts = new Set(
    products
      .filter((p) => (p.metadata as Record<string, unknown> | null)?.kind === "gene_test")
      .map((p) => p.id)
  )
  const title = (item: (typeof items)[number]) => item.product_title ?? item.title ?? "基因检测"
  const geneTests = items.filter((i) => i.product_id && geneTestProducts.has(i.product_id))

  const chosen: LineTestMethod[] = []
  const seen = new Set<string>()
  input.lines.forEach((line, i) => {
    const item = items.find((candidate) => candidate.id === line.line_id)
    if (!item) return problem(`lines.${i}.line_id`, M.lineUnknown)
    if (seen.has(item.id)) return problem(`lines.${i}.line_id`, M.lineTwice(title(item)))
    seen.add(item.id)
    if (!geneTests.includes(item)) return problem(`lines.${i}.method`, M.lineNoMethod(title(item)))
    if (line.method === "on_site") {
      if (!member) return problem(`lines.${i}.method`, M.onSiteNeedsMember)
      if (!line.collection) return problem(`lines.${i}.collection`, M.pickSite(title(item)))
    }
    chosen.push({
      line_item_id: item.id,
      title: title(item),
      quantity: Number(item.quantity),
      method: line.method,
      ...(line.method === "on_site" && line.collection && { choice: { ...line.collection } }),
    })
  })
  for (const item of geneTests) {
    if (!seen.has(item.id)) problem("lines", M.lineMissing(title(item)))
  }

  const groups = collectionGroups(chosen)
  const clash = slotClash(groups)
  if (clash) problem("lines", clash)
  const sites = new Map<string, { name?: string | null; city?: string | null } | null>()
  for (const group of groups) {
    const refusal = await collectionRefusal(container, group)
    if (refusal) problem("lines", refusal)
    const siteId = group.choice.site_id
    if (!sites.has(siteId)) {
      sites.set(siteId, await cmsReader.collectionSite(siteId).catch(() => null))
    }
  }

  const mailed = !geneTests.length || chosen.some((line) => line.method === "mail_in")
  const { address } = input
  if (mailed) {
    if (!address.province) problem("address.province", M.addressProvince)
    if (!address.city) problem("address.city", M.addressCity)
    if (Array.from(address.address_1).length < 4) problem("address.address_1", M.addressStreet)
  }

  if (input.store_credit_fen > 0 && !member) problem("store_credit_fen", M.creditNeedsMember)

  const registered = (cart.region?.payment_providers ?? [])
    .filter((p) => p && p.is_enabled !== false)
    .map((p) => p!.id)
  const offlineAllowed =
    inYueyang(address.city) || [...sites.values()].some((site) => inYueyang(site?.city))
  const { provider_id, channel } = input.payment
  const offer = paymentMethodsFor({ channel, registered, offlineAllowed }).find(
    (o) => o.provider_id === provider_id
  )
  if (!offer) problem("payment.provider_id", M.providerUnknown)
  else if (!offer.offered) problem("payment.provider_id", offer.reason)
  // WeChat's browser without the payer's openid (no official account): the Native QR code,
  // which WeChat opens with a long press. The mini-program always has it from its login.
  const wechatChannel =
    channel === "wechat_browser" && !input.payment.openid
      ? "native"
      : WECHATPAY_CHANNEL_BY_PLACE[channel]
  if (provider_id === PAYMENT_PROVIDER_IDS.wechatpay && wechatChannel === "jsapi") {
    if (!input.payment.openid) problem("payment.openid", M.openidNeeded)
  }
  if (problems.length) return { problems }

  // Line ids grow with time: the plan lists lines in cart order whatever the request's order.
  const lines = chosen
    .sort((a, b) => (a.line_item_id < b.line_item_id ? -1 : 1))
    .map((line) => {
      const site = line.choice ? sites.get(line.choice.site_id) : null
      return {
        id: line.line_item_id,
        metadata: {
          [TEST_METHOD_KEY]: line.method,
          [LINE_COLLECTION_KEY]: line.choice
            ? { ...line.choice, site_name: site?.name ?? null }
            : "",
        },
      }
    })
  const session_data: Record<string, unknown> =
    provider_id === PAYMENT_PROVIDER_IDS.wechatpay
      ? {
          channel: wechatChannel,
          place: channel,
          client_ip: input.client_ip,
          ...(wechatChannel === "jsapi" && {
            openid: input.payment.openid,
            app: channel === "miniprogram" ? "mini_program" : "official_account",
          }),
        }
      : { channel, place: channel, client_ip: input.client_ip }
  return {
    plan: {
      cart_id: cart.id,
      customer_id: input.customer_id ?? null,
      email: input.email,
      address: { ...address, first_name: address.first_name || address.last_name },
      lines,
      mailed,
      store_credit_fen: input.store_credit_fen,
      referral_code: input.referral_code,
      provider_id,
      channel,
      client: input.client ?? null,
      session_data,
      fingerprint: fingerprintOf(input),
    },
  }
}
