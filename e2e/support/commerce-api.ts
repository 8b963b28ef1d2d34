/** Calls to commerce's HTTP API for the steps of a journey that staff take off-screen. */
export const commerce = () => process.env.E2E_COMMERCE_URL || "http://localhost:9000"

const storeHeaders = (token?: string) => ({
  "content-type": "application/json",
  "x-publishable-api-key": process.env.E2E_PUBLISHABLE_KEY || "",
  ...(token ? { authorization: `Bearer ${token}` } : {}),
})

export async function call<T>(
  path: string,
  init: RequestInit & { token?: string; admin?: boolean } = {}
) {
  const { token, admin, ...rest } = init
  const headers = admin
    ? { "content-type": "application/json", authorization: `Bearer ${token}` }
    : storeHeaders(token)
  const response = await fetch(`${commerce()}${path}`, { ...rest, headers })
  const body = await response.text()
  if (!response.ok) throw new Error(`${path} → ${response.status}: ${body}`)
  return (body ? JSON.parse(body) : {}) as T
}

export const post = <T>(
  path: string,
  body: unknown,
  init: { token?: string; admin?: boolean } = {}
) => call<T>(path, { ...init, method: "POST", body: JSON.stringify(body) })

/** A bearer token of the seeded super admin. */
export async function adminToken() {
  const { token } = await post<{ token: string }>("/auth/user/emailpass", {
    email: "admin@health.local",
    password: "Admin12345",
  })
  return token
}

/** Polls `read` until `check` passes (queue work and subscribers run in the background). */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean) {
  const deadline = Date.now() + 60_000
  let value = await read()
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500))
    value = await read()
  }
  if (!check(value)) throw new Error(`still not there after 60 s: ${JSON.stringify(value)}`)
  return value
}
