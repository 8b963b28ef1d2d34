/** What became of a template message, by TEMPLATESENDJOBFINISH's Status. */
export type TemplateDelivery = "delivered" | "user_blocked" | "system_failed" | "other"

/**
 * WeChat's Status: "success", "failed:user block" (the user refuses the account's messages)
 * or "failed: system failed" (WeChat's own failure); spacing and case vary, so they are
 * compared without either. Anything else is kept as "other" with its text.
 */
export function templateDeliveryOf(status: string): TemplateDelivery {
  const normal = status.toLowerCase().replace(/\s+/g, "")
  if (normal === "success") return "delivered"
  if (normal === "failed:userblock") return "user_blocked"
  if (normal === "failed:systemfailed") return "system_failed"
  return "other"
}
