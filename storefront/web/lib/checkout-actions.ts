"use server"

import {
  ApiError,
  isGeneTestLine,
  normalizeShareCode,
  parseCnMobile,
  toMedusaAddress,
  type Address,
} from "@health/core"
import { prepareCartForPayment, placeUnpaidOrder } from "@health/core/commerce/checkout-steps"
import { CHECKOUT_PROBLEMS, emailProblem } from "@health/core/commerce/checkout-problems"
import {
  OFFLINE_PAYMENT_REFUSAL,
  offersOfflinePayment,
} from "@health/core/commerce/offline-payment"
import { storeCreditFen } from "@health/core/commerce/store-credit"
import { cookies, headers } from "next/headers"
import { redirect } from "next/navigation"
import { readAddressForm } from "./address-form"
import { appointments, checkout, cms, optional } from "./backends"
import { clearCartId, readCartId } from "./cart-cookie"
import { currentCart } from "./current-cart"
import { lineChoicesFromForm, lineFields } from "./collection-appointment"
import { h5CashierUrl, paymentChannelFor } from "./payment-channel"
import { bindPendingReferral } from "./referral"
import { REFERRAL_COOKIE } from "./referral-cookie"
import { readToken } from "./session"
import { shopperAddress } from "./shopper-address"
import { OPENID_COOKIE, officialAccountFromEnv } from "./wechat-official-account"

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
 * Saves contact and address, picks the delivery, and opens a WeChat Pay session:
 * H5 goes straight to WeChat's page, which returns to the waiting page; PC shows a QR code.
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

  const offline = form.get("payment") === "offline"
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
  // JSAPI only with the payer's openid from the official account's OAuth (see the checkout page).
  const openid = officialAccountFromEnv() ? (await cookies()).get(OPENID_COOKIE)?.value : undefined
  const channel = paymentChannelFor(h.get("user-agent") ?? "", { officialAccount: !!openid })
  let h5Url: string | undefined
  let placedOrderId: string | undefined
  let placedOrderToken: string | undefined
  try {
    // Read first: binding below clears the cookie.
    const referral = normalizeShareCode((await cookies()).get(REFERRAL_COOKIE)?.value)
    if (token) {
      await checkout.claimCart(cartId, token)
      // A member who arrived through a share link after signing up binds with the first order.
      await bindPendingReferral(token)
    }
    // The share code the visitor arrived with goes with the cart; commerce binds it at a first order.
    if (referral) await checkout.setCartMetadata(cartId, { referral_code: referral }, token)
    const prepared = await prepareCartForPayment(
      { checkout, appointments },
      cartId,
      {
        email,
        address,
        lines,
        creditFen: credit.fen,
      },
      token
    )
    if ("problem" in prepared) return { error: prepared.problem, fields }
    if (prepared.total === 0 || offline) {
      // The balance pays for everything (no payment step at all), or staff confirm the
      // transfer or the cash later; the order exists now.
      const placed = await placeUnpaidOrder(
        checkout,
        cartId,
        { offline: prepared.total !== 0 },
        token
      )
      if ("problem" in placed) return { error: placed.problem, fields }
      placedOrderId = placed.order.id
      placedOrderToken = placed.accessToken
    } else {
      const payment = await checkout.startWechatPayment(
        cartId,
        channel,
        {
          // WeChat's H5 payment checks the payer's address; never the one a client claims.
          client_ip: shopperAddress(h) ?? "127.0.0.1",
          ...(channel === "jsapi" && openid && { openid, app: "official_account" }),
        },
        token
      )
      h5Url = payment.h5_url
    }
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return { error: error.message, fields }
    console.error("[checkout]", error)
    return { error: "网络繁忙，请稍后重试", fields }
  }
  if (placedOrderId) {
    await clearCartId()
    // A guest's order opens only with the token its checkout answered.
    const token = placedOrderToken ? `?token=${encodeURIComponent(placedOrderToken)}` : ""
    redirect(`/checkout/done/${placedOrderId}${token}`)
  }
  if (channel === "h5" && h5Url) {
    redirect(h5CashierUrl(h5Url, cartId))
  }
  redirect(`/checkout/pay?cart=${cartId}`)
}
