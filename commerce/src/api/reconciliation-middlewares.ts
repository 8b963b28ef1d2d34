import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  CreateReconciliationRunBody,
  OfflineReceiptsQuery,
  ReconciliationDifferencesQuery,
  ReconciliationRunsQuery,
  RecordOfflineReceiptBody,
  ResolveDifferenceBody,
} from "./admin/finance/reconciliation/validators"

/** 对账: finance's runs of the provider bills, their differences, offline bank references. */
export const reconciliationMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/finance/reconciliation/runs",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(ReconciliationRunsQuery, {})],
  },
  {
    matcher: "/admin/finance/reconciliation/runs",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(CreateReconciliationRunBody)],
  },
  {
    matcher: "/admin/finance/reconciliation/runs/:id/differences",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(ReconciliationDifferencesQuery, {})],
  },
  {
    matcher: "/admin/finance/reconciliation/differences/:id/resolve",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(ResolveDifferenceBody)],
  },
  {
    matcher: "/admin/finance/reconciliation/offline-receipts",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(OfflineReceiptsQuery, {})],
  },
  {
    matcher: "/admin/finance/reconciliation/offline-receipts",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(RecordOfflineReceiptBody)],
  },
]
