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
  ],
})
