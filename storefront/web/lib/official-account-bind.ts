import { ApiError } from "@health/core"
import { officialAccount } from "./backends"

/** The sign-in link the service account sends to a follower not yet linked to a member. */
export const OA_BIND_PARAM = "oa_bind"

export const OA_BIND_TEXT = {
  pending: "登录或注册后，将自动为您绑定公众号，之后可在微信中接收订单、报告等通知。",
  bound: "已绑定公众号，订单、报告等通知将通过公众号发送给您。",
  refusedPrefix: "公众号未绑定：",
  failed: "网络繁忙，公众号暂未绑定，请稍后在公众号中重新获取绑定链接",
  bindNow: "绑定公众号",
} as const

/** A token as commerce signs it (`<payload>.<signature>`, base64url): anything else is dropped. */
export function readBindToken(value: unknown): string | undefined {
  const text = typeof value === "string" ? value.trim() : ""
  return /^[A-Za-z0-9_-]{1,600}\.[A-Za-z0-9_-]{1,100}$/.test(text) ? text : undefined
}

export type OaBindOutcome = { bound: true } | { refused: string }

/** Binds the follower of the link to the signed-in member; a refusal comes back in Chinese. */
export async function bindOfficialAccount(
  memberToken: string,
  bindToken: string
): Promise<OaBindOutcome> {
  try {
    await officialAccount.bind(memberToken, bindToken)
    return { bound: true }
  } catch (error) {
    if (error instanceof ApiError && error.status < 500 && error.status !== 401) {
      return { refused: error.message || OA_BIND_TEXT.failed }
    }
    console.error("[official-account] bind", error)
    return { refused: OA_BIND_TEXT.failed }
  }
}

/** Where the member lands after binding: 我的账户, which shows the outcome. */
export function bindOutcomePath(outcome: OaBindOutcome): string {
  return "bound" in outcome
    ? `/account?${OA_BIND_PARAM}=bound`
    : `/account?oa_bind_refused=${encodeURIComponent(outcome.refused)}`
}
