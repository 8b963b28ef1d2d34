/** A refused or failed admin call, with the server's zh-CN message and the HTTP status. */
export class AdminRequestError extends Error {
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message)
  }
}

/** Calls the admin API with the staff session cookie; JSON in, JSON out. */
export async function adminRequest<T>(
  path: string,
  init?: { method: "POST" | "PUT"; body?: unknown }
): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method: init?.method ?? "GET",
      credentials: "include",
      headers: { "content-type": "application/json" },
      body: init ? JSON.stringify(init.body ?? {}) : undefined,
    })
  } catch {
    throw new AdminRequestError("网络连接失败，请检查网络后重试", 0)
  }
  const json = await response.json().catch(() => ({}))
  if (!response.ok) {
    // Medusa prefixes its validation refusals; staff read only our zh-CN message.
    const message = String(json.message ?? `请求失败（${response.status}）`)
    throw new AdminRequestError(message.replace(/^Invalid request: /, ""), response.status)
  }
  return json as T
}

/** True when the staff member lacks the permission (hide what they cannot use). */
export const isForbidden = (error: unknown) =>
  error instanceof AdminRequestError && error.status === 403

export const errorText = (error: unknown) =>
  error instanceof Error ? error.message : "操作失败，请稍后重试"
