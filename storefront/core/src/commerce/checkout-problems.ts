import { parseCnMobile } from "../cn-mobile"
import { messages } from "../messages.zh-CN"
import { regionProblem } from "./cn-regions"
import type { MemberAddressInput } from "./member-address"

/**
 * What a shopper must fix in a checkout form (and the address book), in the words both
 * storefronts use. Imported from this path only: it carries the region lists.
 */
export const CHECKOUT_PROBLEMS = {
  email: "请填写正确的邮箱，用于接收订单通知",
  consent: "请阅读并同意《隐私政策》与检测知情说明",
} as const

export function emailProblem(email: string): string | null {
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim()) ? null : CHECKOUT_PROBLEMS.email
}

/** The first thing to fix in a mainland delivery address, or null; regions as the server checks them. */
export function addressProblem(
  address: Pick<MemberAddressInput, "name" | "phone" | "province" | "city" | "district" | "street">
): string | null {
  const name = address.name.trim()
  if (!name) return "请填写收货人姓名"
  if (Array.from(name).length > 20) return "收货人姓名最多 20 个字"
  if (!parseCnMobile(address.phone)) return messages.account.invalidPhone
  const region = regionProblem({
    province: address.province.trim(),
    city: address.city.trim(),
    district: address.district.trim(),
  })
  if (region) return region
  if (Array.from(address.street.trim()).length < 4) return "请填写详细地址（街道、门牌号）"
  return null
}
