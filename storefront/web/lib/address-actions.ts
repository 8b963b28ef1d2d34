"use server"

import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import type { AccountActionState } from "./account-actions"
import { readAddressForm } from "./address-form"
import { member } from "./backends"
import { memberActionError } from "./member-action-error"
import { readToken } from "./session"

const EXPIRED = { error: "登录已过期，请重新登录" }

/** Adds an address, or updates the one named by the form's `id`, then back to the list. */
export async function saveAddress(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  const { address, problem } = readAddressForm(form)
  if (!address) return { error: problem }
  const id = String(form.get("id") ?? "")
  try {
    if (id) {
      // Unticking the box never leaves the book without a default; another address takes it.
      await member.addresses.update(token, id, {
        ...address,
        is_default: address.is_default || undefined,
      })
    } else {
      const first = (await member.addresses.list(token)).length === 0
      await member.addresses.add(token, { ...address, is_default: address.is_default || first })
    }
  } catch (error) {
    return memberActionError(error, "addresses")
  }
  revalidatePath("/account/addresses")
  redirect("/account/addresses")
}

export async function deleteAddress(id: string): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  try {
    await member.addresses.remove(token, id)
  } catch (error) {
    return memberActionError(error, "addresses")
  }
  revalidatePath("/account/addresses")
  return { notice: "地址已删除" }
}

export async function makeDefaultAddress(id: string): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  try {
    await member.addresses.makeDefault(token, id)
  } catch (error) {
    return memberActionError(error, "addresses")
  }
  revalidatePath("/account/addresses")
  return { notice: "已设为默认收货地址" }
}
