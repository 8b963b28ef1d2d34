import { Input } from "@tarojs/components"
import type { MemberAddress, MemberAddressInput } from "@health/core"
import { Field } from "./field"
import { RegionPicker } from "./region-picker"

/** The parts of an address a member types or picks; the default flag is the form's own. */
export type AddressDraft = Pick<
  MemberAddressInput,
  "name" | "phone" | "province" | "city" | "district" | "street"
>

export const EMPTY_ADDRESS: AddressDraft = {
  name: "",
  phone: "",
  province: "",
  city: "",
  district: "",
  street: "",
}

/** A saved address as the form's fields. */
export function addressDraftOf(saved: MemberAddress): AddressDraft {
  const { name, phone, province, city, district, street } = saved
  return { name, phone, province, city, district, street }
}

/** Whether the form holds exactly this saved address (the checkout marks it as picked). */
export const isSameAddress = (draft: AddressDraft, saved: MemberAddress) =>
  (Object.keys(EMPTY_ADDRESS) as (keyof AddressDraft)[]).every(
    (key) => draft[key].trim() === saved[key].trim()
  )

const TYPED_FIELDS: [keyof AddressDraft, string, string][] = [
  ["name", "收货人", "姓名"],
  ["phone", "手机号", "11 位手机号"],
]

/**
 * 收货人, 手机号, 所在地区 (linked province / city / district wheels) and 详细地址: the
 * checkout's address and the address book's form, checked by core's `addressProblem`.
 */
export function AddressFields({
  value,
  onChange,
}: {
  value: AddressDraft
  onChange: (address: AddressDraft) => void
}) {
  return (
    <>
      {TYPED_FIELDS.map(([key, label, placeholder]) => (
        <Field key={key} label={label}>
          <Input
            className="field__input"
            placeholder={placeholder}
            value={value[key]}
            onInput={(e) => onChange({ ...value, [key]: e.detail.value })}
          />
        </Field>
      ))}
      <Field label="所在地区">
        <RegionPicker
          value={value}
          onChange={(region) => onChange({ ...value, ...region, district: region.district ?? "" })}
        />
      </Field>
      <Field label="详细地址">
        <Input
          className="field__input"
          placeholder="街道、小区、楼栋、门牌号"
          value={value.street}
          onInput={(e) => onChange({ ...value, street: e.detail.value })}
        />
      </Field>
    </>
  )
}
