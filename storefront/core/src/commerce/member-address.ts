/** An address in the member's address book, in the words the shop uses (收货人, 省/市/区). */
export type MemberAddress = {
  id: string
  /** 收货人: the whole name, surname first. */
  name: string
  /** 11 digits. */
  phone: string
  province: string
  city: string
  district: string
  /** 详细地址: street, building, door. */
  street: string
  is_default: boolean
}

export type MemberAddressInput = Omit<MemberAddress, "id" | "is_default"> & {
  is_default?: boolean
}

/** Medusa's customer address, as `/store/customers/me/addresses` answers it. */
export type MedusaCustomerAddress = {
  id: string
  first_name: string | null
  last_name: string | null
  phone: string | null
  province: string | null
  city: string | null
  address_1: string | null
  address_2: string | null
  is_default_shipping: boolean
  created_at?: string
}

/**
 * Medusa has no district field: the district goes in `address_2`, where the admin shows
 * it beside the street. The name is split as the checkout splits it: first character
 * as surname, the rest as given name.
 */
export function toMedusaAddress(input: MemberAddressInput) {
  const chars = Array.from(input.name.trim())
  return {
    last_name: chars[0] ?? "",
    first_name: chars.slice(1).join(""),
    phone: input.phone,
    province: input.province,
    city: input.city,
    address_2: input.district,
    address_1: input.street,
    country_code: "cn",
    ...(input.is_default === undefined ? {} : { is_default_shipping: input.is_default }),
  }
}

export function fromMedusaAddress(address: MedusaCustomerAddress): MemberAddress {
  return {
    id: address.id,
    name: `${address.last_name ?? ""}${address.first_name ?? ""}`,
    phone: address.phone ?? "",
    province: address.province ?? "",
    city: address.city ?? "",
    district: address.address_2 ?? "",
    street: address.address_1 ?? "",
    is_default: !!address.is_default_shipping,
  }
}

/** The default address first, then the newest. */
export function sortAddressBook(addresses: MedusaCustomerAddress[]): MemberAddress[] {
  return [...addresses]
    .sort(
      (a, b) =>
        Number(b.is_default_shipping) - Number(a.is_default_shipping) ||
        String(b.created_at ?? "").localeCompare(String(a.created_at ?? ""))
    )
    .map(fromMedusaAddress)
}
