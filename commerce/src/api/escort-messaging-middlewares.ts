import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { acceptEscortImage } from "./accept-escort-image"
import {
  EscortMessageBody,
  EscortMessagesQuery,
  EscortServiceReportBody,
} from "./escort-messaging-validators"
import { limitEscortMessages } from "./limit-escort-messages"

/**
 * 陪诊 messages and service reports. Sign-in comes from escort-middlewares.ts (member on
 * /store/escort-bookings*, escort on /escort/*) and the admin gate (/admin).
 */
export const escortMessagingMiddlewares: MiddlewareRoute[] = [
  ...["/store/escort-bookings/:id/messages", "/escort/tasks/:id/messages"].flatMap(
    (matcher): MiddlewareRoute[] => [
      {
        matcher,
        methods: ["GET"],
        middlewares: [validateAndTransformQuery(EscortMessagesQuery, {})],
      },
      {
        matcher,
        methods: ["POST"],
        middlewares: [limitEscortMessages, validateAndTransformBody(EscortMessageBody)],
      },
      {
        matcher: `${matcher}/images`,
        methods: ["POST"],
        middlewares: [limitEscortMessages, acceptEscortImage()],
      },
    ]
  ),
  {
    matcher: "/admin/escort-bookings/:id/messages",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(EscortMessagesQuery, {})],
  },
  {
    matcher: "/escort/tasks/:id/service-report",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(EscortServiceReportBody)],
  },
]
