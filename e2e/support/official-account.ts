import { createHash } from "crypto"
import { commerce } from "./commerce-api"

/**
 * The service account (公众号) as the test stack runs it: the WeChat API stand-in
 * (scripts/wechat-api-standin.mjs) plays WeChat, signing its pushes to commerce's server URL
 * with the token the stack gave both.
 */
export const wechatStandinUrl = () =>
  process.env.E2E_WECHAT_STANDIN_URL ||
  `http://127.0.0.1:${process.env.WECHAT_STANDIN_PORT || 19401}`

/** The account's original id (gh_…), as WeChat's pushes name it in ToUserName. */
const ACCOUNT = "gh_health_e2e"

/** An official-account template message the stand-in accepted (/cgi-bin/message/template/send). */
export type TemplateMessage = {
  touser: string
  template_id: string
  url?: string
  data: Record<string, { value: string }>
  received_at: string
}

async function standin<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${wechatStandinUrl()}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`stand-in ${path} → ${response.status}`)
  return (await response.json()) as T
}

/** The unionid the stand-in gives the WeChat user of mini-program code `wx-code-<who>.<n>`. */
export function unionidOfWechatUser(who: string): string {
  return `u${createHash("sha256").update(`unionid:${who}`).digest("base64url").slice(0, 28)}`
}

/**
 * The WeChat user `openid` (with `unionid`, the same person as a mini-program user) follows
 * the account: WeChat pushes the subscribe event to our server URL. Answers commerce's reply.
 */
export async function followOfficialAccount(openid: string, unionid: string) {
  await standin("/__standin/official-account/users", { openid, unionid })
  const delivery = await standin<{ status: number; reply: string | null }>(
    "/__standin/official-account/deliver",
    {
      server_url: `${commerce()}/hooks/wechat/official-account`,
      mode: "aes",
      message: {
        ToUserName: ACCOUNT,
        FromUserName: openid,
        CreateTime: Math.floor(Date.now() / 1000),
        MsgType: "event",
        Event: "subscribe",
      },
    }
  )
  if (delivery.status !== 200) {
    throw new Error(`the server URL refused the follow: ${JSON.stringify(delivery)}`)
  }
  return delivery
}

/** Every template message the account sent to `openid`, oldest first. */
export async function templateMessagesTo(openid: string): Promise<TemplateMessage[]> {
  const { messages } = await standin<{ messages: TemplateMessage[] }>(
    "/__standin/official-account/template-messages"
  )
  return messages.filter((message) => message.touser === openid)
}
