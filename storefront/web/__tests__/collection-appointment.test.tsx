import type { CollectionSite, SiteAvailability } from "@health/core"
import { COLLECTION_SIGN_IN_PROBLEM } from "@health/core/appointments/collection-pick"
import { act, fireEvent, render, screen, within } from "@testing-library/react"
import { CollectionAppointmentPicker } from "@/components/checkout/collection-appointment-picker"
import { collectionChoiceFromForm } from "@/lib/collection-appointment"

const site = (documentId: string, name: string): CollectionSite => ({
  documentId,
  name,
  slug: documentId,
  city: "岳阳市",
  district: "岳阳楼区",
  address: "洞庭南路 1 号",
  active: true,
})

const SITES = [site("site-1", "岳阳楼区采集点"), site("site-2", "君山区采集点")]

const availability = (
  siteId: string,
  name: string,
  from = "2026-12-03",
  slots = [
    { slot: "09:00-10:00", capacity: 2, remaining: 0, bookable: false },
    { slot: "10:00-11:00", capacity: 2, remaining: 2, bookable: true },
  ]
): SiteAvailability => ({
  site: {
    id: siteId,
    name,
    address: "岳阳市 岳阳楼区 洞庭南路 1 号",
    phone: null,
    hours: null,
    capacity_per_slot: 2,
  },
  slots: slots.map((s) => s.slot),
  max_days_ahead: 30,
  days: [{ date: from, slots }],
})

const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) data.set(key, value)
  return data
}

describe("collectionChoiceFromForm", () => {
  it("asks signed-out shoppers to sign in (or stay with mail-in)", () => {
    expect(collectionChoiceFromForm(form({}), false)).toEqual({
      problem: COLLECTION_SIGN_IN_PROBLEM,
    })
  })

  it("needs a site, then a day and slot", () => {
    expect(collectionChoiceFromForm(form({}), true)).toEqual({
      problem: "请选择现场采集的采集点",
    })
    expect(collectionChoiceFromForm(form({ collection_site_id: "site-1" }), true)).toEqual({
      problem: "请选择现场采集的日期和时段",
    })
    expect(
      collectionChoiceFromForm(
        form({ collection_site_id: "site-1", collection_slot: "明天 上午" }),
        true
      )
    ).toEqual({ problem: "请选择现场采集的日期和时段" })
  })

  it("reads the site, day and slot the picker carries", () => {
    expect(
      collectionChoiceFromForm(
        form({
          collection_site_id: "site-1",
          collection_site_name: "岳阳楼区采集点",
          collection_slot: "2026-12-03 10:00-11:00",
        }),
        true
      )
    ).toEqual({
      choice: {
        site_id: "site-1",
        site_name: "岳阳楼区采集点",
        date: "2026-12-03",
        slot: "10:00-11:00",
      },
    })
  })
})

describe("CollectionAppointmentPicker", () => {
  it("asks a signed-out shopper to sign in instead of showing sites", () => {
    const load = jest.fn()
    render(<CollectionAppointmentPicker sites={[]} signedIn={false} loadAvailability={load} />)
    const notice = screen.getByTestId("collection-sign-in")
    expect(notice.textContent).toContain("不登录也可以选择顺丰包邮寄送采样盒")
    expect(within(notice).getByText("登录").getAttribute("href")).toBe(
      "/account/sign-in?next=/checkout"
    )
    expect(load).not.toHaveBeenCalled()
  })

  it("says when the CMS cannot be read", () => {
    render(<CollectionAppointmentPicker sites={null} signedIn loadAvailability={jest.fn()} />)
    expect(screen.getByRole("alert").textContent).toBe(
      "采集点信息暂时无法读取，请稍后再试，或选择寄送采样盒。"
    )
  })

  it("loads a site's slots with the places left, and carries the chosen one in the form", async () => {
    const load = jest.fn(async (siteId: string, from?: string) => ({
      availability: availability(
        siteId,
        siteId === "site-1" ? "岳阳楼区采集点" : "君山区采集点",
        from
      ),
    }))
    const { container } = render(
      <form>
        <CollectionAppointmentPicker sites={SITES} signedIn loadAvailability={load} />
      </form>
    )
    expect(screen.queryAllByTestId("collection-slot")).toHaveLength(0)
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /岳阳楼区采集点/ })))
    expect(load).toHaveBeenCalledWith("site-1", undefined)
    const slots = screen.getAllByTestId("collection-slot")
    expect(slots.map((s) => s.textContent)).toEqual(["09:00-10:00已约满", "10:00-11:00余 2"])
    expect((slots[0].querySelector("input") as HTMLInputElement).disabled).toBe(true)

    fireEvent.click(slots[1].querySelector("input")!)
    expect(screen.getByTestId("collection-choice").textContent).toBe(
      "已选：岳阳楼区采集点 · 12月3日 周四 10:00-11:00"
    )
    const data = new FormData(container.querySelector("form")!)
    expect(Object.fromEntries(data)).toEqual({
      collection_site_id: "site-1",
      collection_site_name: "岳阳楼区采集点",
      collection_slot: "2026-12-03 10:00-11:00",
    })

    // Pages on, and another site clears the chosen slot.
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "后 7 天" })))
    expect(load).toHaveBeenLastCalledWith("site-1", "2026-12-04")
    expect(screen.getByRole("button", { name: "前 7 天" })).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /君山区采集点/ })))
    expect(load).toHaveBeenLastCalledWith("site-2", undefined)
    expect(screen.queryByTestId("collection-choice")).toBeNull()
    expect(screen.queryByRole("button", { name: "前 7 天" })).toBeNull()
  })

  it("shows why slots cannot be read, and reloads the site chosen before a refused submit", async () => {
    const load = jest.fn(async () => ({ error: "没有找到这个采集点，请重新选择" }))
    await act(async () => {
      render(
        <CollectionAppointmentPicker
          sites={SITES}
          signedIn
          loadAvailability={load}
          defaults={{ siteId: "site-2", slot: "2026-12-03 10:00-11:00" }}
        />
      )
    })
    expect(load).toHaveBeenCalledWith("site-2", undefined)
    expect(screen.getByRole("alert").textContent).toBe("没有找到这个采集点，请重新选择")
  })
})

