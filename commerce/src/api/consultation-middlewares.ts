import {
  authenticate,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { acceptEscortImage } from "./accept-escort-image"
import {
  ConsultationAdviceBody,
  ConsultationMessageBody,
  ConsultationMessagesQuery,
  CreateConsultationBody,
  DeclineConsultationBody,
  DoctorQueueQuery,
  DoctorScheduleBody,
  DoctorScheduleExceptionBody,
  DoctorScheduleRulesBody,
  DoctorSlotsQuery,
  FollowUpBody,
  PatientNoteBody,
  PayConsultationBody,
  ShareArchiveItemBody,
  UpdateDoctorBody,
} from "./consultation-validators"
import { limitEscortMessages } from "./limit-escort-messages"

const member = authenticate("customer", ["session", "bearer"])
// Doctors are their own actor type (like escorts), signed in at /auth/doctor/phone.
const doctor = authenticate("doctor", ["bearer"])

/** 问诊 routes; the admin gate in middlewares.ts covers /admin/consultations. */
export const consultationMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/consultations*", middlewares: [member] },
  {
    matcher: "/store/consultations",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(CreateConsultationBody)],
  },
  {
    matcher: "/store/consultations/:id/pay",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PayConsultationBody)],
  },
  {
    matcher: "/store/consultations/:id/shared-items",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(ShareArchiveItemBody)],
  },
  { matcher: "/doctor/*", middlewares: [doctor] },
  {
    matcher: "/doctor/consultations",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(DoctorQueueQuery, {})],
  },
  {
    matcher: "/doctor/consultations/:id/decline",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(DeclineConsultationBody)],
  },
  {
    matcher: "/doctor/consultations/:id/advice",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(ConsultationAdviceBody)],
  },
  {
    matcher: "/doctor/schedule",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(DoctorScheduleBody)],
  },
  ...["/store/consultations/:id", "/doctor/consultations/:id"].flatMap(
    (base): MiddlewareRoute[] => [
      {
        matcher: `${base}/messages`,
        methods: ["GET"],
        middlewares: [validateAndTransformQuery(ConsultationMessagesQuery, {})],
      },
      {
        matcher: `${base}/messages`,
        methods: ["POST"],
        middlewares: [limitEscortMessages, validateAndTransformBody(ConsultationMessageBody)],
      },
      {
        // One picture or PDF (field `file`, 5 MB), its content checked by the route.
        matcher: `${base}/attachments`,
        methods: ["POST"],
        middlewares: [limitEscortMessages, acceptEscortImage()],
      },
    ]
  ),
  {
    matcher: "/doctor/schedule/rules",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(DoctorScheduleRulesBody)],
  },
  {
    matcher: "/doctor/schedule/exceptions",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(DoctorScheduleExceptionBody)],
  },
  {
    // The privacy-number provider's call records are signed over the raw body.
    matcher: "/hooks/privacy-number",
    methods: ["POST"],
    bodyParser: { preserveRawBody: true },
    middlewares: [],
  },
  {
    matcher: "/doctor/patients/:customer_id/notes",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PatientNoteBody)],
  },
  {
    matcher: "/doctor/patients/:customer_id/follow-ups",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(FollowUpBody)],
  },
  {
    // Public like the doctor's page: a member picks a slot before signing in.
    matcher: "/store/doctors/:id/slots",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(DoctorSlotsQuery, {})],
  },
  {
    matcher: "/admin/consultations/doctors/:id",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(UpdateDoctorBody)],
  },
]
