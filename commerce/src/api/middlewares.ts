import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  CreateAssessmentBody,
  ListAssessmentsQuery,
} from "./store/constitution/assessments/validators"
import { SendSmsCodeBody } from "./store/auth/sms-codes/validators"
import { ListInboxQuery, MarkReadBody } from "./store/inbox/validators"
import { AssignRolesBody, AuditLogQuery, CreateRoleBody } from "./admin/access/validators"
import { enforceStaffAccess } from "./admin/enforce-staff-access"

export default defineMiddlewares({
  routes: [
    {
      // Every admin route, core and plugin alike: deny by default (see lib/access).
      matcher: "/admin*",
      middlewares: [enforceStaffAccess()],
    },
    {
      matcher: "/admin/access/roles",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(CreateRoleBody)],
    },
    {
      matcher: "/admin/access/users/:id/roles",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AssignRolesBody)],
    },
    {
      matcher: "/admin/audit-log",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AuditLogQuery, {})],
    },
    {
      matcher: "/store/auth/sms-codes",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(SendSmsCodeBody)],
    },
    {
      // Anyone may take the test; a signed-in member's result is saved.
      matcher: "/store/constitution/assessments",
      methods: ["POST"],
      middlewares: [
        authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
        validateAndTransformBody(CreateAssessmentBody),
      ],
    },
    {
      matcher: "/store/constitution/assessments",
      methods: ["GET"],
      middlewares: [
        authenticate("customer", ["session", "bearer"]),
        validateAndTransformQuery(ListAssessmentsQuery, {}),
      ],
    },
    {
      matcher: "/store/inbox*",
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/store/inbox",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ListInboxQuery, {})],
    },
    {
      matcher: "/store/inbox/read",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(MarkReadBody)],
    },
  ],
})
