"use client"

import type { CollectionSite, PaymentMethodOffer, TestMethod } from "@health/core"
import { useActionState, useState } from "react"
import { RegionFields } from "@/components/address/region-fields"
import { lineFields } from "@/lib/collection-appointment"
import { loadCollectionAvailability } from "@/lib/collection-appointment-actions"
import { placeOrder } from "@/lib/checkout-actions"
import { LineTestMethods, type CheckoutLine } from "./line-test-methods"
import { PaymentMethods } from "./payment-methods"
import { StoreCreditField } from "./store-credit-field"

type Defaults = Partial<
  Record<"email" | "name" | "phone" | "province" | "city" | "district" | "address", string>
>

/**
 * Contact, each gene-test line's 采样方式, the address (only when a kit is mailed), payment
 * and consent; submitting checks out in one call and opens the chosen payment.
 */
export function CheckoutForm({
  defaults,
  payLabel,
  lines,
  storeCredit,
  collection,
  paymentMethods,
}: {
  defaults: Defaults
  payLabel: string
  /** The cart's gene-test lines, each of which gets a test method. */
  lines: CheckoutLine[]
  /** The member's available balance and the order's goods total, when there is a balance. */
  storeCredit?: { available: number; orderTotal: number }
  /** For 采集点现场采集: the CMS's collection sites (null when unreadable), members only. */
  collection: { sites: CollectionSite[] | null; signedIn: boolean }
  /** Every payment method with whether it is offered here, and why not (paymentMethodsFor). */
  paymentMethods: PaymentMethodOffer[]
}) {
  const [state, action, pending] = useActionState(placeOrder, undefined)
  const value = (name: string) => state?.fields?.[name] ?? defaults[name as keyof Defaults] ?? ""
  // Mail-in is each line's default; on-site collection needs a site and slot for that line.
  const [methods, setMethods] = useState<Record<string, TestMethod>>(() =>
    Object.fromEntries(
      lines.map((line) => [
        line.id,
        value(lineFields(line.id).method) === "on_site" ? "on_site" : "mail_in",
      ])
    )
  )
  // Nothing is posted when every line is sampled at a site: a name and phone are enough.
  const mailed = !lines.length || lines.some((line) => methods[line.id] !== "on_site")
  return (
    <form action={action} className="form" data-testid="checkout-form">
      <h2>联系方式</h2>
      <label>
        邮箱（接收订单与报告通知）
        <input
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={value("email")}
          required
        />
      </label>
      <LineTestMethods
        lines={lines}
        methods={methods}
        onChange={(lineId, method) => setMethods((now) => ({ ...now, [lineId]: method }))}
        collection={collection}
        loadAvailability={loadCollectionAvailability}
        defaults={value}
      />
      <h2>{mailed ? "收货地址" : "联系人"}</h2>
      <p className="hint">
        {mailed
          ? "选择寄送的采样盒将寄到此地址。"
          : "均为现场采集，无需收货地址；预约以此联系人登记。"}
      </p>
      <div className="form-row">
        <label>
          {mailed ? "收货人" : "联系人"}
          <input name="name" autoComplete="name" defaultValue={value("name")} required />
        </label>
        <label>
          手机号
          <input
            name="phone"
            inputMode="tel"
            autoComplete="tel"
            defaultValue={value("phone")}
            required
          />
        </label>
      </div>
      {mailed && (
        <>
          <RegionFields
            defaults={{
              province: value("province"),
              city: value("city"),
              district: value("district"),
            }}
          />
          <label>
            详细地址
            <input
              name="address"
              autoComplete="street-address"
              placeholder="街道、小区、楼栋、门牌号"
              defaultValue={value("address")}
              required
            />
          </label>
        </>
      )}
      {storeCredit && (
        <StoreCreditField
          {...storeCredit}
          defaults={{ use: value("use_credit") === "yes", amount: value("credit_amount") }}
        />
      )}
      <PaymentMethods methods={paymentMethods} chosen={value("payment")} />
      <label className="checkbox">
        <input
          type="checkbox"
          name="consent"
          value="yes"
          defaultChecked={value("consent") === "yes"}
        />{" "}
        我已阅读并同意
        <a href="/privacy" target="_blank">
          《隐私政策》
        </a>
        及基因检测知情说明
      </label>
      {state?.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      <button type="submit" className="button primary block" disabled={pending}>
        {pending ? "正在提交…" : payLabel}
      </button>
    </form>
  )
}
