/** Calls the admin API with the staff session; refusals throw with the server's zh-CN message. */
export async function adminApi<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    credentials: "include",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(json.message ?? `请求失败（${response.status}）`)
  return json as T
}

export const yuan = (amount: number) => `¥${amount.toFixed(2)}`

export const shanghaiTime = (iso: string) =>
  new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })

/** A Beijing calendar day as the instant it starts (or ends), for period filters. */
export const shanghaiDayBoundary = (day: string, end = false) =>
  new Date(`${day}T${end ? "23:59:59.999" : "00:00:00.000"}+08:00`).toISOString()
