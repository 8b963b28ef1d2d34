import type { ArchiveAccessPage } from "@health/contracts"
import { commerceRequester, type CommerceClientOptions } from "./request"

/** 档案访问记录: who read or changed the signed-in member's health archive, newest first. */
export function createArchiveAccessClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  return {
    page(token: string, page: { offset?: number; limit?: number } = {}) {
      const query = new URLSearchParams({
        offset: String(page.offset ?? 0),
        limit: String(page.limit ?? 20),
      })
      return request<ArchiveAccessPage>(`/store/health-archive/access-log?${query}`, {
        token,
        cacheHint: "no-store",
      })
    },
  }
}
