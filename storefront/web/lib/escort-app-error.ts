import { ApiError } from "@health/core"

/** What an escort reads when a call failed: commerce's reason for a 4xx, calm words otherwise. */
export function escortAppError(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return "登录已过期，请重新登录"
  if (error instanceof ApiError && error.status < 500) {
    return error.message.replace(/^Invalid request:\s*/, "") || "请求未成功，请重试"
  }
  return "网络繁忙，请稍后重试"
}

/** Whether the escort must sign in again (the page then offers the link). */
export const isSignedOut = (error: unknown) => error instanceof ApiError && error.status === 401
