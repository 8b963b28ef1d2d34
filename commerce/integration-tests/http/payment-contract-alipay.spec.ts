import { alipayContract } from "../helpers/alipay-contract"
import { runPaymentContract } from "../helpers/payment-contract-spec"

// 支付宝 against its sandbox (public-key mode; certificate mode is covered by the plugin's tests).
runPaymentContract(alipayContract())
