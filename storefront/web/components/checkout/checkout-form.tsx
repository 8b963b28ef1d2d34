"use client"

import {
  formatCNY,
  isOnSiteCollection,
  type CollectionSite,
  type ShippingOption,
} from "@health/core"
import { useActionState, useState } from "react"
import { RegionFields } from "@/components/address/region-fields"
import { COLLECTION_FIELDS } from "@/lib/collection-appointment"
import { loadCollectionAvailability } from "@/lib/collection-appointment-actions"
import { placeOrder } from "@/lib/checkout-actions"
import { CollectionAppointmentPicker } from "./collection-appointment-picker"
import { StoreCreditField } from "./store-credit-field"

type Defaults = Partial<
  Record<"email" | "name" | "phone" | "province" | "city" | "district" | "address", string>
>

/** Contact, address and consent; submitting opens WeChat Pay. */
export function CheckoutForm({
  defaults,
  payLabel,
  shippingOptions,
  storeCredit,
  collection,
}: {
  defaults: Defaults
  payLabel: string
  shippingOptions: ShippingOption[]
  /** The member's available balance and the order's goods total, when there is a balance. */
  storeCredit?: { available: number; orderTotal: number }
  /** For 采集点现场采集: the CMS's collection sites (null when unreadable), members only. */
  collection: { sites: CollectionSite[] | null; signedIn: boolean }
}) {
  const [state, action, pending] = useActionState(placeOrder, undefined)
  const value = (name: string) => state?.fields?.[name] ?? defaults[name as keyof Defaults] ?? ""
  // Mail-in is the default; on-site collection needs a site and slot chosen below it.
  const mailIn = shippingOptions.find((option) => !isOnSiteCollection(option)) ?? shippingOptions[0]
  const [shippingId, setShippingId] = useState(value("shipping_option") || mailIn?.id || "")
  const onSite = shippingOptions.some(
    (option) => option.id === shippingId && isOnSiteCollection(option)
  )
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
      <h2>收货地址</h2>
      <p className="hint">采样盒将寄送到此地址；岳阳地区也可到采集点现场采样。</p>
      <div className="form-row">
        <label>
          收货人
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
      {shippingOptions.length > 0 && (
        <fieldset className="radio-column">
          <legend>采样方式</legend>
          {shippingOptions.map((option) => (
            <label key={option.id}>
              <input
                type="radio"
                name="shipping_option"
                value={option.id}
                checked={option.id === shippingId}
                onChange={() => setShippingId(option.id)}
              />
              {option.name}
              <span className="muted">
                {Number(option.amount) === 0 ? "免运费" : formatCNY(option.amount)}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {onSite && (
        <CollectionAppointmentPicker
          {...collection}
          loadAvailability={loadCollectionAvailability}
          defaults={{
            siteId: value(COLLECTION_FIELDS.site),
            slot: value(COLLECTION_FIELDS.slot),
          }}
        />
      )}
      {storeCredit && (
        <StoreCreditField
          {...storeCredit}
          defaults={{ use: value("use_credit") === "yes", amount: value("credit_amount") }}
        />
      )}
      <fieldset className="radio-column">
        <legend>支付方式</legend>
        <label>
          <input
            type="radio"
            name="payment"
            value="wechat"
            defaultChecked={value("payment") !== "offline"}
          />
          微信支付
        </label>
        <label>
          <input
            type="radio"
            name="payment"
            value="offline"
            defaultChecked={value("payment") === "offline"}
          />
          线下支付
          <span className="muted">
            （仅限岳阳地区：银行转账或到采集点付款，工作人员确认后处理）
          </span>
        </label>
      </fieldset>
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
