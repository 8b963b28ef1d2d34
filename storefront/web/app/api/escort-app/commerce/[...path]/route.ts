import { commerceFetch } from "@/lib/commerce-fetch"
import { env } from "@/lib/env"
import { relayEscortRequest } from "@/lib/escort-app-relay"
import { readEscortToken } from "@/lib/escort-app-session"
import { publishableKeySource, withPublishableKey } from "@/lib/publishable-key"

export const dynamic = "force-dynamic"

const fetchWithKey = withPublishableKey(
  commerceFetch,
  publishableKeySource({ configured: env.publishableKey, commerceUrl: env.medusaUrl })
)

type Params = { params: Promise<{ path: string[] }> }

/** The escort app's calls to commerce's `/escort/*`, with the token from the escort's cookie. */
async function relay(request: Request, { params }: Params) {
  const { path } = await params
  return relayEscortRequest(request, path, {
    token: await readEscortToken(),
    commerceUrl: env.medusaUrl,
    fetch: fetchWithKey,
  })
}

export const GET = relay
export const POST = relay
export const PUT = relay
