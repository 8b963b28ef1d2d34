import { mayUseCart } from "../cart-access"

describe("who may use a cart", () => {
  const membersCart = { customer_id: "cus_A", member: true }

  it("a member's cart: only that member", () => {
    expect(mayUseCart(membersCart, "cus_A")).toBe(true)
    expect(mayUseCart(membersCart, "cus_B")).toBe(false)
    expect(mayUseCart(membersCart, undefined)).toBe(false)
  })

  it("a cart with no customer or a guest customer: whoever holds its id", () => {
    for (const holder of [
      { customer_id: null, member: false },
      { customer_id: "cus_guest", member: false },
    ]) {
      expect(mayUseCart(holder, undefined)).toBe(true)
      expect(mayUseCart(holder, "cus_B")).toBe(true)
    }
  })
})
