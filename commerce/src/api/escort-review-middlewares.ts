import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  AdminModerationItemsQuery,
  ApproveModerationItemBody,
  CreateModerationWordBody,
  EscortReviewBody,
  PublicEscortReviewsQuery,
  RejectModerationItemBody,
  ReportContentBody,
  UpdateModerationWordBody,
} from "./escort-review-validators"

/**
 * Two-way 陪诊 reviews and the moderation queue. Sign-in comes from escort-middlewares.ts
 * (member on /store/escort-bookings*, escort on /escort/*) and the admin gate (/admin);
 * the public review list needs the publishable key only, like every /store route.
 */
export const escortReviewMiddlewares: MiddlewareRoute[] = [
  ...["/store/escort-bookings/:id/review", "/escort/tasks/:id/review"].flatMap(
    (matcher): MiddlewareRoute[] => [
      { matcher, methods: ["POST"], middlewares: [validateAndTransformBody(EscortReviewBody)] },
      {
        matcher: `${matcher}/report`,
        methods: ["POST"],
        middlewares: [validateAndTransformBody(ReportContentBody)],
      },
    ]
  ),
  ...[
    "/store/escort-bookings/:id/messages/:message_id/report",
    "/escort/tasks/:id/messages/:message_id/report",
  ].map(
    (matcher): MiddlewareRoute => ({
      matcher,
      methods: ["POST"],
      middlewares: [validateAndTransformBody(ReportContentBody)],
    })
  ),
  {
    matcher: "/store/escorts/:id/reviews",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(PublicEscortReviewsQuery, {})],
  },
  {
    matcher: "/admin/moderation/items",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminModerationItemsQuery, {})],
  },
  {
    matcher: "/admin/moderation/items/:id/approve",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(ApproveModerationItemBody)],
  },
  {
    matcher: "/admin/moderation/items/:id/reject",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(RejectModerationItemBody)],
  },
  {
    matcher: "/admin/moderation/words",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(CreateModerationWordBody)],
  },
  {
    matcher: "/admin/moderation/words/:id",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(UpdateModerationWordBody)],
  },
]
