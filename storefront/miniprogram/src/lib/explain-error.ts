import { ApiError } from "@health/core"

/** A message a member can act on: commerce's own for a 4xx, a calm one for anything else. */
export function explainError(error: unknown, fallback = "网络繁忙，请稍后重试"): string {
  if (error instanceof ApiError && error.status < 500) {
    if (error.status === 401) return "登录已过期，请重新登录"
    return error.message || fallback
  }
  return fallback
}
