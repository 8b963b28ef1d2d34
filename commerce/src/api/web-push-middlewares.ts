import {
  authenticate,
  validateAndTransformBody,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  RemoveWebPushSubscriptionBody,
  SaveWebPushSubscriptionBody,
} from "./store/web-push/validators"

/**
 * 消息提醒 (web push): the public key is public (the publishable key suffices); a
 * browser's subscription belongs to the signed-in member.
 */
export const webPushMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/web-push/subscriptions*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    matcher: "/store/web-push/subscriptions",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(SaveWebPushSubscriptionBody)],
  },
  {
    matcher: "/store/web-push/subscriptions",
    methods: ["DELETE"],
    middlewares: [validateAndTransformBody(RemoveWebPushSubscriptionBody)],
  },
]
