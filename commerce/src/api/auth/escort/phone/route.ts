import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { generateJwtTokenWithChecks } from "@medusajs/medusa/api/auth/utils/generate-jwt-token"
import { ESCORT_MODULE } from "../../../../modules/escort"
import type EscortModuleService from "../../../../modules/escort/service"
import { normalizeCnMobile } from "../../../../lib/phone/normalize-cn-mobile"

/**
 * `{ phone, code }` → an `escort` token. The code is checked by the phone provider (the
 * same SMS codes members get); only numbers operations added as escorts may sign in, and
 * the auth identity is linked to the escort so the token's actor is the escort.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const auth = req.scope.resolve(Modules.AUTH)
  const { success, error, authIdentity } = await auth.authenticate("phone", {
    url: req.url,
    headers: req.headers as Record<string, string>,
    query: req.query as Record<string, string>,
    body: req.body as Record<string, string>,
    protocol: req.protocol,
  })
  if (!success || !authIdentity) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, error || "登录失败，请重试")
  }
  const phone = normalizeCnMobile((req.body as { phone?: unknown }).phone)
  const escorts = req.scope.resolve<EscortModuleService>(ESCORT_MODULE)
  const escort = phone ? await escorts.escortByPhone(phone) : null
  if (!escort || escort.status !== "active") {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "该手机号不是在岗的陪诊员，请联系运营")
  }
  let identity = authIdentity
  if (identity.app_metadata?.escort_id !== escort.id) {
    await auth.updateAuthIdentities({
      id: identity.id,
      app_metadata: { ...(identity.app_metadata ?? {}), escort_id: escort.id },
    })
    identity = await auth.retrieveAuthIdentity(identity.id, { relations: ["provider_identities"] })
  }
  const result = (await generateJwtTokenWithChecks(req.scope, {
    authIdentity: identity,
    actorType: "escort",
    authProvider: "phone",
  })) as { token: string }
  res.status(200).json({ token: result.token })
}
