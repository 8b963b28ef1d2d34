import type { Appointment, ClinicSession, SiteAvailability } from "@health/core"
import { act, fireEvent, render, screen, within } from "@testing-library/react"
import { AppointmentList } from "@/components/appointments/appointment-list"
import { ClinicSessionList } from "@/components/appointments/clinic-session-list"
import { SlotPicker } from "@/components/appointments/slot-picker"

const appointment = (overrides: Partial<Appointment> = {}): Appointment => ({
  id: "appt_1",
  site: { id: "site-1", name: "岳阳楼区采集点", address: "岳阳市 岳阳楼区 洞庭南路 1 号" },
  date: "2026-12-03",
  slot: "09:00-10:00",
  starts_at: "2026-12-03T01:00:00.000Z",
  status: "pending",
  status_label: "待确认",
  order_id: null,
  kit_id: null,
  person: { name: "王小明", phone: null },
  cancelled_by: null,
  cancel_reason: null,
  history: [],
  created_at: "2026-12-01T02:00:00.000Z",
  ...overrides,
})

const availability = (remaining: number[], bookable: boolean[]): SiteAvailability => ({
  site: {
    id: "site-1",
    name: "岳阳楼区采集点",
    address: "岳阳市",
    phone: null,
    hours: null,
    capacity_per_slot: 2,
  },
  slots: ["09:00-10:00", "10:00-11:00"],
  max_days_ahead: 30,
  days: [
    {
      date: "2026-12-03",
      slots: ["09:00-10:00", "10:00-11:00"].map((slot, i) => ({
        slot,
        capacity: 2,
        remaining: remaining[i],
        bookable: bookable[i],
      })),
    },
  ],
})

describe("我的预约", () => {
  it("shows each appointment's status and lets active ones be moved or cancelled", async () => {
    const cancel = jest.fn(async () => ({ notice: "预约已取消" }))
    const asked: string[] = []
    render(
      <AppointmentList
        appointments={[
          appointment(),
          appointment({
            id: "appt_2",
            status: "cancelled",
            status_label: "已取消",
            cancelled_by: "staff",
            cancel_reason: "采集点临时停电",
          }),
        ]}
        cancel={cancel}
        confirm={(question) => (asked.push(question), true)}
      />
    )
    const [active, cancelled] = screen.getAllByTestId("appointment-row")
    // getByText throws when the text is missing; the row's text pins status and time together.
    expect(active.textContent).toContain("待确认")
    expect(active.textContent).toContain("12月3日 周四 09:00-10:00")
    expect(within(active).getByText("改期").getAttribute("href")).toBe(
      "/account/appointments/book?site=site-1&reschedule=appt_1"
    )
    expect(cancelled.textContent).toContain("客服已取消：采集点临时停电")
    expect(within(cancelled).queryByText("取消预约")).toBeNull()

    await act(async () => fireEvent.click(within(active).getByText("取消预约")))
    expect(asked).toEqual([
      "确定取消 12月3日 周四 09:00-10:00 在岳阳楼区采集点的预约吗？取消后名额会释放给其他会员。",
    ])
    expect(cancel).toHaveBeenCalledWith("appt_1")
    expect(await screen.findByRole("status")).toHaveProperty("textContent", "预约已取消")
  })
})

describe("choosing a slot", () => {
  it("shows places left and keeps full slots out of reach", () => {
    render(<SlotPicker availability={availability([0, 2], [false, true])} book={jest.fn()} />)
    const [full, open] = screen.getAllByTestId("slot-option")
    expect(full.textContent).toContain("已约满")
    expect((within(full).getByRole("radio") as HTMLInputElement).disabled).toBe(true)
    expect(open.textContent).toContain("余 2")
    expect((within(open).getByRole("radio") as HTMLInputElement).value).toBe(
      "2026-12-03 10:00-11:00"
    )
    const name = screen.getByLabelText("到店人姓名（选填）") as HTMLInputElement
    expect([name.tagName, name.required, name.value]).toEqual(["INPUT", false, ""])
    expect(screen.queryByTestId("slots-full")).toBeNull()
  })

  it("says so when nothing is left, and asks only for the slot when rescheduling", () => {
    render(
      <SlotPicker
        availability={availability([0, 0], [false, false])}
        book={jest.fn()}
        rescheduleId="appt_1"
      />
    )
    expect(screen.getByTestId("slots-full").textContent).toBe(
      "岳阳楼区采集点近 1 天的时段都已约满或已过，请换一个采集点，或稍后再来看看。"
    )
    expect(screen.queryByLabelText("到店人姓名（选填）")).toBeNull()
    const submit = screen.getByRole("button", { name: "确认改期" }) as HTMLButtonElement
    expect(submit.disabled).toBe(true)
  })
})

describe("线下义诊", () => {
  const session: ClinicSession = {
    documentId: "session-1",
    title: "中医专家义诊",
    starts_at: "2026-12-05T01:30:00.000Z",
    place: "岳阳市中医院",
    capacity: 2,
  }

  it("offers a place, the waitlist, or a way out, and signs up", async () => {
    const signUp = jest.fn(async () => ({ notice: "报名成功" }))
    render(
      <ClinicSessionList
        sessions={[
          {
            session,
            state: { session_id: "session-1", confirmed_count: 1, waitlist_count: 0, signup: null },
          },
          {
            session: { ...session, documentId: "session-2", title: "满员义诊" },
            state: { session_id: "session-2", confirmed_count: 2, waitlist_count: 3, signup: null },
          },
        ]}
        signUp={signUp}
        cancel={jest.fn()}
      />
    )
    const [open, full] = screen.getAllByTestId("clinic-session")
    expect(open.textContent).toContain("2026-12-05 09:30 · 岳阳市中医院")
    expect(open.textContent).toContain("剩余 1 个名额")
    expect(within(full).getByRole("button").textContent).toBe("加入候补")
    await act(async () => fireEvent.click(within(open).getByRole("button", { name: "报名" })))
    expect(signUp).toHaveBeenCalledWith("session-1")
    expect(await screen.findByRole("status")).toHaveProperty("textContent", "报名成功")
  })

  it("has a clear empty state", () => {
    render(<ClinicSessionList sessions={[]} signUp={jest.fn()} cancel={jest.fn()} />)
    expect(screen.queryAllByRole("button")).toHaveLength(0)
    expect(document.body.textContent).toContain("近期没有线下义诊，发布后会显示在这里。")
  })
})
