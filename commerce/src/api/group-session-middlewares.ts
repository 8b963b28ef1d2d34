import {
  authenticate,
  validateAndTransformBody,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  AnswerGroupSessionQuestionBody,
  AskGroupSessionQuestionBody,
  RejectGroupSessionQuestionBody,
  ScheduleGroupSessionBody,
} from "./group-session-validators"
import { limitGroupSessionQuestions } from "./limit-group-session-questions"

const member = authenticate("customer", ["session", "bearer"])
// Anyone may read the list and a session's page; signed in, it says what they joined.
const anyone = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

/**
 * 在线咨询 routes. /doctor/* is authenticated as a doctor in consultation-middlewares.ts and
 * /admin/group-sessions is 内容审核's in the route permissions.
 */
export const groupSessionMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/group-sessions", methods: ["GET"], middlewares: [anyone] },
  { matcher: "/store/group-sessions/:id", methods: ["GET"], middlewares: [anyone] },
  { matcher: "/store/group-sessions/:id/join", middlewares: [member] },
  { matcher: "/store/group-sessions/:id/events/stream", middlewares: [member] },
  {
    matcher: "/store/group-sessions/:id/questions",
    methods: ["POST"],
    middlewares: [
      member,
      limitGroupSessionQuestions,
      validateAndTransformBody(AskGroupSessionQuestionBody),
    ],
  },
  {
    matcher: "/doctor/group-sessions",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(ScheduleGroupSessionBody)],
  },
  ...["/doctor", "/admin"].map(
    (base): MiddlewareRoute => ({
      matcher: `${base}/group-sessions/:id/questions/:question_id/reject`,
      methods: ["POST"],
      middlewares: [validateAndTransformBody(RejectGroupSessionQuestionBody)],
    })
  ),
  {
    matcher: "/doctor/group-sessions/:id/questions/:question_id/answer",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AnswerGroupSessionQuestionBody)],
  },
]
