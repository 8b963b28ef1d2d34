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
      // The transfer and refund callbacks check their own signatures: they need the bytes as sent.
      matcher: "/hooks/wechatpay/transfer",
      methods: ["POST"],
      bodyParser: { preserveRawBody: true },
    },
    {
      matcher: "/hooks/wechatpay/refund",
      methods: ["POST"],
      bodyParser: { preserveRawBody: true },
    },
  ],
})
