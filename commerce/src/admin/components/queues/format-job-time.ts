/** A job's epoch milliseconds in Beijing time, wherever the staff member's browser is. */
export const formatJobTime = (epochMs: number | null | undefined) =>
  epochMs
    ? new Date(epochMs).toLocaleString("zh-CN", {
        timeZone: "Asia/Shanghai",
        hour12: false,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      })
    : "—"
