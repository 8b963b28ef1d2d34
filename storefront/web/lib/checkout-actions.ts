"use server"

import {
  ApiError,
  isGeneTestLine,
  normalizeShareCode,
  parseCnMobile,
  PAYMENT_PROVIDER_IDS,
  toMedusaAddress,
  type Address,
} from "@health/core"
import { CHECKOUT_PROBLEMS, emailProblem } from "@health/core/commerce/checkout-problems"
import {
  OFFLINE_PAYMENT_REFUSAL,
  offersOfflinePayment,
} from "@health/core/commerce/offline-payment"
import { storeCreditFen } from "@health/core/commerce/store-credit"
import { cookies, headers } from "next/headers"
import { redirect } from "next/navigation"
import { readAddressForm } from "./address-form"
import { checkout, cms, optional } from "./backends"
import { clearCartId, readCartId } from "./cart-cookie"
import { currentCart } from "./current-cart"
import { lineChoicesFromForm, lineFields } from "./collection-appointment"
import { h5CashierUrl, paymentPlaceFor } from "./payment-channel"
import { REFERRAL_COOKIE } from "./referral-cookie"
import { readToken } from "./session"
import { OPENID_COOKIE, officialAccountFromEnv } from "./wechat-official-account"
import { PAYMENT_COOKIE, type OpenPayment } from "@/app/checkout/pay/payment-cookie"

export type CheckoutState = { error?: string; fields?: Record<string, string> } | undefined

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

function readAddress(form: FormData): { address?: Address; problem?: string } {
  const read = readAddressForm(form, "address")
  if (read.problem !== undefined) return { problem: read.problem }
  const address = toMedusaAddress({ ...read.address, is_default: undefined })
  return {
    address: {
      ...address,
      // A one-character name is both (Medusa wants a first name).
      first_name: address.first_name || address.last_name,
      // Medusa has no district field; the address book keeps it in address_2 too.
      address_2: address.address_2 || undefined,
      postal_code: text(form, "postal_code") || undefined,
      country_code: "cn",
    },
  }
}

/**
 * Only a name and a phone when every line is sampled at a collection site (nothing is
 * posted); the appointment is made in that name.
 */
function readContact(form: FormData): { address?: Address; problem?: string } {
  const name = text(form, "name")
  const phone = parseCnMobile(text(form, "phone"))
  if (!name) return { problem: "请填写联系人姓名" }
  if (!phone) return { problem: "请填写正确的手机号" }
  const address = toMedusaAddress({
    name,
    phone,
    province: "",
    city: "",
    district: "",
    street: "",
    is_default: undefined,
  })
  return {
    address: {
      ...address,
      first_name: address.first_name || address.last_name,
      address_2: undefined,
      country_code: "cn",
    },
  }
}

/** The cities of the collection sites chosen for 现场采集 (a 岳阳 site allows 线下支付). */
async function chosenSiteCities(siteIds: string[]): Promise<string[]> {
  if (!siteIds.length) return []
  const sites = await optional(() => cms.listCollectionSites(), [])
  return sites.filter((site) => siteIds.includes(site.documentId)).map((site) => site.city ?? "")
}

/**
 * The whole checkout in one call to commerce (POST /store/carts/:id/checkout), which answers
 * the payment's next step: an order placed at once (balance paid all, offline) opens its
 * page; WeChat H5 goes to WeChat's cashier, which returns to the waiting page; a QR code, a
 * cashier form or WeChat JSAPI is shown on the pay page, which then polls the outcome.
 */
