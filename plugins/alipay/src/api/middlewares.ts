import { defineMiddlewares } from "@medusajs/framework/http"
import { limitAlipayRefund } from "./refund-limit"

export default defineMiddlewares({
  routes: [
    {
      // Notifications are verified over the form's decoded values: keep the bytes as sent.
      matcher: "/hooks/payment/alipay_alipay",
      methods: ["POST"],
      bodyParser: { preserveRawBody: true },
    },
    {
      matcher: "/admin/payments/:id/refund",
      methods: ["POST"],
      middlewares: [limitAlipayRefund],
    },
  ],
})
