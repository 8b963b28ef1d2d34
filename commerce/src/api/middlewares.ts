import {
  type AuthenticatedMedusaRequest,
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  CreateAssessmentBody,
  ListAssessmentsQuery,
} from "./store/constitution/assessments/validators"
import { QuestionnaireQuery } from "./store/constitution/questionnaire/validators"
import {
  ListStaffAssessmentsQuery,
  PublishReviewBody,
  ReviseReviewBody,
  SaveReviewBody,
} from "./admin/constitution/validators"
import { SendSmsCodeBody } from "./store/auth/sms-codes/validators"
import { guardProfileUpdate } from "./store/customers/me/guard-profile-update"
import { MembershipBody } from "./store/customers/me/membership/validators"
import { RegistrationGuard } from "./store/customers/me/validators"
import { ChangePasswordBody } from "./store/customers/me/password/validators"
import { BindPhoneBody } from "./store/customers/me/phone/validators"
import { BindWechatPhoneBody } from "./store/customers/me/phone/wechat/validators"
import { ListInboxQuery, MarkReadBody } from "./store/inbox/validators"
import { NotificationPreferencesBody } from "./store/customers/me/notification-preferences/validators"
import { AssignRolesBody, AuditLogQuery, CreateRoleBody } from "./admin/access/validators"
import { ListPushesQuery } from "./admin/cms/pushes/validators"
import {
  AudiencePreviewBody,
  CreateMarketingPushBody,
  ListMarketingPushesQuery,
  SearchPushContentQuery,
} from "./admin/marketing-pushes/validators"
import { MarketingPushClickQuery } from "./hooks/marketing-pushes/validators"
import { enforceStaffAccess } from "./admin/enforce-staff-access"
import { limitAnonymousAssessments } from "./limit-anonymous-assessments"
import {
  acceptDeclaredImagesAndPdfs,
  acceptImagesAndPdfs,
} from "./admin/uploads/accept-images-and-pdfs"
import {
  AdvanceKitBody,
  ListAdminKitsQuery,
  ListBatchesQuery,
  RecordFindingsBody,
} from "./admin/health-archive/validators"
import { ordersMiddlewares } from "./orders-middlewares"
import { reconciliationMiddlewares } from "./reconciliation-middlewares"
import { acceptFiles } from "./accept-files"
import { WechatTransferBody } from "./admin/affiliate/wechat-transfers/validators"
import { emailOf, throttlePasswordAttempts } from "./throttle-password-attempts"
import { appointmentsMiddlewares } from "./appointments-middlewares"
import { escortMiddlewares } from "./escort-middlewares"
import { escortDispatchMiddlewares } from "./escort-dispatch-middlewares"
import { escortHospitalMiddlewares } from "./escort-hospital-middlewares"
import { escortMessagingMiddlewares } from "./escort-messaging-middlewares"
import { escortIncomeMiddlewares } from "./escort-income-middlewares"
import { doctorIncomeMiddlewares } from "./doctor-income-middlewares"
import { doctorLicenseMiddlewares } from "./doctor-license-middlewares"
import { escortCaseMiddlewares } from "./escort-case-middlewares"
import { consultationMiddlewares } from "./consultation-middlewares"
import { groupSessionMiddlewares } from "./group-session-middlewares"
import { assessmentMiddlewares } from "./assessment-middlewares"
import { videoCallMiddlewares } from "./video-call-middlewares"
import { escortReviewMiddlewares } from "./escort-review-middlewares"
import { escortAdmissionMiddlewares } from "./escort-admission-middlewares"
import { escortTrainingMiddlewares } from "./escort-training-middlewares"
import { searchMiddlewares } from "./search-middlewares"
import { storeOwnershipMiddlewares } from "./store-ownership-middlewares"
import { checkoutMiddlewares } from "./checkout-middlewares"
import { passwordPolicyMiddlewares } from "./password-policy-middlewares"
import { passwordResetMiddlewares } from "./password-reset-middlewares"
import { webPushMiddlewares } from "./web-push-middlewares"
import { officialAccountMiddlewares } from "./admin/official-account/middlewares"
import { micrositeMiddlewares } from "./microsite-middlewares"
import {
  ActivateKitBody,
  EraseArchiveBody,
  ListKitsQuery,
  AccessLogQuery,
  SavePersonBody,
} from "./store/health-archive/validators"
import {
  MAX_MEMBER_UPLOAD_BYTES,
  MAX_MEMBER_UPLOAD_FILES,
} from "../modules/health-archive/member-upload-rules"
import { chineseErrorHandler } from "./error-handler"
import { rejectMalformedRequests } from "./reject-malformed-requests"
import { requireIndexModule } from "./index-module-availability"
import { onePaymentSessionAtATime } from "./one-payment-session-at-a-time"
import { limitPaymentRefund } from "./limit-payment-refund"
import { refuseStandInRegistrations } from "./refuse-stand-in-registrations"
import { answerUnknownRoutesInChinese } from "./answer-unknown-routes"
import { logRequests } from "../lib/logging/log-requests"
import {
  CommissionAccountsQuery,
  CommissionEntriesQuery,
  CommissionStatementQuery,
  FinanceEntriesQuery,
  FinanceSummaryQuery,
} from "./admin/finance/validators"
import { DashboardQuery } from "../lib/dashboard/dashboard-query"

