import { defineMiddlewares } from "@medusajs/framework/http"

export default defineMiddlewares({
  routes: [
    {
      // Notifications are verified over the form's decoded values: keep the bytes as sent.
      matcher: "/hooks/payment/alipay_alipay",
      methods: ["POST"],
      bodyParser: { preserveRawBody: true },
    },
  ],
})
