import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  BindReferrerBody,
  LedgerQuery,
  ListAffiliatesQuery,
  ListWithdrawalsQuery,
  Pagination,
  RequestWithdrawalBody,
  SetStoreCreditBody,
  ShareEarningsQuery,
  ReviewWithdrawalBody,
  UpdateAffiliateBody,
  UpdateSettingsBody,
} from "./validators"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/store/affiliate*",
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/store/carts/:id/store-credit",
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/store/carts/:id/store-credit",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(SetStoreCreditBody)],
    },
    {
      matcher: "/store/affiliate/commissions",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(Pagination, {})],
    },
    {
      matcher: "/store/affiliate/share-earnings",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ShareEarningsQuery, {})],
    },
    {
      matcher: "/store/affiliate/bind",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(BindReferrerBody)],
    },
    {
      matcher: "/store/affiliate/withdrawals",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(Pagination, {})],
    },
    {
      matcher: "/store/affiliate/withdrawals",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(RequestWithdrawalBody)],
    },
    {
      matcher: "/admin/affiliate/settings",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(UpdateSettingsBody)],
    },
    {
      matcher: "/admin/affiliate/affiliates",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ListAffiliatesQuery, {})],
    },
    {
      matcher: "/admin/affiliate/affiliates/:id",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(UpdateAffiliateBody)],
    },
    {
      matcher: "/admin/affiliate/ledger*",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(LedgerQuery, {})],
    },
    {
      matcher: "/admin/affiliate/withdrawals",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ListWithdrawalsQuery, {})],
    },
    {
      matcher: "/admin/affiliate/withdrawals/:id/:action",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(ReviewWithdrawalBody)],
    },
  ],
})
