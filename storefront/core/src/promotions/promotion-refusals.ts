import { formatCNY, formatDate } from "../format"
import { ApiError } from "../http"
import type { PromotionRefusal } from "@health/contracts"

/** The words both storefronts show under the coupon field. */
export const PROMOTION_MESSAGES = {
  empty: "请输入优惠码",
  alreadyApplied: "该优惠码已在使用中",
  unavailable: "优惠码暂时无法使用，请稍后重试",
  unknown: "优惠码不存在，请核对后重新输入",
  inactive: "该优惠码已停用",
  notStarted: "优惠活动尚未开始",
  expired: "该优惠码已过期",
  usageLimit: "该优惠码已被领完（使用次数已达上限）",
  minimumNotMet: "未达到该优惠码的使用门槛",
  membersOnly: "该优惠码仅限指定会员使用，请登录对应账号后再试",
  notForProducts: "该优惠码不适用于购物车中的商品",
  notApplicable: "该优惠码不适用于当前订单",
} as const

const M = PROMOTION_MESSAGES

/** One Chinese sentence for a refusal, with its date or threshold when commerce gave one. */
export function promotionRefusalMessage(refusal: PromotionRefusal): string {
  switch (refusal.reason) {
    case "unknown":
      return M.unknown
    case "inactive":
      return M.inactive
    case "not_started":
      return refusal.starts_at
        ? `${M.notStarted}（${formatDate(refusal.starts_at)}起可用）`
        : M.notStarted
    case "expired":
      return refusal.ends_at ? `${M.expired}（已于${formatDate(refusal.ends_at)}截止）` : M.expired
    case "usage_limit":
      return M.usageLimit
    case "minimum_not_met":
      return refusal.minimum_amount
        ? `${M.minimumNotMet}：商品满 ${formatCNY(refusal.minimum_amount)} 可用`
        : M.minimumNotMet
    case "members_only":
      return M.membersOnly
    case "not_for_products":
      return M.notForProducts
    default:
      return M.notApplicable
  }
}

const CHINESE = /[\u4e00-\u9fa5]/

/**
 * What Medusa's `POST /store/carts/:id/promotions` refusal means: a code no promotion has
 * (Medusa: "The promotion code X is invalid"; commerce words it in Chinese) is "unknown";
 * another refusal keeps commerce's Chinese message, or a general one.
 */
export function readPromotionError(error: unknown): PromotionRefusal | { message: string } {
  if (error instanceof ApiError && error.status === 400) {
    if (/promotion code .* is invalid/i.test(error.message) || error.message === M.unknown) {
      return { reason: "unknown" }
    }
    if (CHINESE.test(error.message)) return { message: error.message }
  }
  return { message: M.unavailable }
}
