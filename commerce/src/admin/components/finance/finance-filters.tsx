import { Button, Input } from "@medusajs/ui"
import {
  CHANNEL_TEXT,
  FINANCE_MESSAGES as M,
  METHOD_TEXT,
  ORDER_STATUS_TEXT,
} from "./finance-messages"
import type { FinanceQuery } from "./finance-types"

const selectClass =
  "bg-ui-bg-field shadow-borders-base txt-compact-small h-8 rounded-md px-2 text-ui-fg-base"

type Filters = Omit<FinanceQuery, "from" | "to">

export const NO_FILTERS: Filters = {
  channel: "",
  provider_id: "",
  order_status: "",
  product_id: "",
  category_id: "",
  customer_id: "",
}

/** Channel, payment method, order status, and product, category or member by id. */
export function FinanceFilters({
  value,
  onChange,
}: {
  value: Filters
  onChange: (filters: Filters) => void
}) {
  const set = (key: keyof Filters) => (next: string) => onChange({ ...value, [key]: next })
  const options = (labels: Record<string, string>, all: string) => [
    <option key="" value="">
      {all}
    </option>,
    ...Object.entries(labels).map(([key, label]) => (
      <option key={key} value={key}>
        {label}
      </option>
    )),
  ]
  return (
    <div className="flex flex-wrap items-center gap-2">
      <select
        className={selectClass}
        value={value.channel}
        onChange={(e) => set("channel")(e.target.value)}
      >
        {options(CHANNEL_TEXT, M.allChannels)}
      </select>
      <select
        className={selectClass}
        value={value.provider_id}
        onChange={(e) => set("provider_id")(e.target.value)}
      >
        {options(METHOD_TEXT, M.allMethods)}
      </select>
      <select
        className={selectClass}
        value={value.order_status}
        onChange={(e) => set("order_status")(e.target.value)}
      >
        {options(ORDER_STATUS_TEXT, M.allStatuses)}
      </select>
      {(["product_id", "category_id", "customer_id"] as const).map((key) => (
        <Input
          key={key}
          size="small"
          className="w-44"
          placeholder={
            { product_id: M.productId, category_id: M.categoryId, customer_id: M.customerId }[key]
          }
          value={value[key]}
          onChange={(e) => set(key)(e.target.value)}
        />
      ))}
      <Button size="small" variant="transparent" onClick={() => onChange(NO_FILTERS)}>
        {M.clearFilters}
      </Button>
    </div>
  )
}
