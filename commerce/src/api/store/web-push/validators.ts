import { z } from "@medusajs/framework/zod"

/** What the browser's PushSubscription.toJSON() gives; checked further when saved. */
export const SaveWebPushSubscriptionBody = z.object({
  endpoint: z.string().trim().min(1).max(2048),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    p256dh: z.string().trim().min(1).max(200),
    auth: z.string().trim().min(1).max(100),
  }),
})

export const RemoveWebPushSubscriptionBody = z.object({
  endpoint: z.string().trim().min(1).max(2048),
})

export type SaveWebPushSubscriptionBodyType = z.infer<typeof SaveWebPushSubscriptionBody>
export type RemoveWebPushSubscriptionBodyType = z.infer<typeof RemoveWebPushSubscriptionBody>
