import { runPaymentContract } from "../helpers/payment-contract-spec"
import { unionpayContract } from "../helpers/unionpay-contract"

// 银联 against its sandbox (ACP 5.1.0, the sandbox's own certificate chain).
runPaymentContract(unionpayContract())
