import { personalRequesters, type CommerceClientOptions } from "./request"

/** The answer of a bind: the member's WeChat now follows the account (or has left it since). */
export type OfficialAccountBinding = { bound: true; following: boolean }

/**
 * 公众号绑定: a follower without a linked member receives a link to the web sign-in carrying
 * `oa_bind=<token>`; once signed in, the member binds that follower to their account.
 * Commerce refuses an expired or forged link (400), an unknown follower (404) and a WeChat
 * bound to another member (409), each in Chinese.
 */
export function createOfficialAccountClient(options: CommerceClientOptions) {
  const { post } = personalRequesters(options)
  return {
    async bind(token: string, bindToken: string): Promise<OfficialAccountBinding> {
      return (
        await post<{ official_account: OfficialAccountBinding }>(
          "/store/wechat/official-account/bind",
          token,
          { token: bindToken }
        )
      ).official_account
    },
  }
}
