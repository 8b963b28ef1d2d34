/** Medusa's id for this provider: "pp_" + the provider's identifier + "_" + its registration id. */
export const WECHATPAY_PROVIDER_ID = "pp_wechatpay_wechatpay"
