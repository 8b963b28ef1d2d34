import { messages, parseCnMobile, type MemberAddressInput } from "@health/core"
import { regionProblem } from "@health/core/commerce/cn-regions"

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

/** The address-book form as an address, or the first thing to fix, in Chinese. */
export function readAddressForm(
  form: FormData
): { address: MemberAddressInput; problem?: never } | { address?: never; problem: string } {
  const name = text(form, "name")
  const phone = parseCnMobile(text(form, "phone"))
  const province = text(form, "province")
  const city = text(form, "city")
  const district = text(form, "district")
  const street = text(form, "street")
  if (!name) return { problem: "请填写收货人姓名" }
  if (Array.from(name).length > 20) return { problem: "收货人姓名最多 20 个字" }
  if (!phone) return { problem: messages.account.invalidPhone }
  const region = regionProblem({ province, city, district })
  if (region) return { problem: region }
  if (Array.from(street).length < 4) return { problem: "请填写详细地址（街道、门牌号）" }
  return {
    address: {
      name,
      phone,
      province,
      city,
      district,
      street,
      is_default: form.get("is_default") === "yes",
    },
  }
}
