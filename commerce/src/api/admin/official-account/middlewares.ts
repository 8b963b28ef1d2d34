import {
  authenticate,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { BindOfficialAccountBody } from "../../store/wechat/official-account/validators"
import {
  CreateMassSendBody,
  CreateReplyRuleBody,
  ListOfficialAccountQuery,
  SaveMenuBody,
  UpdateReplyRuleBody,
} from "./validators"

/**
 * 公众号: the server URL (WeChat posts text/xml; the route reads and verifies the raw body
 * itself), the members' bind route, and the admin's replies, menu, followers and sends
 * (the customers area: route-permissions.ts).
 */
export const officialAccountMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/hooks/wechat/official-account",
    methods: ["POST"],
    bodyParser: false,
    middlewares: [],
  },
  {
    matcher: "/store/wechat/official-account/bind",
    methods: ["POST"],
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      validateAndTransformBody(BindOfficialAccountBody),
    ],
  },
  {
    matcher: "/admin/official-account/reply-rules",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(CreateReplyRuleBody)],
  },
  {
    matcher: "/admin/official-account/reply-rules/:id",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(UpdateReplyRuleBody)],
  },
  {
    matcher: "/admin/official-account/menu",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(SaveMenuBody)],
  },
  {
    matcher: "/admin/official-account/followers",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(ListOfficialAccountQuery, {})],
  },
  {
    matcher: "/admin/official-account/template-sends",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(ListOfficialAccountQuery, {})],
  },
  {
    matcher: "/admin/official-account/mass-sends",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(ListOfficialAccountQuery, {})],
  },
  {
    matcher: "/admin/official-account/mass-sends",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(CreateMassSendBody)],
  },
]
