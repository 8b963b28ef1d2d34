import { commerceRequester, type CommerceClientOptions } from "./request"

/**
 * Mini-program sign-in: the code from `wx.login` is exchanged by commerce (code2session) for a
 * member token; a WeChat user seen for the first time becomes a new member.
 */
export function createWechatLoginClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  return {
    async signInWithWechat(code: string): Promise<string> {
      const { token } = await request<{ token: string }>("/auth/customer/wechat", {
        method: "POST",
        body: JSON.stringify({ code }),
        cacheHint: "no-store",
      })
      return token
    },
  }
}

export type WechatLoginClient = ReturnType<typeof createWechatLoginClient>
