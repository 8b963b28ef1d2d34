import { messages, parseCnMobile, type MemberAddressInput } from "@health/core"

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

/** The address-book form as an address, or the first thing to fix, in Chinese. */
export function readAddressForm(
  form: FormData
): { address: MemberAddressInput; problem?: never } | { address?: never; problem: string } {
  const name = text(form, "name")
  const phone = parseCnMobile(text(form, "phone"))
  const province = text(form, "province")
  const city = text(form, "city")
  const street = text(form, "street")
  if (!name) return { problem: "请填写收货人姓名" }
  if (Array.from(name).length > 20) return { problem: "收货人姓名最多 20 个字" }
  if (!phone) return { problem: messages.account.invalidPhone }
  if (!province || !city) return { problem: "请填写省份和城市" }
  if (Array.from(street).length < 4) return { problem: "请填写详细地址（街道、门牌号）" }
  return {
    address: {
      name,
      phone,
      province,
      city,
      district: text(form, "district"),
      street,
      is_default: form.get("is_default") === "yes",
    },
  }
}
