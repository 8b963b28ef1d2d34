import { act, fireEvent, render, screen } from "@testing-library/react"
import { CartLineControls } from "@/components/cart/cart-line-controls"

describe("CartLineControls", () => {
  it("changes the quantity by one and removes the line", async () => {
    const onChange = jest.fn().mockResolvedValue({ ok: true, count: 3 })
    const onRemove = jest.fn().mockResolvedValue({ ok: true, count: 0 })
    render(
      <CartLineControls lineId="line_1" quantity={2} onChange={onChange} onRemove={onRemove} />
    )

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "增加数量" })))
    expect(onChange).toHaveBeenLastCalledWith("line_1", 3)
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "减少数量" })))
    expect(onChange).toHaveBeenLastCalledWith("line_1", 1)
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "删除" })))
    expect(onRemove).toHaveBeenCalledWith("line_1")
  })

  it("cannot go below one, and shows a failure", async () => {
    const onChange = jest.fn().mockResolvedValue({ ok: false, error: "购物车已失效，请刷新页面" })
    render(
      <CartLineControls lineId="line_1" quantity={1} onChange={onChange} onRemove={jest.fn()} />
    )
    expect((screen.getByRole("button", { name: "减少数量" }) as HTMLButtonElement).disabled).toBe(
      true
    )
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "增加数量" })))
    expect(screen.getByRole("alert").textContent).toBe("购物车已失效，请刷新页面")
  })
})
