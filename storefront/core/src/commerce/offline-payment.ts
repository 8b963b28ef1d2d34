/**
 * 线下支付 (bank transfer, or cash at a collection site, confirmed by staff) is for
 * customers in 岳阳 only: the shipping address is in 岳阳, or the collection site chosen for
 * 现场采集 is. Commerce refuses to complete any other offline order, so the storefronts
 * offer it by the same test.
 */
export function offersOfflinePayment(
  shippingCity: string | null | undefined,
  collectionSiteCity?: string | null
): boolean {
  return /岳阳/.test(shippingCity ?? "") || /岳阳/.test(collectionSiteCity ?? "")
}

export const OFFLINE_PAYMENT_REFUSAL = "线下支付仅限岳阳地区，请选择微信支付"

/** What a member does after placing an offline order (the web lets the operator replace it). */
export const OFFLINE_PAYMENT_NOTE =
  "请在 3 日内按客服提供的对公账户转账，或到岳阳任一采集点现场付款，客服会在 1 个工作日内与您联系。"
