/** Staff work in Beijing time wherever their browser is. */
export const formatShanghaiTime = (iso: string | null | undefined) =>
  iso
    ? new Date(iso).toLocaleString("zh-CN", {
        timeZone: "Asia/Shanghai",
        hour12: false,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
      })
    : "—"
