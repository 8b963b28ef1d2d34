import { defineMiddlewares } from "@medusajs/framework/http"

export default defineMiddlewares({
  routes: [
    {
      // Back notifications are verified over the form exactly as UnionPay sent it.
      matcher: "/hooks/payment/unionpay_unionpay",
      methods: ["POST"],
      bodyParser: { preserveRawBody: true },
    },
  ],
})
