import type { ConsentKind, Kit, KitStatus, PersonSex } from "@health/contracts"

/** How a status badge looks: in progress, finished, needing the member, or over. */
export const KIT_STATUS_TONE: Record<KitStatus, "progress" | "success" | "danger" | "muted"> = {
  ordered: "progress",
  shipped: "progress",
  activated: "progress",
  received: "progress",
  testing: "progress",
  report_ready: "success",
  delivered: "success",
  rejected: "danger",
  cancelled: "muted",
}

/**
 * An order's kit is 已使用 once it has been activated (bound to a person, sample on its
 * way or tested) and 未使用 before; a voided kit is neither.
 */
export function kitUsage(status: KitStatus): "已使用" | "未使用" | "已作废" {
  if (status === "cancelled") return "已作废"
  return status === "ordered" || status === "shipped" ? "未使用" : "已使用"
}

export const SEX_LABEL: Record<PersonSex, string> = { female: "女", male: "男" }

/** The CMS page (kind "consent") whose text and version the member agrees to. */
export const CONSENT_PAGE_SLUG: Record<ConsentKind, string> = {
  testing: "consent-testing",
  storage: "consent-storage",
  research: "consent-research",
}

export const COLLECTION_METHOD_LABEL: Record<Kit["collection_method"], string> = {
  mail_in: "邮寄采样",
  on_site: "到店采样",
}

/** "3.2 MB", "820 KB": upload and report sizes. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} B`
}
