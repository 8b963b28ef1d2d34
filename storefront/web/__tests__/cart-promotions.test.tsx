import { act, fireEvent, render, screen } from "@testing-library/react"
import type { Cart } from "@health/core"
import { CartTotals } from "@/components/cart/cart-totals"
import { PromotionCodeField } from "@/components/cart/promotion-code-field"
import { ProductBadges } from "@/components/product/product-badges"

jest.mock("@/lib/promotion-actions", () => ({
  applyPromotionCode: jest.fn(),
  removePromotionCode: jest.fn(),
}))

const cart = (extra: Partial<Cart>): Cart => ({
  id: "cart_1",
  region_id: "reg_1",
  currency_code: "cny",
  items: [],
  ...extra,
})

describe("PromotionCodeField", () => {
  it("applies the typed code and clears the field", async () => {
    const onApply = jest.fn().mockResolvedValue({ ok: true })
    render(<PromotionCodeField applied={[]} onApply={onApply} onRemove={jest.fn()} />)
    const input = screen.getByRole("textbox", { name: "优惠码" }) as HTMLInputElement
    fireEvent.change(input, { target: { value: "WELCOME20" } })
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "使用" })))
    expect(onApply).toHaveBeenCalledWith("WELCOME20")
    expect(input.value).toBe("")
    expect(screen.queryByRole("alert")).toBeNull()
  })

  it("shows the reason a code does not apply, and keeps what was typed", async () => {
    const onApply = jest.fn().mockResolvedValue({ ok: false, error: "该优惠码已过期" })
    render(<PromotionCodeField applied={[]} onApply={onApply} onRemove={jest.fn()} />)
    const input = screen.getByRole("textbox", { name: "优惠码" }) as HTMLInputElement
    fireEvent.change(input, { target: { value: "OLD10" } })
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "使用" })))
    expect(screen.getByRole("alert").textContent).toBe("该优惠码已过期")
    expect(input.value).toBe("OLD10")
  })

  it("takes an applied code off", async () => {
    const onRemove = jest.fn().mockResolvedValue({ ok: true })
    render(<PromotionCodeField applied={["WELCOME20"]} onApply={jest.fn()} onRemove={onRemove} />)
    await act(async () =>
      fireEvent.click(screen.getByRole("button", { name: "移除优惠码 WELCOME20" }))
    )
    expect(onRemove).toHaveBeenCalledWith("WELCOME20")
  })
})

describe("CartTotals", () => {
  it("shows each promotion's discount and Medusa's total, in ¥", () => {
    render(
      <CartTotals
        subtotal={399}
        cart={cart({
          total: 369,
          discount_total: 30,
          promotions: [
            { id: "p1", code: "WELCOME20", is_automatic: false },
            { id: "p2", code: "DOUBLE12", is_automatic: true },
          ],
          items: [
            {
              id: "l1",
              title: "运动基因检测",
              variant_id: "v1",
              quantity: 1,
              unit_price: 399,
              adjustments: [
                { id: "a1", code: "WELCOME20", amount: 20 },
                { id: "a2", code: "DOUBLE12", amount: 10 },
              ],
            },
          ],
        })}
      />
    )
    const lines = screen.getAllByTestId("cart-discount").map((node) => node.textContent)
    expect(lines).toEqual(["优惠码 WELCOME20−¥20.00", "优惠活动 DOUBLE12−¥10.00"])
    expect(screen.getByTestId("cart-totals").textContent).toContain("应付金额¥369.00")
    expect(screen.getByTestId("cart-totals").textContent).toContain("商品合计¥399.00")
  })

  it("without promotions shows no discount line", () => {
    render(<CartTotals subtotal={399} cart={cart({ total: 399 })} />)
    expect(screen.queryByTestId("cart-discount")).toBeNull()
  })
})

describe("ProductBadges", () => {
  it("shows 热销 and 新品 from the product's tags", () => {
    const { container } = render(
      <ProductBadges
        product={{
          tags: [
            { id: "t1", value: "新品" },
            { id: "t2", value: "热销" },
          ],
        }}
      />
    )
    expect(
      Array.from(container.querySelectorAll(".product-badge")).map((n) => n.textContent)
    ).toEqual(["热销", "新品"])
    const { container: none } = render(
      <ProductBadges product={{ tags: [{ id: "t", value: "儿童" }] }} />
    )
    expect(none.textContent).toBe("")
  })
})