jest.mock("@/lib/checkout-actions", () => ({ placeOrder: jest.fn() }))
jest.mock("@/lib/collection-appointment-actions", () => ({
  loadCollectionAvailability: jest.fn(async () => ({})),
}))

describe("CheckoutForm 采样方式 per line", () => {
  // Imported here so the server actions above are stand-ins.
  const { CheckoutForm } = require("@/components/checkout/checkout-form")
  const lines = [
    { id: "cali_sport", title: "运动基因检测", quantity: 2 },
    { id: "cali_drug", title: "药物代谢基因检测", quantity: 1 },
  ]
  const methodOf = (title: string) =>
    within(screen.getByRole("group", { name: `${title} 的采样方式` }))

  it("gives each line its own choice, mail-in by default, with a picker for each on-site line", async () => {
    const { container } = render(
      <CheckoutForm
        defaults={{}}
        payLabel="提交订单并支付 ¥1,197.00"
        lines={lines}
        collection={{ sites: SITES, signedIn: true }}
        paymentMethods={[]}
      />
    )
    const legends = screen
      .getAllByTestId("line-test-method")
      .map((set) => set.querySelector("legend")!.textContent)
    expect(legends).toEqual(["运动基因检测 × 2", "药物代谢基因检测 × 1"])
    for (const title of ["运动基因检测", "药物代谢基因检测"]) {
      const mail = methodOf(title).getByLabelText(/寄送采样盒/) as HTMLInputElement
      const onSite = methodOf(title).getByLabelText(/采集点现场采集/) as HTMLInputElement
      expect([mail.checked, onSite.checked]).toEqual([true, false])
    }
    expect(screen.queryByTestId("collection-picker")).toBeNull()
    for (const label of ["收货人", "手机号", "详细地址"]) {
      expect(screen.getByLabelText(label)).toBeTruthy()
    }

    // One line on-site: its own picker; the other is still mailed, so the address stays.
    await act(async () =>
      fireEvent.click(methodOf("药物代谢基因检测").getByLabelText(/采集点现场采集/))
    )
    const pickers = screen.getAllByTestId("collection-picker")
    expect(pickers.map((p) => p.querySelector("legend")!.textContent)).toEqual([
      "药物代谢基因检测：选择采集点和时段",
    ])
    expect(screen.getByLabelText("详细地址").getAttribute("name")).toBe("address")
    const data = Object.fromEntries(new FormData(container.querySelector("form")!))
    expect(data).toMatchObject({
      "test_method:cali_sport": "mail_in",
      "test_method:cali_drug": "on_site",
      "collection_site_id:cali_drug": "",
    })

    // Every line on-site: nothing to post, so only a contact name and phone.
    await act(async () =>
      fireEvent.click(methodOf("运动基因检测").getByLabelText(/采集点现场采集/))
    )
    expect(screen.getAllByTestId("collection-picker")).toHaveLength(2)
    expect(screen.queryByLabelText("详细地址")).toBeNull()
    expect(screen.queryByLabelText("收货人")).toBeNull()
    expect(screen.getByLabelText("联系人").tagName).toBe("INPUT")
    expect(screen.getByRole("heading", { name: "联系人" }).textContent).toBe("联系人")
  })

  it("asks a guest choosing on-site collection for a line to sign in", () => {
    render(
      <CheckoutForm
        defaults={{}}
        payLabel="提交订单并支付"
        lines={lines.slice(0, 1)}
        collection={{ sites: [], signedIn: false }}
        paymentMethods={[]}
      />
    )
    fireEvent.click(screen.getByLabelText(/采集点现场采集/))
    expect(screen.getByTestId("collection-sign-in").textContent).toContain("现场采集需先登录")
  })
})

describe("lineChoicesFromForm", () => {
  const { lineChoicesFromForm } = require("@/lib/collection-appointment")
  const line = { id: "cali_1", title: "运动基因检测", quantity: 1 }

  it("reads mail-in unless on-site is picked, and the line's own site and slot", () => {
    expect(lineChoicesFromForm(form({}), [line], true)).toEqual([{ line, method: "mail_in" }])
    expect(
      lineChoicesFromForm(
        form({
          "test_method:cali_1": "on_site",
          "collection_site_id:cali_1": "site-1",
          "collection_site_name:cali_1": "岳阳楼区采集点",
          "collection_slot:cali_1": "2026-12-03 10:00-11:00",
          collection_site_id: "site-2",
        }),
        [line],
        true
      )
    ).toEqual([
      {
        line,
        method: "on_site",
        collection: {
          choice: {
            site_id: "site-1",
            site_name: "岳阳楼区采集点",
            date: "2026-12-03",
            slot: "10:00-11:00",
          },
        },
      },
    ])
  })

  it("says what is missing for an on-site line, and asks guests to sign in", () => {
    expect(lineChoicesFromForm(form({ "test_method:cali_1": "on_site" }), [line], true)).toEqual([
      { line, method: "on_site", collection: { problem: "请选择现场采集的采集点" } },
    ])
    expect(lineChoicesFromForm(form({ "test_method:cali_1": "on_site" }), [line], false)).toEqual([
      { line, method: "on_site", collection: { problem: COLLECTION_SIGN_IN_PROBLEM } },
    ])
  })
})
