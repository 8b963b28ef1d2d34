import { runPaymentContract } from "../helpers/payment-contract-spec"
import { wechatpayContract } from "../helpers/wechatpay-contract"

// 微信支付 (Native QR code) against its sandbox.
runPaymentContract(wechatpayContract())
