import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { callerCustomerId } from "./store-caller"

const looksLikeEmail = (value: unknown): value is string =>
  typeof value === "string" && value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)

/**
 * `POST /store/carts/:id` with an e-mail, on a cart nobody holds yet. Medusa then looks the
 * e-mail up among all customers and, when it is a member's, hands the cart to that member:
 * a visitor typing a member's address would put their checkout into that member's account,
 * and lose the cart themselves (a member's cart answers only to the member). Unless the
 * caller is that member, the cart gets a guest customer for the e-mail first, as Medusa
 * does for any e-mail without an account; the answer is the same either way, so it does
 * not tell whether the e-mail is registered.
 */
export function keepGuestCartsGuest(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const email = (req.body as Record<string, unknown> | undefined)?.email
  if (!looksLikeEmail(email)) return next()
  attachGuestCustomer(req, email.toLowerCase()).then(
    () => next(),
    (error) => next(error)
  )
}

async function attachGuestCustomer(req: MedusaRequest, email: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id"],
    filters: { id: req.params.id },
  })
  const cart = data[0] as { id: string; customer_id?: string | null } | undefined
  if (!cart || cart.customer_id) return
  const customers = req.scope.resolve(Modules.CUSTOMER)
  const callerId = callerCustomerId(req)
  if (callerId) {
    const caller = await customers.retrieveCustomer(callerId, { select: ["email"] })
    if (caller.email?.toLowerCase() === email) return
  }
  const [guest] = await customers.listCustomers({ email, has_account: false }, { take: 1 })
  const customer = guest ?? (await customers.createCustomers({ email }))
  await req.scope.resolve(Modules.CART).updateCarts(cart.id, { customer_id: customer.id })
}
