import { parseCnMobile } from "@health/core"
import type { AddressDraft } from "../../components/address-fields"
import { member } from "../../lib/clients"

/**
 * Adds an address, or updates the one named by `id`, with the web's rules (its saveAddress):
 * the first address becomes the default, and unticking never leaves the book without one
 * (commerce moves the default only when another address takes it). `draft` has passed
 * core's addressProblem, so its phone is a mainland mobile.
 */
export async function saveAddress(
  token: string,
  draft: AddressDraft,
  options: { id?: string; makeDefault: boolean; bookSize: number }
): Promise<void> {
  const address = {
    name: draft.name.trim(),
    phone: parseCnMobile(draft.phone) ?? draft.phone,
    province: draft.province.trim(),
    city: draft.city.trim(),
    district: draft.district.trim(),
    street: draft.street.trim(),
  }
  if (options.id) {
    await member.addresses.update(token, options.id, {
      ...address,
      is_default: options.makeDefault || undefined,
    })
  } else {
    await member.addresses.add(token, {
      ...address,
      is_default: options.makeDefault || options.bookSize === 0,
    })
  }
}
