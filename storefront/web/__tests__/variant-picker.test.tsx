import type { Product } from "@health/core"
import { act, fireEvent, render, screen } from "@testing-library/react"
import { VariantPicker } from "@/components/product/variant-picker"

const option = (id: string, title: string, values: string[]) => ({
  id,
  title,
  values: values.map((value) => ({ id: `${id}-${value}`, value })),
})
const variant = (id: string, version: string, pack: string, amount: number) => ({
  id,
  title: `${version} / ${pack}`,
  calculated_price: { calculated_amount: amount, currency_code: "cny" },
  options: [
    { id: `${id}-v`, option_id: "version", value: version },
    { id: `${id}-p`, option_id: "pack", value: pack },
  ],
})
const product = {
  options: [
    option("version", "版本", ["标准版", "尊享版"]),
    option("pack", "规格", ["单人装", "家庭装（2人）"]),
  ],
  // Medusa returns variants in no particular order.
  variants: [
    variant("pro-2", "尊享版", "家庭装（2人）", 7198),
    variant("std-2", "标准版", "家庭装（2人）", 3598),
    variant("std-1", "标准版", "单人装", 1999),
    variant("pro-1", "尊享版", "单人装", 3999),
  ],
} as Pick<Product, "options" | "variants">

describe("VariantPicker", () => {
  it("starts on the cheapest variant and updates the price as options are chosen", () => {
    render(<VariantPicker product={product} onAdd={jest.fn()} />)
    expect(screen.getByTestId("price").textContent).toBe("¥1,999.00")

    fireEvent.click(screen.getByRole("button", { name: "尊享版" }))
    expect(screen.getByTestId("price").textContent).toBe("¥3,999.00")
    expect(screen.getByRole("button", { name: "尊享版" }).getAttribute("aria-pressed")).toBe("true")

    fireEvent.click(screen.getByRole("button", { name: "家庭装（2人）" }))
    expect(screen.getByTestId("price").textContent).toBe("¥7,198.00")
  })

  it("adds the chosen variant with the chosen quantity and confirms", async () => {
    const onAdd = jest.fn().mockResolvedValue({ ok: true, count: 2 })
    render(<VariantPicker product={product} onAdd={onAdd} />)
    fireEvent.click(screen.getByRole("button", { name: "家庭装（2人）" }))
    fireEvent.click(screen.getByRole("button", { name: "增加数量" }))
    await act(async () => {
      fireEvent.click(screen.getByTestId("add-to-cart"))
    })
    expect(onAdd).toHaveBeenCalledWith("std-2", 2)
    expect((await screen.findByRole("status")).textContent).toBe("已加入购物车")
  })

  it("shows the server's refusal in Chinese", async () => {
    const onAdd = jest.fn().mockResolvedValue({ ok: false, error: "网络繁忙，请稍后重试" })
    render(<VariantPicker product={product} onAdd={onAdd} />)
    await act(async () => {
      fireEvent.click(screen.getByTestId("add-to-cart"))
    })
    expect((await screen.findByRole("status")).textContent).toBe("网络繁忙，请稍后重试")
  })

  it("keeps the quantity between 1 and 99", () => {
    render(<VariantPicker product={product} onAdd={jest.fn()} />)
    const input = screen.getByLabelText("数量") as HTMLInputElement
    fireEvent.click(screen.getByRole("button", { name: "减少数量" }))
    expect(input.value).toBe("1")
    fireEvent.change(input, { target: { value: "500" } })
    expect(input.value).toBe("99")
    fireEvent.change(input, { target: { value: "abc" } })
    expect(input.value).toBe("1")
  })
})
