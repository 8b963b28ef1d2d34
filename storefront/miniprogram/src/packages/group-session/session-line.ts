import { formatDateTime, type GroupSession } from "@health/core"

/** When and with whom, as both pages show it: "2026-12-20 19:30 至 2026-12-20 20:30 · 王医生 主任医师". */
export function sessionWhen(s: GroupSession, withHospital = false): string {
  const expert = s.expert
    ? [s.expert.name, s.expert.title, withHospital ? s.expert.hospital : null]
        .filter(Boolean)
        .join(" ")
    : ""
  return `${formatDateTime(s.starts_at)} 至 ${formatDateTime(s.ends_at)}${expert ? ` · ${expert}` : ""}`
}
