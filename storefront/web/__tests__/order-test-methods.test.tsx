import type { OrderTestMethods } from "@health/core"
import { act, fireEvent, render, screen } from "@testing-library/react"
import { SlotPicker } from "@/components/appointments/slot-picker"
import { MailKitForm } from "@/components/order/mail-kit-form"
import { OrderTestMethodsPanel } from "@/components/order/order-test-methods"

const methods = (changes: Partial<OrderTestMethods> = {}): OrderTestMethods => ({
  lines: [
    {
      line_item_id: "ordli_1",
      title: "运动基因检测",
      quantity: 2,
      method: "mail_in",
      collection: null,
    },
    {
      line_item_id: "ordli_2",
      title: "药物代谢基因检测",
      quantity: 1,
      method: "on_site",
      collection: {
        site_id: "site-1",
        site_name: "岳阳楼区采集点",
        date: "2026-12-03",
        slot: "10:00-11:00",
      },
    },
  ],
  appointments: [],
  change: { allowed: true, reason: null },
  ...changes,
})

describe("OrderTestMethodsPanel", () => {
  it("shows each kit's method and slot, with 修改检测方式/改约 per line while allowed, and the price rule", () => {
    render(<OrderTestMethodsPanel orderId="order_1" methods={methods()} />)
    expect(screen.getAllByTestId("test-method").map((el) => el.textContent)).toEqual([
      "寄送采样盒",
      "采集点现场采集",
    ])
    expect(screen.getByTestId("test-method-slot").textContent).toBe(
      "岳阳楼区采集点 12月3日 周四 10:00-11:00"
    )
    expect(screen.getByRole("link", { name: "修改检测方式" }).getAttribute("href")).toBe(
      "/account/orders/order_1/test-method?line=ordli_1"
    )
    expect(screen.getByRole("link", { name: "改约/修改检测方式" }).getAttribute("href")).toBe(
      "/account/orders/order_1/test-method?line=ordli_2"
    )
    expect(screen.getByText(/修改采样方式不改变订单金额，不补差价也不退款。/)).toBeTruthy()
  })

  it("says why once the kit shipped, and offers no change", () => {
    render(
      <OrderTestMethodsPanel
        orderId="order_1"
        methods={methods({
          change: { allowed: false, reason: "检测盒已寄出，订单不能再修改；如需帮助请联系客服" },
        })}
      />
    )
    expect(screen.queryAllByRole("link")).toEqual([])
    expect(screen.getByTestId("test-method-reason").textContent).toBe(
      "不能再修改采样方式：检测盒已寄出，订单不能再修改；如需帮助请联系客服"
    )
  })

  it("is not shown for an order without kits", () => {
    const { container } = render(
      <OrderTestMethodsPanel orderId="order_1" methods={methods({ lines: [] })} />
    )
    expect(container.innerHTML).toBe("")
  })
})

describe("MailKitForm", () => {
  it("switches to a mailed kit only after the member confirms, and shows the shop's refusal", async () => {
    const action = jest
      .fn()
      .mockResolvedValue({ error: "检测盒已寄出，订单不能再修改；如需帮助请联系客服" })
    const confirm = jest.fn().mockReturnValueOnce(false).mockReturnValueOnce(true)
    render(<MailKitForm action={action} address="湖南省 岳阳市 巴陵中路 88 号" confirm={confirm} />)
    expect(
      screen.getByText("检测盒将寄到订单的收货地址：湖南省 岳阳市 巴陵中路 88 号")
    ).toBeTruthy()

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "改为寄送采样盒" })))
    expect(confirm).toHaveBeenCalledWith("确定改为寄送采样盒吗？已预约的现场采集时段将被取消。")
    expect(action).not.toHaveBeenCalled()

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "改为寄送采样盒" })))
    expect(action).toHaveBeenCalledTimes(1)
    expect(screen.getByRole("alert").textContent).toBe(
      "检测盒已寄出，订单不能再修改；如需帮助请联系客服"
    )
  })

  it("cannot mail a kit to an order without an address", () => {
    render(<MailKitForm action={jest.fn()} address={null} confirm={() => true} />)
    expect(
      (screen.getByRole("button", { name: "改为寄送采样盒" }) as HTMLButtonElement).disabled
    ).toBe(true)
    expect(screen.getByText("订单还没有收货地址，请先在订单详情中修改收货地址。")).toBeTruthy()
  })
})

describe("SlotPicker for an order's kit", () => {
  it("asks only for the slot, under the change's own button, and sends the site and slot", async () => {
    const action = jest
      .fn()
      .mockResolvedValue({ error: "12月10日 周四 10:00-11:00 已约满，请选择其他时段或日期" })
    render(
      <SlotPicker
        availability={{
          site: {
            id: "site-1",
            name: "岳阳楼区采集点",
            address: "岳阳市 岳阳楼区 洞庭南路 1 号",
            phone: null,
            hours: null,
            capacity_per_slot: 2,
          },
          slots: ["09:00-10:00", "10:00-11:00"],
          max_days_ahead: 30,
          days: [
            {
              date: "2026-12-10",
              slots: [
                { slot: "09:00-10:00", capacity: 2, remaining: 0, bookable: false },
                { slot: "10:00-11:00", capacity: 2, remaining: 1, bookable: true },
              ],
            },
          ],
        }}
        book={action}
        submitLabel="改为现场采集"
      />
    )
    expect(screen.queryByLabelText("到店人姓名（选填）")).toBeNull()
    const [full, open] = screen.getAllByRole("radio") as HTMLInputElement[]
    expect(full.disabled).toBe(true)
    fireEvent.click(open)
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "改为现场采集" })))
    const form = action.mock.calls[0][1] as FormData
    expect([form.get("site_id"), form.get("choice")]).toEqual(["site-1", "2026-12-10 10:00-11:00"])
    expect(screen.getByRole("alert").textContent).toBe(
      "12月10日 周四 10:00-11:00 已约满，请选择其他时段或日期"
    )
  })
})
