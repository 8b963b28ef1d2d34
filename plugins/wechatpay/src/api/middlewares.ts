import { defineMiddlewares } from "@medusajs/framework/http"
import { verifyWechatpayCallback } from "./verify-callback"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/hooks/payment/wechatpay_wechatpay",
      methods: ["POST"],
      bodyParser: { preserveRawBody: true },
      middlewares: [verifyWechatpayCallback],
    },
    {
      // The transfer callback checks its own signature: it needs the bytes as sent.
      matcher: "/hooks/wechatpay/transfer",
      methods: ["POST"],
      bodyParser: { preserveRawBody: true },
    },
  ],
})
