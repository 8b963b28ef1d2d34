import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  AdminEscortDisputesQuery,
  BindEscortWechatBody,
  AdminEscortEarningsQuery,
  AdminEscortWithdrawalsQuery,
  ConfirmEscortBookingBody,
  DisputeEscortBookingBody,
  EscortIncomeSettingsBody,
  PayEscortWithdrawalBody,
  RejectEscortWithdrawalBody,
  RequestEscortWithdrawalBody,
  ResolveEscortDisputeBody,
} from "./escort-income-validators"

/**
 * 陪诊 income routes. Members and escorts are authenticated by escortMiddlewares
 * (/store/escort-bookings*, /escort/*), staff by the admin gate; these validate.
 */
export const escortIncomeMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/escort-bookings/:id/confirm",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(ConfirmEscortBookingBody)],
  },
  {
    matcher: "/store/escort-bookings/:id/dispute",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(DisputeEscortBookingBody)],
  },
  {
    matcher: "/escort/withdrawals",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(RequestEscortWithdrawalBody)],
  },
  {
    matcher: "/escort/wechat/bind",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(BindEscortWechatBody)],
  },
  {
    matcher: "/admin/escort-income/earnings",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminEscortEarningsQuery, {})],
  },
  {
    matcher: "/admin/escort-income/disputes",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminEscortDisputesQuery, {})],
  },
  {
    matcher: "/admin/escort-income/disputes/:id/resolve",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(ResolveEscortDisputeBody)],
  },
  {
    matcher: "/admin/escort-income/withdrawals",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminEscortWithdrawalsQuery, {})],
  },
  {
    matcher: "/admin/escort-income/withdrawals/:id/reject",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(RejectEscortWithdrawalBody)],
  },
  {
    matcher: "/admin/escort-income/withdrawals/:id/pay",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PayEscortWithdrawalBody)],
  },
  {
    matcher: "/admin/escort-income/settings",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(EscortIncomeSettingsBody)],
  },
]
