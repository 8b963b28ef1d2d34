import { commerceFetch } from "@/lib/commerce-fetch"
import { readDoctorToken } from "@/lib/doctor-app-session"
import { env } from "@/lib/env"
import { relayEscortRequest } from "@/lib/escort-app-relay"
import { publishableKeySource, withPublishableKey } from "@/lib/publishable-key"

export const dynamic = "force-dynamic"

const fetchWithKey = withPublishableKey(
  commerceFetch,
  publishableKeySource({ configured: env.publishableKey, commerceUrl: env.medusaUrl })
)

type Params = { params: Promise<{ path: string[] }> }

/** The 在线诊室's calls to commerce's `/doctor/*` only, with the token from the doctor's cookie. */
async function relay(request: Request, { params }: Params) {
  const { path } = await params
  return relayEscortRequest(request, path, {
    token: await readDoctorToken(),
    commerceUrl: env.medusaUrl,
    fetch: fetchWithKey,
    root: "doctor",
  })
}

export const GET = relay
export const POST = relay
export const DELETE = relay
