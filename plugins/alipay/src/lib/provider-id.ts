/** Medusa's id for this provider: "pp_" + the provider's identifier + "_" + its registration id. */
export const ALIPAY_PROVIDER_ID = "pp_alipay_alipay"
