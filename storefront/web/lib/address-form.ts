import { parseCnMobile, type MemberAddressInput } from "@health/core"
import { addressProblem } from "@health/core/commerce/checkout-problems"

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

/**
 * An address form (the address book's, or the checkout's whose street field is "address") as
 * an address, or the first thing to fix, in Chinese.
 */
export function readAddressForm(
  form: FormData,
  streetField = "street"
): { address: MemberAddressInput; problem?: never } | { address?: never; problem: string } {
  const name = text(form, "name")
  const province = text(form, "province")
  const city = text(form, "city")
  const district = text(form, "district")
  const street = text(form, streetField)
  const problem = addressProblem({
    name,
    phone: text(form, "phone"),
    province,
    city,
    district,
    street,
  })
  if (problem) return { problem }
  return {
    address: {
      name,
      phone: parseCnMobile(text(form, "phone"))!,
      province,
      city,
      district,
      street,
      is_default: form.get("is_default") === "yes",
    },
  }
}
