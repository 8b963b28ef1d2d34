import type { PaymentMethodOffer } from "@health/core"

/** Why offline payment may still be refused once the address is known (the 岳阳 rule). */
const OFFLINE_NOTE = "（仅限岳阳地区：银行转账或到采集点付款，工作人员确认后处理）"

/**
 * The payment methods offered here as choices, and each one missing with the reason (in
 * WeChat only WeChat Pay; a method the shop has not set up). Store credit combines with any.
 */
export function PaymentMethods({
  methods,
  chosen,
}: {
  methods: PaymentMethodOffer[]
  chosen: string
}) {
  const offered = methods.filter((method) => method.offered)
  const missing = methods.filter((method) => !method.offered)
  const selected = offered.some((m) => m.provider_id === chosen) ? chosen : offered[0]?.provider_id
  return (
    <fieldset className="radio-column" data-testid="payment-methods">
      <legend>支付方式</legend>
      {offered.map((method) => (
        <label key={method.key}>
          <input
            type="radio"
            name="payment"
            value={method.provider_id}
            defaultChecked={method.provider_id === selected}
          />
          {method.label}
          {method.key === "offline" && <span className="muted">{OFFLINE_NOTE}</span>}
        </label>
      ))}
      {!offered.length && <p className="form-error">暂无可用的支付方式，请稍后再试</p>}
      {missing.length > 0 && (
        <ul className="hint" data-testid="payment-methods-missing">
          {missing.map((method) => (
            <li key={method.key}>
              {method.label}：{"reason" in method ? method.reason : ""}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}
