import { createPasswordResetClient } from "../commerce/password-reset-client"
import { ApiError, type FetchLike } from "../http"

/** Answers like commerce: each queued answer's status and raw body text. */
function commerceAnswers(...answers: { status: number; body: string }[]) {
  const calls: { url: string; init: Parameters<FetchLike>[1] }[] = []
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init })
    const answer = answers.shift()!
    return new Response(answer.body, { status: answer.status })
  }
  return {
    calls,
    client: createPasswordResetClient({ baseUrl: "http://shop/", publishableKey: "pk", fetch }),
  }
}

const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>

describe("password reset client", () => {
  it("asks commerce to mail a member's reset link, taking Medusa's plain 201", async () => {
    const { calls, client } = commerceAnswers({ status: 201, body: "Created" })
    await expect(client.requestPasswordReset(" li@example.com ")).resolves.toBeUndefined()
    expect(calls[0].url).toBe("http://shop/auth/customer/emailpass/reset-password")
    expect(calls[0].init?.method).toBe("POST")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ identifier: "li@example.com" })
    expect(calls[0].init?.cacheHint).toBe("no-store")
  })

  it("passes a refusal on with commerce's Chinese message", async () => {
    const { client } = commerceAnswers({
      status: 429,
      body: JSON.stringify({ type: "too_many_requests", message: "重置密码的请求过于频繁" }),
    })
    const refusal = await client.requestPasswordReset("li@example.com").catch((e) => e)
    expect(refusal).toBeInstanceOf(ApiError)
    expect([refusal.status, refusal.message]).toEqual([429, "重置密码的请求过于频繁"])
  })

  it("sets the new password with the link's token as the bearer", async () => {
    const { calls, client } = commerceAnswers(
      { status: 200, body: JSON.stringify({ success: true }) },
      { status: 401, body: JSON.stringify({ type: "unauthorized", message: "链接无效" }) }
    )
    await client.resetPassword("reset.jwt.token", "NewSecret678")
    expect(calls[0].url).toBe("http://shop/auth/customer/emailpass/update")
    expect(headersOf(calls[0].init).authorization).toBe("Bearer reset.jwt.token")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ password: "NewSecret678" })
    await expect(client.resetPassword("used", "NewSecret678")).rejects.toMatchObject({
      status: 401,
      message: "链接无效",
    })
  })
})
