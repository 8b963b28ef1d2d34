import type { MedusaRequest } from "@medusajs/framework/http"
import type { AuthIdentityDTO } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { generateJwtTokenWithChecks } from "@medusajs/medusa/api/auth/utils/generate-jwt-token"
import { createMemberAccountWorkflow } from "../../../workflows/create-member-account"

/**
 * Sign-in for providers that need no separate registration (phone code, WeChat): the
 * first successful sign-in creates the member, and the answer is always a token that
 * carries the customer, so every client signs in with one call.
 */
export async function signInRegisteringFirstTime(
  req: MedusaRequest,
  provider: "phone" | "wechat",
  customerData: (identity: AuthIdentityDTO) => {
    phone?: string | null
    metadata?: Record<string, unknown>
  }
): Promise<{ token: string; registered: boolean }> {
  const auth = req.scope.resolve(Modules.AUTH)
  const { success, error, authIdentity } = await auth.authenticate(provider, {
    url: req.url,
    headers: req.headers as Record<string, string>,
    query: req.query as Record<string, string>,
    body: req.body as Record<string, string>,
    protocol: req.protocol,
  })
  if (!success || !authIdentity) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, error || "登录失败，请重试")
  }

  let identity = authIdentity
  const registered = !identity.app_metadata?.customer_id
  if (registered) {
    await createMemberAccountWorkflow(req.scope).run({
      input: { authIdentityId: identity.id, customerData: customerData(identity) },
    })
    identity = await auth.retrieveAuthIdentity(identity.id, { relations: ["provider_identities"] })
  }

  const result = (await generateJwtTokenWithChecks(req.scope, {
    authIdentity: identity,
    actorType: "customer",
    authProvider: provider,
  })) as { token: string }
  return { token: result.token, registered }
}
