import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { generateJwtTokenWithChecks } from "@medusajs/medusa/api/auth/utils/generate-jwt-token"
import { normalizeCnMobile } from "../phone/normalize-cn-mobile"

/**
 * `{ phone, code }` → a token of a non-shopper actor (escort, doctor). The code is checked by
 * the phone provider (the same SMS codes members get); `actorOf` answers the actor id for the
 * number or null when it may not sign in (then `refusal`, 401). The auth identity is linked to
 * the actor (`app_metadata.<actorType>_id`) so the token's actor is that escort or doctor.
 */
export async function signInActorByPhone(
  req: MedusaRequest,
  options: {
    actorType: string
    actorOf: (phone: string) => Promise<string | null>
    refusal: string
  }
): Promise<{ token: string }> {
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
  const actorId = phone ? await options.actorOf(phone) : null
  if (!actorId) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, options.refusal)
  const key = `${options.actorType}_id`
  let identity = authIdentity
  if (identity.app_metadata?.[key] !== actorId) {
    await auth.updateAuthIdentities({
      id: identity.id,
      app_metadata: { ...(identity.app_metadata ?? {}), [key]: actorId },
    })
    identity = await auth.retrieveAuthIdentity(identity.id, { relations: ["provider_identities"] })
  }
  return (await generateJwtTokenWithChecks(req.scope, {
    authIdentity: identity,
    actorType: options.actorType,
    authProvider: "phone",
  })) as { token: string }
}