export default defineMiddlewares({
  errorHandler: chineseErrorHandler(),
  routes: [
    {
      // Before every route: undecodable paths and NUL bytes never reach a handler.
      matcher: "/",
      middlewares: [logRequests(), answerUnknownRoutesInChinese(), rejectMalformedRequests()],
    },
    {
      matcher: "/admin/index*",
      middlewares: [requireIndexModule()],
    },
    {
      matcher: "/store/payment-collections/:id/payment-sessions",
      methods: ["POST"],
      middlewares: [onePaymentSessionAtATime()],
    },
    {
      matcher: "/store/customers",
      methods: ["POST"],
      middlewares: [refuseStandInRegistrations()],
    },
    {
      // Every admin route, core and plugin alike: deny by default (see modules/access and lib/access).
      matcher: "/admin*",
      middlewares: [enforceStaffAccess()],
    },
    {
      // Medusa's upload routes serve files from the admin's own origin: pictures and PDFs only.
      matcher: "/admin/uploads",
      methods: ["POST"],
      middlewares: [acceptImagesAndPdfs],
    },
    {
      matcher: "/admin/uploads/presigned-urls",
      methods: ["POST"],
      middlewares: [acceptDeclaredImagesAndPdfs],
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
      matcher: "/admin/dashboard/overview",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(DashboardQuery, {})],
    },
    {
      matcher: "/admin/dashboard/export",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(DashboardQuery, {})],
    },
    {
      matcher: "/admin/finance/summary",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(FinanceSummaryQuery, {})],
    },
    {
      matcher: "/admin/finance/export",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(FinanceSummaryQuery, {})],
    },
    {
      matcher: "/admin/finance/entries",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(FinanceEntriesQuery, {})],
    },
    {
      matcher: "/admin/finance/commissions",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(CommissionAccountsQuery, {})],
    },
    {
      matcher: "/admin/finance/commissions/:id/entries",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(CommissionEntriesQuery, {})],
    },
    {
      matcher: "/admin/finance/commissions/:id/statement",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(CommissionStatementQuery, {})],
    },
    {
      matcher: "/admin/audit-log",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AuditLogQuery, {})],
    },
    {
      matcher: "/admin/cms/pushes",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ListPushesQuery, {})],
    },
    // 推送中心 (issue #23 item 2).
    {
      matcher: "/admin/marketing-pushes",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ListMarketingPushesQuery, {})],
    },
    {
      matcher: "/admin/marketing-pushes",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(CreateMarketingPushBody)],
    },
    {
      matcher: "/admin/marketing-pushes/content",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(SearchPushContentQuery, {})],
    },
    {
      matcher: "/admin/marketing-pushes/audience-preview",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AudiencePreviewBody)],
    },
    {
      matcher: "/hooks/marketing-pushes/:id/click",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(MarketingPushClickQuery, {})],
    },
    {
      matcher: "/admin/affiliate/wechat-transfers",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(WechatTransferBody)],
    },
    {
      matcher: "/admin/health-archive/kits",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ListAdminKitsQuery, {})],
    },
    {
      matcher: "/admin/health-archive/kits/:id/:action",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdvanceKitBody)],
    },
    {
      matcher: "/admin/health-archive/report-batches",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ListBatchesQuery, {})],
    },
    {
      matcher: "/admin/health-archive/reports/:id/findings",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(RecordFindingsBody)],
    },
    {
      // A day's reports: hundreds of PDFs or one large zip.
      matcher: "/admin/health-archive/report-batches",
      methods: ["POST"],
      bodyParser: false,
      middlewares: [acceptFiles({ fileSize: 512 * 1024 * 1024, files: 1000 })],
    },
    {
      matcher: "/store/health-archive*",
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/store/health-archive/kits",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ListKitsQuery, {})],
    },
    {
      matcher: "/store/health-archive/access-log",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AccessLogQuery, {})],
    },
    {
      matcher: "/store/health-archive/kits/activate",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(ActivateKitBody)],
    },
    {
      matcher: "/store/health-archive/persons",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(SavePersonBody)],
    },
    {
      matcher: "/store/health-archive/uploads",
      methods: ["POST"],
      bodyParser: false,
      middlewares: [
        acceptFiles({ fileSize: MAX_MEMBER_UPLOAD_BYTES, files: MAX_MEMBER_UPLOAD_FILES }),
      ],
    },
    {
      matcher: "/store/health-archive",
      methods: ["DELETE"],
      middlewares: [validateAndTransformBody(EraseArchiveBody)],
    },
    {
      matcher: "/store/auth/sms-codes",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(SendSmsCodeBody)],
    },
    {
      // Medusa's own sign-up route: the membership keys come only with the customer group.
      matcher: "/store/customers",
      methods: ["POST"],
      middlewares: [guardProfileUpdate(RegistrationGuard)],
    },
    {
      // Medusa's own profile route; members change the phone only with a code.
      matcher: "/store/customers/me",
      methods: ["POST"],
      middlewares: [guardProfileUpdate()],
    },
    {
      matcher: "/store/customers/me/membership",
      methods: ["POST"],
      middlewares: [
        authenticate("customer", ["bearer", "session"]),
        validateAndTransformBody(MembershipBody),
      ],
    },
    {
      matcher: "/store/customers/me/password",
      methods: ["POST"],
      middlewares: [
        authenticate("customer", ["bearer", "session"]),
        validateAndTransformBody(ChangePasswordBody),
        throttlePasswordAttempts({
          accountOf: (req) =>
            `customer:${(req as AuthenticatedMedusaRequest).auth_context.actor_id}`,
          kind: "member",
          alternative: "或退出后用短信验证码登录并重设密码",
        }),
      ],
    },
    {
      // Password sign-in of members and staff (Medusa's own routes).
      matcher: "/auth/customer/emailpass",
      methods: ["POST"],
      middlewares: [
        throttlePasswordAttempts({
          accountOf: emailOf,
          kind: "member",
          alternative: "或使用手机验证码登录",
        }),
      ],
    },
    {
      matcher: "/auth/user/emailpass",
      methods: ["POST"],
      middlewares: [
        throttlePasswordAttempts({
          accountOf: emailOf,
          kind: "staff",
          alternative: "或联系超级管理员",
        }),
      ],
    },
    {
      matcher: "/store/customers/me/phone",
      methods: ["POST"],
      middlewares: [
        authenticate("customer", ["bearer", "session"]),
        validateAndTransformBody(BindPhoneBody),
      ],
    },
    {
      matcher: "/store/customers/me/phone/wechat",
      methods: ["POST"],
      middlewares: [
        authenticate("customer", ["bearer", "session"]),
        validateAndTransformBody(BindWechatPhoneBody),
      ],
    },
    {
      // Anyone may take the test; a signed-in member's result is saved.
      matcher: "/store/constitution/assessments",
      methods: ["POST"],
      middlewares: [
        authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
        limitAnonymousAssessments,
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
      matcher: "/store/constitution/questionnaire",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(QuestionnaireQuery, {})],
    },
    {
      matcher: "/store/constitution/assessments/:id",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/admin/constitution/assessments",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ListStaffAssessmentsQuery, {})],
    },
    {
      matcher: "/admin/constitution/assessments/:id/review",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(SaveReviewBody)],
    },
    {
      matcher: "/admin/constitution/assessments/:id/review/publish",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(PublishReviewBody)],
    },
    {
      matcher: "/admin/constitution/assessments/:id/review/revise",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(ReviseReviewBody)],
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
    {
      // The CMS signs the raw body (see lib/cms/cms-hook-signature.ts).
      matcher: "/hooks/cms",
      methods: ["POST"],
      bodyParser: { preserveRawBody: true },
      middlewares: [],
    },
    {
      // The affiliate plugin guards /store/affiliate* too; this route is commerce's own.
      matcher: "/store/affiliate/miniprogram-code",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/store/customers/me/notification-preferences",
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/store/customers/me/notification-preferences",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(NotificationPreferencesBody)],
    },
    ...appointmentsMiddlewares,
    ...escortMiddlewares,
    ...escortDispatchMiddlewares,
    ...escortHospitalMiddlewares,
    ...escortMessagingMiddlewares,
    ...escortIncomeMiddlewares,
    ...escortCaseMiddlewares,
    ...consultationMiddlewares,
    ...groupSessionMiddlewares,
    ...assessmentMiddlewares,
    ...doctorIncomeMiddlewares,
    ...doctorLicenseMiddlewares,
    ...videoCallMiddlewares,
    ...escortReviewMiddlewares,
    ...escortAdmissionMiddlewares,
    ...escortTrainingMiddlewares,
    ...searchMiddlewares,
    ...ordersMiddlewares,
    ...reconciliationMiddlewares,
    ...storeOwnershipMiddlewares,
    ...checkoutMiddlewares,
    ...passwordPolicyMiddlewares,
    ...passwordResetMiddlewares,
    ...webPushMiddlewares,
    ...officialAccountMiddlewares,
    ...micrositeMiddlewares,
    {
      // One refund limit for every online payment method, in Chinese, naming the method.
      matcher: "/admin/payments/:id/refund",
      methods: ["POST"],
      middlewares: [limitPaymentRefund],
    },
  ],
})
