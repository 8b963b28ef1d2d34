import { ApiError } from "../http"

/** What the escort reads when accepting failed: a taken task says so plainly. */
export function escortAcceptRefusal(error: unknown): string {
  if (error instanceof ApiError && error.status === 409) {
    // Other 409s (outside the schedule, an overlapping task, an offer that ran out) keep
    // commerce's own reason; only a task someone else took reads as taken.
    return !error.message || /其他陪诊员/.test(error.message) ? "已被其他陪诊员接单" : error.message
  }
  if (error instanceof ApiError && error.status === 401) return "登录已过期，请重新登录"
  if (error instanceof ApiError && error.status < 500) return error.message
  return "网络繁忙，请稍后重试"
}
