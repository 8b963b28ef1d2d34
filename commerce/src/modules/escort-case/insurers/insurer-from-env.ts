import type { InsurerProvider } from "./insurer-provider"
import { SignedJsonInsurer } from "./signed-json-insurer"

/**
 * INSURER_PROVIDER=signed_json with INSURER_API_URL, INSURER_APP_ID, INSURER_SECRET; unset or
 * `none`: no insurer (bookings are not insured, cases cannot file claims).
 */
export function insurerFromEnv(env: NodeJS.ProcessEnv = process.env): InsurerProvider | null {
  const provider = (env.INSURER_PROVIDER ?? "").trim()
  if (!provider || provider === "none") return null
  if (provider !== "signed_json") throw new Error(`Unknown INSURER_PROVIDER "${provider}"`)
  const { INSURER_API_URL, INSURER_APP_ID, INSURER_SECRET } = env
  if (!INSURER_API_URL || !INSURER_APP_ID || !INSURER_SECRET) {
    throw new Error(
      "INSURER_PROVIDER=signed_json needs INSURER_API_URL, INSURER_APP_ID and INSURER_SECRET"
    )
  }
  return new SignedJsonInsurer({
    api_url: INSURER_API_URL,
    app_id: INSURER_APP_ID,
    secret: INSURER_SECRET,
  })
}
