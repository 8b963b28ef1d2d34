/** Medusa's id for this provider: "pp_" + the provider's identifier + "_" + its registration id. */
export const UNIONPAY_PROVIDER_ID = "pp_unionpay_unionpay"
