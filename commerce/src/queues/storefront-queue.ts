import { configuredPublicOrigin } from "../lib/config/public-origins"
import { secretFromEnv } from "../lib/config/secret-from-env"
import { QueueName, StorefrontJob, type RevalidateJob } from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"

/**
 * Tells the web storefront which cached data changed. A failed call throws, so BullMQ
 * retries it with backoff; the storefront's own short revalidate is the safety net.
 */
export const storefrontQueue: QueueProcessor = {
  queue: QueueName.STOREFRONT,
  concurrency: 2,
  handlers: {
    [StorefrontJob.REVALIDATE]: async ({ tags }: RevalidateJob) => {
      // The web as commerce reaches it inside the network (compose: http://web:8000),
      // else its public origin. Never used for links: those take the public origin only.
      const storefrontUrl =
        process.env.STOREFRONT_INTERNAL_URL?.trim() || configuredPublicOrigin("storefront")
      if (!storefrontUrl) {
        return { skipped: "neither STOREFRONT_INTERNAL_URL nor STOREFRONT_PUBLIC_URL is set" }
      }
      const response = await fetch(new URL("/api/revalidate", storefrontUrl), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-revalidate-secret": secretFromEnv("REVALIDATE_SECRET"),
        },
        body: JSON.stringify({ tags }),
        signal: AbortSignal.timeout(10_000),
      })
      if (!response.ok) {
        throw new Error(`storefront revalidation answered ${response.status}`)
      }
      return { revalidated: tags }
    },
  },
}
