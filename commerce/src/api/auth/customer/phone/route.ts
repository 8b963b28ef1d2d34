import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signInRegisteringFirstTime } from "../sign-in-registering-first-time"

/** `{ phone, code }` → a customer token; a number seen for the first time becomes a new member. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const result = await signInRegisteringFirstTime(req, "phone", (identity) => ({
    phone: identity.provider_identities?.find((p) => p.provider === "phone")?.entity_id,
    metadata: { signup_method: "phone" },
  }))
  res.status(200).json(result)
}
