import { randomBytes, scrypt } from "crypto"
import { promisify } from "util"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
  generateEntityId,
} from "@medusajs/framework/utils"
import { generateJwtTokenForAuthIdentity } from "@medusajs/medusa/api/auth/utils/generate-jwt-token"

const ACCOUNT_EXISTS = "Identity with email already exists"
const hash = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  length: number,
  options: object
) => Promise<Buffer>

/**
 * Medusa's sign-up by email for members and staff (it shadows
 * `/auth/:actor_type/:auth_provider/register` for this provider), except that an email
 * that already has an account gets the same 200 and the same kind of token as a new
 * one: told apart, the answer listed who is a member or on the staff. That token names
 * an auth identity that does not exist, so it opens nothing; the work of hashing a new
 * password is spent anyway so the timing matches.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const actorType = req.params.actor_type
  const auth = req.scope.resolve(Modules.AUTH)
  const { success, error, authIdentity } = await auth.register("emailpass", {
    url: req.url,
    headers: req.headers as Record<string, string>,
    query: req.query as Record<string, string>,
    body: req.body as Record<string, string>,
    protocol: req.protocol,
  })
  let identity = success ? authIdentity : undefined
  if (!success && error === ACCOUNT_EXISTS) {
    const password = String((req.body as { password?: unknown }).password)
    await hash(password, randomBytes(32), 64, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 })
    identity = { id: generateEntityId(undefined, "authid"), app_metadata: {} }
  }
  if (!identity) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, error || "Authentication failed")
  }
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  if (!http.jwtSecret) throw new Error("projectConfig.http.jwtSecret is not set")
  const token = await generateJwtTokenForAuthIdentity(
    {
      authIdentity: identity,
      actorType,
      authProvider: "emailpass",
      container: req.scope,
    },
    { secret: http.jwtSecret, expiresIn: http.jwtExpiresIn, options: http.jwtOptions }
  )
  res.status(200).json({ token })
}
