import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signInRegisteringFirstTime } from "../sign-in-registering-first-time"

/** `{ code }` from `wx.login` → a customer token; a WeChat user seen for the first time becomes a new member. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const result = await signInRegisteringFirstTime(req, "wechat", (identity) => {
    const wechat =
      identity.provider_identities?.find((p) => p.provider === "wechat")?.user_metadata ?? {}
    return {
      metadata: {
        signup_method: "wechat",
        wechat_openid: wechat.openid,
        wechat_unionid: wechat.unionid,
      },
    }
  })
  res.status(200).json(result)
}
