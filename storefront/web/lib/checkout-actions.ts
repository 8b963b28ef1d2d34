"use server"

import { ApiError, OFFLINE_PROVIDER_ID, isOnSiteCollection, type Address } from "@health/core"
import { regionProblem } from "@health/core/commerce/cn-regions"
import { cookies, headers } from "next/headers"
import { redirect } from "next/navigation"
import { appointments, checkout } from "./backends"
import { clearCartId, readCartId } from "./cart-cookie"
import {
  COLLECTION_FIELDS,
  collectionChoiceFromForm,
  collectionSlotProblem,
} from "./collection-appointment"
import { paymentChannelFor } from "./payment-channel"
import { bindPendingReferral } from "./referral"
import { readToken } from "./session"
import { storeCreditToApply } from "./store-credit"
import { OPENID_COOKIE, officialAccountFromEnv } from "./wechat-official-account"

export type CheckoutState = { error?: string; fields?: Record<string, string> } | undefined

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

function readAddress(form: FormData): { address?: Address; problem?: string } {
  const name = text(form, "name")
  const phone = text(form, "phone").replace(/\s/g, "")
  const province = text(form, "province")
  const city = text(form, "city")
  const district = text(form, "district")
  const street = text(form, "address")
  if (!name) return { problem: "请填写收货人姓名" }
  if (!/^1[3-9]\d{9}$/.test(phone)) return { problem: "请填写正确的 11 位手机号" }
  const region = regionProblem({ province, city, district })
  if (region) return { problem: region }
  if (street.length < 4) return { problem: "请填写详细地址（街道、门牌号）" }
  const chars = Array.from(name)
  return {
    address: {
      last_name: chars[0],
      first_name: chars.slice(1).join("") || chars[0],
      phone,
      province,
      city,
      address_1: street,
      // Medusa has no district field; the address book keeps it in address_2 too.
      address_2: district || undefined,
      postal_code: text(form, "postal_code") || undefined,
      country_code: "cn",
    },
  }
}

/** Puts the part of the member's balance chosen in the form on the cart; answers what is left to pay. */
async function applyStoreCredit(cartId: string, form: FormData, token: string) {
  // Starts from no credit, so a changed mind or a changed total never leaves a stale one.
  const { total } = await checkout.setStoreCredit(cartId, 0, token)
  const credit = storeCreditToApply(
    form.get("use_credit") === "yes",
    text(form, "credit_amount"),
    total
  )
  if ("problem" in credit) return credit
  if (credit.amount === 0) return { total }
  return checkout.setStoreCredit(cartId, credit.amount, token)
}

/**
 * Saves contact and address, picks the delivery, and opens a WeChat Pay session:
 * H5 goes straight to WeChat's page, which returns to the waiting page; PC shows a QR code.
 */
export async function placeOrder(_state: CheckoutState, form: FormData): Promise<CheckoutState> {
  const cartId = await readCartId()
  if (!cartId) return { error: "购物车已失效，请重新选购" }
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
      "shipping_option",
      COLLECTION_FIELDS.site,
      COLLECTION_FIELDS.siteName,
      COLLECTION_FIELDS.slot,
    ].map((k) => [k, text(form, k)])
  )
  const email = text(form, "email")
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    return { error: "请填写正确的邮箱，用于接收订单通知", fields }
  }
  const { address, problem } = readAddress(form)
  if (!address) return { error: problem, fields }
  if (!form.get("consent")) return { error: "请阅读并同意《隐私政策》与检测知情说明", fields }

  const offline = form.get("payment") === "offline"
  if (offline && !/岳阳/.test(address.city)) {
    return { error: "线下支付仅限岳阳地区，请选择微信支付", fields }
  }

  const token = await readToken()
  const h = await headers()
  // JSAPI only with the payer's openid from the official account's OAuth (see the checkout page).
  const openid = officialAccountFromEnv() ? (await cookies()).get(OPENID_COOKIE)?.value : undefined
  const channel = paymentChannelFor(h.get("user-agent") ?? "", { officialAccount: !!openid })
  let h5Url: string | undefined
  let placedOrderId: string | undefined
  try {
    if (token) {
      await checkout.claimCart(cartId, token)
      // A member who arrived through a share link after signing up binds with the first order.
      await bindPendingReferral(token)
    }
    await checkout.setContactAndAddress(cartId, { email, address }, token)
    const options = await checkout.shippingOptions(cartId)
    const chosen = options.find((o) => o.id === text(form, "shipping_option")) ?? options[0]
    if (!chosen) return { error: "该地址暂不支持配送，请更换地址", fields }
    let collection = null
    if (isOnSiteCollection(chosen)) {
      const reading = collectionChoiceFromForm(form, !!token)
      if ("problem" in reading) return { error: reading.problem, fields }
      // Checked again just before paying; commerce books it when the order is placed.
      const { choice } = reading
      const availability = await appointments.availability(token!, choice.site_id, {
        from: choice.date,
        days: 1,
      })
      const taken = collectionSlotProblem(availability, choice)
      if (taken) return { error: taken, fields }
      collection = { ...choice, site_name: availability.site.name }
    }
    await checkout.chooseShipping(cartId, chosen.id, token)
    // Always written, so a slot chosen before switching to mail-in is not booked.
    await checkout.setCollectionAppointment(cartId, collection, token)
    let total: number | undefined
    if (token) {
      const credit = await applyStoreCredit(cartId, form, token)
      if ("problem" in credit) return { error: credit.problem, fields }
      total = credit.total
    }
    if (total === 0) {
      // The balance pays for everything: no payment step at all.
      const result = await checkout.complete(cartId, token)
      if (result.type !== "order") {
        return { error: result.error?.message ?? "下单失败，请稍后重试", fields }
      }
      placedOrderId = result.order.id
    } else if (offline) {
      // Staff confirm the transfer or the cash later; the order exists now.
      await checkout.startPayment(cartId, OFFLINE_PROVIDER_ID, {}, token)
      const result = await checkout.complete(cartId, token)
      if (result.type !== "order") {
        return { error: result.error?.message ?? "下单失败，请稍后重试", fields }
      }
      placedOrderId = result.order.id
    } else {
      const payment = await checkout.startWechatPayment(
        cartId,
        channel,
        {
          client_ip: (h.get("x-forwarded-for") ?? "127.0.0.1").split(",")[0].trim(),
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
    redirect(`/checkout/done/${placedOrderId}`)
  }
  if (channel === "h5" && h5Url) {
    const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host")}`
    const back = `${origin}/checkout/pay?cart=${cartId}`
    redirect(`${h5Url}${h5Url.includes("?") ? "&" : "?"}redirect_url=${encodeURIComponent(back)}`)
  }
  redirect(`/checkout/pay?cart=${cartId}`)
}
