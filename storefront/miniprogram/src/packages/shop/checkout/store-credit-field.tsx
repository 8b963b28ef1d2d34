import { Button, Checkbox, Input, Text, View } from "@tarojs/components"
import { formatCNY } from "@health/core"
import { STORE_CREDIT_HINTS } from "@health/core/commerce/store-credit"
import { Field } from "../../../components/field"

export type CreditDraft = { use: boolean; typed: string }

/**
 * 余额抵扣: pay part or all of the order from the member's affiliate balance, through the
 * same cart API as the web. `maxFen` is the most that can apply (the balance, or the order
 * total when that is less); 全部抵扣 fills it in.
 */
export function StoreCreditField({
  available,
  maxFen,
  coversAll,
  draft,
  onChange,
}: {
  available: number
  maxFen: number
  coversAll: boolean
  draft: CreditDraft
  onChange: (draft: CreditDraft) => void
}) {
  const all = (maxFen / 100).toFixed(2)
  const toggle = () => onChange({ use: !draft.use, typed: draft.typed || all })
  return (
    <View className="section" data-testid="store-credit">
      <Text className="section__title">余额抵扣</Text>
      <View className="row">
        <View className="row">
          <Checkbox
            value="use-credit"
            checked={draft.use}
            data-testid="use-credit"
            onClick={toggle}
          />
          <Text onClick={toggle}>使用余额抵扣</Text>
        </View>
        <Text className="muted" data-testid="credit-available">
          可用 {formatCNY(available)}
        </Text>
      </View>
      {draft.use ? (
        <View>
          <Field label="抵扣金额（元）">
            <View className="row">
              <Input
                className="field__input"
                type="digit"
                data-testid="credit-amount"
                placeholder={`最多 ${all}`}
                value={draft.typed}
                onInput={(e) => onChange({ use: true, typed: e.detail.value })}
              />
              <Button
                size="mini"
                data-testid="credit-all"
                onClick={() => onChange({ use: true, typed: all })}
              >
                全部抵扣
              </Button>
            </View>
          </Field>
          <Text className="muted" data-testid="credit-hint">
            {coversAll ? STORE_CREDIT_HINTS.coversAll : STORE_CREDIT_HINTS.partial}
          </Text>
        </View>
      ) : null}
    </View>
  )
}
