import { daysBetween } from "./beijing-date"

type DatedDocument = {
  status: string
  expires_on: string | null
  reminded_30_at: Date | string | null
  reminded_7_at: Date | string | null
}

/**
 * The reminder due for an approved, dated document on `today`: "7" within 7 days of its
 * last valid day, "30" within 30; each is sent once, and a document first seen inside 7 days
 * gets only the 7-day one. Null when none is due (or it has lapsed already).
 */
export function expiryReminderDue(doc: DatedDocument, today: string): "30" | "7" | null {
  if (doc.status !== "approved" || !doc.expires_on) return null
  const left = daysBetween(today, doc.expires_on)
  if (left < 0) return null
  if (left <= 7) return doc.reminded_7_at ? null : "7"
  if (left <= 30) return doc.reminded_30_at ? null : "30"
  return null
}

/** Whether a dated document is past its last valid day on `today`. */
export const hasLapsed = (doc: { expires_on: string | null }, today: string) =>
  !!doc.expires_on && doc.expires_on < today
