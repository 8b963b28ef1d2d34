import { ApiError } from "@health/core"

/** What a member reads when a call for their account fails. */
export function memberActionError(error: unknown, context: string): { error: string } {
  if (error instanceof ApiError && error.status === 401) {
    return { error: "登录已过期，请重新登录" }
  }
  if (error instanceof ApiError && error.status < 500) {
    // Medusa prefixes its body validation messages; ours are already in Chinese.
    return { error: error.message.replace(/^Invalid request:\s*/, "") }
  }
  console.error(`[${context}]`, error)
  return { error: "网络繁忙，请稍后重试" }
}
