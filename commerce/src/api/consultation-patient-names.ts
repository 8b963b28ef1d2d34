import type { ICustomerModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * How a doctor names their patients: the member's name, else "会员" and the last four digits
 * of the phone. Never the email or the full phone.
 */
export async function patientNames(
  scope: MedusaContainer,
  customerIds: string[]
): Promise<Map<string, string>> {
  if (!customerIds.length) return new Map()
  const customers = await scope
    .resolve<ICustomerModuleService>(Modules.CUSTOMER)
    .listCustomers({ id: customerIds }, { select: ["id", "first_name", "last_name", "phone"] })
  return new Map(
    customers.map((c) => {
      const name = `${c.last_name ?? ""}${c.first_name ?? ""}`.trim()
      const tail = c.phone ? `（尾号 ${c.phone.slice(-4)}）` : ""
      return [c.id, name || `会员${tail}`]
    })
  )
}
