/** The customer metadata key of a member's channel opt-outs (only its own route writes it). */
export const NOTIFICATION_PREFERENCES_KEY = "notification_preferences"

/** The in-app inbox is always on; SMS and WeChat can be switched off per member. */
export type NotificationPreferences = { inbox: true; sms: boolean; wechat: boolean }

export function notificationPreferencesOf(
  metadata: Record<string, unknown> | null | undefined
): NotificationPreferences {
  const stored = (metadata?.[NOTIFICATION_PREFERENCES_KEY] ?? {}) as {
    sms?: unknown
    wechat?: unknown
  }
  return { inbox: true, sms: stored.sms !== false, wechat: stored.wechat !== false }
}