export async function placeOrder(_state: CheckoutState, form: FormData): Promise<CheckoutState> {
  const cartId = await readCartId()
  const cart = cartId ? await currentCart() : null
  if (!cartId || !cart) return { error: "购物车已失效，请重新选购" }
  // Each gene-test line gets its own 采样方式 (the form's fields are named by line id).
  const geneTests = cart.items.filter(isGeneTestLine).map((item) => ({
    id: item.id,
    quantity: item.quantity,
    title: item.product_title ?? item.title,
  }))
  const fields = Object.fromEntries(
    [
      "email",
      "name",
      "phone",
      "province",
      "city",
      "district",
      "address",
      "postal_code",
      "payment",
      "consent",
      "use_credit",
      "credit_amount",
      ...geneTests.flatMap((line) => Object.values(lineFields(line.id))),
    ].map((k) => [k, text(form, k)])
  )
  const email = text(form, "email")
  const wrongEmail = emailProblem(email)
  if (wrongEmail) return { error: wrongEmail, fields }
  const token = await readToken()
  const lines = lineChoicesFromForm(form, geneTests, !!token)
  const mailed = !lines.length || lines.some((line) => line.method === "mail_in")
  const { address, problem } = mailed ? readAddress(form) : readContact(form)
  if (!address) return { error: problem, fields }
  if (!form.get("consent")) return { error: CHECKOUT_PROBLEMS.consent, fields }
  for (const line of lines) {
    if (line.collection && "problem" in line.collection) {
      return { error: `「${line.line.title}」${line.collection.problem}`, fields }
    }
  }

  const providerId = text(form, "payment") || PAYMENT_PROVIDER_IDS.wechatpay
  const offline = providerId === PAYMENT_PROVIDER_IDS.offline
  const siteIds = lines.flatMap((line) =>
    line.collection && "choice" in line.collection ? [line.collection.choice.site_id] : []
  )
  const cities = offline ? await chosenSiteCities(siteIds) : []
  if (
    offline &&
    !offersOfflinePayment(address.city) &&
    !cities.some((city) => offersOfflinePayment(null, city))
  ) {
    return { error: OFFLINE_PAYMENT_REFUSAL, fields }
  }

  // Only members have a balance; what they typed is checked before anything is sent.
  const credit = token
    ? storeCreditFen(form.get("use_credit") === "yes", text(form, "credit_amount"))
    : { fen: 0 }
  if ("problem" in credit) return { error: credit.problem, fields }
  const h = await headers()
  const jar = await cookies()
  // JSAPI only with the payer's openid from the official account's OAuth (see the checkout page).
  const openid = officialAccountFromEnv() ? jar.get(OPENID_COOKIE)?.value : undefined
  const referral = normalizeShareCode(jar.get(REFERRAL_COOKIE)?.value)
  let answer: Awaited<ReturnType<typeof checkout.checkout>>
  try {
    answer = await checkout.checkout(
      cartId,
      {
        email,
        address,
        lines: lines.map(({ line, method, collection }) => ({
          line_id: line.id,
          method,
          ...(collection &&
            "choice" in collection && {
              collection: {
                site_id: collection.choice.site_id,
                date: collection.choice.date,
                slot: collection.choice.slot,
              },
            }),
        })),
        store_credit_fen: credit.fen,
        // The share code the visitor arrived with goes with the cart; commerce binds it at a first order.
        ...(referral && { referral_code: referral }),
        payment: {
          provider_id: providerId,
          channel: paymentPlaceFor(h.get("user-agent") ?? ""),
          ...(openid && { openid }),
        },
      },
      token
    )
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return { error: error.message, fields }
    console.error("[checkout]", error)
    return { error: "网络繁忙，请稍后重试", fields }
  }
  if ("refused" in answer) return { error: answer.refused.message, fields }
  if (answer.order) {
    await clearCartId()
    // A guest's order opens only with the token its checkout answered.
    const orderToken = answer.order_access_token
      ? `?token=${encodeURIComponent(answer.order_access_token)}`
      : ""
    redirect(`/checkout/done/${answer.order.id}${orderToken}`)
  }
  const open: OpenPayment = {
    cart_id: cartId,
    provider_id: providerId,
    amount_fen: answer.amount_fen,
    action: answer.payment_action,
  }
  jar.set(PAYMENT_COOKIE, JSON.stringify(open), {
    httpOnly: true,
    sameSite: "lax",
    path: "/checkout",
    maxAge: 60 * 60,
  })
  const action = answer.payment_action
  if (action.kind === "redirect") {
    redirect(
      providerId === PAYMENT_PROVIDER_IDS.wechatpay ? h5CashierUrl(action.url, cartId) : action.url
    )
  }
  redirect(`/checkout/pay?cart=${cartId}`)
}
