import type { CheckoutProblem, CheckoutResponse } from "@health/contracts"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { CheckoutInput } from "./checkout-input"
import { CHECKOUT_MESSAGES as M } from "./checkout-messages"
import { checkoutCartWorkflow } from "./checkout-cart"
import { cartCheckoutState, type CartCheckoutState } from "./cart-checkout-state"
import { paymentActionOf } from "./payment-action-of"
import { fingerprintOf, planCheckout } from "./plan-checkout"
import { CHECKOUT_FINGERPRINT_KEY } from "./steps/set-checkout-metadata-step"

export type CheckoutOutcome =
  | { answer: CheckoutResponse }
  | { refused: { message: string; problems: CheckoutProblem[] } }

/** A second checkout of the same cart waits this long for the first, then is told to wait (409). */
const WAIT_SECONDS = 1
const HOLD_AT_MOST_SECONDS = 120
const MEMBER_WAIT_SECONDS = 15

const toFen = (amount: unknown) => Math.round(Number(amount) * 100)

/**
 * What an identical earlier request made, when it still stands: the order it placed, or its
 * open session (for the same amount, not expired). Otherwise null, and the checkout runs.
 */
function earlierAnswer(
  state: CartCheckoutState,
  fingerprint: string,
  now: Date
): CheckoutResponse | null {
  if (state.metadata?.[CHECKOUT_FINGERPRINT_KEY] !== fingerprint) return null
  const live = state.sessions.find((s) => s.status !== "canceled")
  if (state.completed_at && state.order) {
    const action = live ? paymentActionOf(live, now) : null
    return {
      cart_id: state.id,
      payment_action: action ?? { kind: "none" },
      amount_fen: live ? toFen(live.amount) : 0,
      order: state.order,
    }
  }
  if (!live || live.status !== "pending" || !state.collection) return null
  if (toFen(state.collection.amount) !== toFen(state.total)) return null
  const action = paymentActionOf(live, now)
  if (!action) return null
  if ("expires_at" in action && Date.parse(action.expires_at) <= now.getTime()) return null
  return { cart_id: state.id, payment_action: action, amount_fen: toFen(live.amount) }
}

/**
 * `POST /store/carts/:id/checkout`: one checkout of a cart at a time (Medusa's locking module,
 * shared by every server process; the second caller gets a 409 in Chinese rather than a
 * second payment session), a retried identical request answered from what the first made,
 * then the plan (every problem on its field) and the workflow.
 */
export async function runCheckout(
  container: MedusaContainer,
  input: CheckoutInput,
  now = new Date()
): Promise<CheckoutOutcome> {
  const locking = container.resolve(Modules.LOCKING)
  const run = async (): Promise<CheckoutOutcome> => {
    const state = await cartCheckoutState(container, input.cart_id)
    if (!state) throw new MedusaError(MedusaError.Types.NOT_FOUND, M.cartGone)
    const earlier = earlierAnswer(state, fingerprintOf(input), now)
    if (earlier) return { answer: earlier }
    if (state.completed_at) throw new MedusaError(MedusaError.Types.CONFLICT, M.completed)
    const planning = await planCheckout(container, input)
    if ("problems" in planning) {
      return { refused: { message: planning.problems[0].message, problems: planning.problems } }
    }
    const checkout = async () => {
      const { result } = await checkoutCartWorkflow(container).run({ input: planning.plan })
      return { answer: result as CheckoutResponse }
    }
    // A member's first payment makes their payment account holder (unique per customer and
    // provider): two checkouts of one member's carts wait for each other, as Medusa's own
    // payment-session route does (see onePaymentSessionAtATime).
    if (!input.customer_id) return checkout()
    return locking.execute(`payment-account-holder:${input.customer_id}`, checkout, {
      timeout: MEMBER_WAIT_SECONDS,
      expire: HOLD_AT_MOST_SECONDS,
    })
  }
  try {
    return await locking.execute(`checkout:${input.cart_id}`, run, {
      timeout: WAIT_SECONDS,
      expire: HOLD_AT_MOST_SECONDS,
    })
  } catch (error) {
    if (
      MedusaError.isMedusaError(error) &&
      error.type === MedusaError.Types.CONFLICT &&
      error.message !== M.completed
    ) {
      throw new MedusaError(MedusaError.Types.CONFLICT, M.busy)
    }
    throw error
  }
}
