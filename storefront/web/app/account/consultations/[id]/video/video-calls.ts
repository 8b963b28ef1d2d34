import { createVideoCallClient } from "@health/core"
import { commerceFetch } from "@/lib/commerce-fetch"
import { env } from "@/lib/env"
import { publishableKeySource, withPublishableKey } from "@/lib/publishable-key"

/** 视频问诊's commerce calls for the member, wired as lib/backends wires the others. */
export const videoCalls = createVideoCallClient({
  baseUrl: env.medusaUrl,
  publishableKey: env.publishableKey,
  fetch: withPublishableKey(
    commerceFetch,
    publishableKeySource({ configured: env.publishableKey, commerceUrl: env.medusaUrl })
  ),
})
