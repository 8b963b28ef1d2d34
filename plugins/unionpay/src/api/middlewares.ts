import { defineMiddlewares } from "@medusajs/framework/http"
import { limitUnionPayRefund } from "./refund-limit"

export default defineMiddlewares({
  routes: [
    {
      // Back notifications are verified over the form exactly as UnionPay sent it.
      matcher: "/hooks/payment/unionpay_unionpay",
      methods: ["POST"],
      bodyParser: { preserveRawBody: true },
    },
    {
      matcher: "/admin/payments/:id/refund",
      methods: ["POST"],
      middlewares: [limitUnionPayRefund],
    },
  ],
})
