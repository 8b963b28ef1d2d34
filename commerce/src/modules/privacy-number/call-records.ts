import { createHmac, timingSafeEqual } from "crypto"
import type { PrivacyCallRecord } from "./privacy-number-provider"

/**
 * Whether a pushed call-record body carries our signature: header `x-pls-signature` = hex
 * HMAC-SHA256(ALIYUN_PLS_CALLBACK_SECRET, raw body). Compared in constant time.
 */
export function callRecordSignatureValid(rawBody: string, signature: string, secret: string) {
  if (!secret || !/^[0-9a-f]{64}$/i.test(signature)) return false
  const expected = createHmac("sha256", secret).update(rawBody).digest()
  return timingSafeEqual(expected, Buffer.from(signature, "hex"))
}

const BEIJING = "+08:00"
const instant = (value: unknown) =>
  typeof value === "string" && value
    ? new Date(`${value.replace(" ", "T")}${BEIJING}`).toISOString()
    : null
const CALL_TYPES = { 0: "outgoing", 1: "incoming" } as Record<number, "outgoing" | "incoming">

/**
 * Aliyun's call records (SecretReport, a JSON array; times in Beijing, `call_type` 0 主叫 / 1 被叫)
 * as ours; records without a call id are dropped. Numbers are not kept: only the middle one.
 */
export function parseCallRecords(body: unknown): PrivacyCallRecord[] {
  if (!Array.isArray(body)) return []
  return body
    .filter((r) => r && typeof r === "object" && typeof r.call_id === "string" && r.call_id)
    .map((r) => {
      const start = instant(r.start_time)
      const release = instant(r.release_time)
      return {
        call_id: r.call_id,
        subs_id: String(r.sub_id ?? ""),
        secret_no: String(r.secret_no ?? ""),
        out_id: typeof r.out_id === "string" && r.out_id ? r.out_id : null,
        call_type: CALL_TYPES[Number(r.call_type)] ?? "other",
        start_time: start,
        release_time: release,
        duration_seconds:
          start && release
            ? Math.max(0, Math.round((Date.parse(release) - Date.parse(start)) / 1000))
            : 0,
        release_cause: r.release_cause == null ? null : String(r.release_cause),
      }
    })
}
