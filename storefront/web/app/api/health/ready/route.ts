import { env } from "@/lib/env"
import { checkUpstreams } from "./check-upstreams"

export const dynamic = "force-dynamic"

/** Readiness: 200 when commerce and the CMS answer, else 503 naming which (no addresses). */
export async function GET() {
  const { ready, checks } = await checkUpstreams({
    commerceUrl: env.medusaUrl,
    cmsUrl: env.cmsUrl,
  })
  return Response.json(
    { status: ready ? "ok" : "unavailable", checks },
    { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } }
  )
}
