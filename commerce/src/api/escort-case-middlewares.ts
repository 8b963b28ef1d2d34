import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  AdminEscortCasesQuery,
  AdminGuaranteeFundQuery,
  AssignEscortCaseBody,
  CloseEscortCaseBody,
  DismissEscortCaseBody,
  FileEscortInsuranceClaimBody,
  FundGuaranteeBody,
  NoteEscortCaseBody,
  OpenEscortCaseBody,
  UpholdEscortCaseBody,
} from "./escort-case-validators"

/**
 * 事件与理赔 and 平台保障金 (staff, authenticated by the admin gate; permissions in
 * route-permissions.ts), the insurer's signed callbacks (the raw body is what it signs),
 * and the member's view of their booking's cover (authenticated by escortMiddlewares).
 */
export const escortCaseMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/escort-cases",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminEscortCasesQuery, {})],
  },
  {
    matcher: "/admin/escort-cases",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(OpenEscortCaseBody)],
  },
  {
    matcher: "/admin/escort-cases/:id/assign",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AssignEscortCaseBody)],
  },
  {
    matcher: "/admin/escort-cases/:id/notes",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(NoteEscortCaseBody)],
  },
  {
    matcher: "/admin/escort-cases/:id/uphold",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(UpholdEscortCaseBody)],
  },
  {
    matcher: "/admin/escort-cases/:id/dismiss",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(DismissEscortCaseBody)],
  },
  {
    matcher: "/admin/escort-cases/:id/close",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(CloseEscortCaseBody)],
  },
  {
    matcher: "/admin/escort-cases/:id/insurance-claim",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(FileEscortInsuranceClaimBody)],
  },
  {
    matcher: "/admin/guarantee-fund",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminGuaranteeFundQuery, {})],
  },
  {
    matcher: "/admin/guarantee-fund/entries",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(FundGuaranteeBody)],
  },
  {
    matcher: "/hooks/insurer",
    methods: ["POST"],
    bodyParser: { preserveRawBody: true },
    middlewares: [],
  },
]
