import type { Consent, Kit, TestedPerson } from "@health/core"
import { act, fireEvent, render, screen, within } from "@testing-library/react"
import { ActivationForm, type ConsentOffer } from "@/components/health/activation-form"
import { ArchiveDataControls } from "@/components/health/archive-data-controls"
import { ConsentList } from "@/components/health/consent-list"
import { KitCard } from "@/components/health/kit-card"
import { KitTimeline } from "@/components/health/kit-timeline"

const offers: ConsentOffer[] = [
  {
    kind: "testing",
    title: "基因检测知情同意书",
    version: "2026-11",
    required: true,
    text: "本人自愿",
  },
  {
    kind: "storage",
    title: "样本保存知情同意书",
    version: "2026-11",
    required: false,
    text: "保存",
  },
  {
    kind: "research",
    title: "科研使用知情同意书",
    version: "2026-10",
    required: false,
    text: "科研",
  },
]
const mother: TestedPerson = {
  id: "per_1",
  relation: "parent",
  relation_label: "父母",
  name: "王芳",
  sex: "female",
  birth_date: "1960-03-02",
  id_number_masked: null,
  verified_at: null,
}

const kit: Kit = {
  id: "kit_1",
  barcode: "GT1234567897",
  status: "rejected",
  status_label: "样本不合格（需重新采样）",
  product_title: "肿瘤易感基因检测",
  variant_title: "标准版",
  order_id: "order_1",
  order_display_id: 1024,
  collection_method: "mail_in",
  person: mother,
  tracking: { carrier: "顺丰", number: "SF123" },
  report: null,
  timeline: [
    { status: "ordered", label: "待发货", at: "2026-11-01T02:00:00Z", note: null },
    { status: "shipped", label: "已寄出", at: "2026-11-02T16:30:00Z", note: null },
    { status: "activated", label: "已激活", at: "2026-11-05T02:00:00Z", note: null },
    { status: "received", label: "样本已接收", at: "2026-11-08T02:00:00Z", note: null },
    {
      status: "rejected",
      label: "样本不合格（需重新采样）",
      at: "2026-11-09T02:00:00Z",
      note: "唾液量不足",
    },
  ],
  activated_at: "2026-11-05T02:00:00Z",
  created_at: "2026-11-01T02:00:00Z",
}

describe("ActivationForm", () => {
  const renderForm = (activate = jest.fn().mockResolvedValue(undefined), persons = [mother]) =>
    render(
      <ActivationForm persons={persons} consents={offers} today="2026-11-24" activate={activate} />
    )

  it("checks the barcode as it is typed and opens only once it and the testing consent are right", () => {
    renderForm()
    const barcode = screen.getByLabelText("采样盒条码")
    const submit = screen.getByRole("button", { name: "激活采样盒" }) as HTMLButtonElement
    expect(screen.getByText("条码印在采样管和采样盒上，以 GT 开头，共 12 位")).toBeTruthy()

    fireEvent.change(barcode, { target: { value: "GT12345" } })
    expect(document.getElementById("barcode-check")?.textContent).toBe("还差 5 位")
    fireEvent.change(barcode, { target: { value: "GT1234567898" } })
    expect(document.getElementById("barcode-check")?.textContent).toBe(
      "条码校验未通过，请逐位核对是否输错"
    )
    expect(barcode.getAttribute("aria-invalid")).toBe("true")
    fireEvent.change(barcode, { target: { value: "gt1234567897" } })
    expect(document.getElementById("barcode-check")?.textContent).toBe(
      "✓ 条码格式正确：GT1234567897"
    )
    expect(submit.disabled).toBe(true)

    fireEvent.click(screen.getByLabelText(/我已阅读并同意《样本保存知情同意书》/))
    expect(submit.disabled).toBe(true)
    fireEvent.click(screen.getByLabelText(/我已阅读并同意《基因检测知情同意书》/))
    expect(submit.disabled).toBe(false)
  })

  it("offers people tested before, and a new person's fields only when asked", () => {
    renderForm()
    expect((screen.getByLabelText(/王芳/) as HTMLInputElement).checked).toBe(true)
    expect(screen.queryByTestId("new-person")).toBeNull()
    fireEvent.click(screen.getByLabelText("添加新的受检者"))
    const fields = within(screen.getByTestId("new-person"))
    // Nobody was tested as 本人 yet, so that is the likely choice.
    expect((fields.getByLabelText("与您的关系") as HTMLSelectElement).value).toBe("self")
    expect(fields.getByLabelText("姓名")).toBeTruthy()
    expect(fields.getByLabelText("出生日期").getAttribute("max")).toBe("2026-11-24")
  })

  it("sends the consent versions shown and keeps every answer when the server refuses", async () => {
    const activate = jest.fn().mockResolvedValue({ error: "这个条码已激活，请核对采样盒上的条码" })
    renderForm(activate, [])
    fireEvent.change(screen.getByLabelText("采样盒条码"), { target: { value: "GT1234567897" } })
    fireEvent.change(screen.getByLabelText("姓名"), { target: { value: "张三" } })
    fireEvent.click(screen.getByLabelText("男"))
    fireEvent.change(screen.getByLabelText("出生日期"), { target: { value: "1990-05-20" } })
    fireEvent.click(screen.getByLabelText(/我已阅读并同意《基因检测知情同意书》/))
    fireEvent.click(screen.getByLabelText(/我已阅读并同意《科研使用知情同意书》/))
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "激活采样盒" })))

    const sent = activate.mock.calls[0][1] as FormData
    expect(sent.get("barcode")).toBe("GT1234567897")
    expect(sent.get("person_id")).toBe("new")
    expect(sent.get("relation")).toBe("self")
    expect(sent.get("sex")).toBe("male")
    expect(sent.get("consent_testing")).toBe("yes")
    expect(sent.get("consent_storage")).toBeNull()
    expect(sent.get("consent_research_version")).toBe("2026-10")
    expect(screen.getByRole("alert").textContent).toBe("这个条码已激活，请核对采样盒上的条码")
    expect((screen.getByLabelText("采样盒条码") as HTMLInputElement).value).toBe("GT1234567897")
    expect((screen.getByLabelText("姓名") as HTMLInputElement).value).toBe("张三")
    const checked = (label: string | RegExp) =>
      (screen.getByLabelText(label) as HTMLInputElement).checked
    expect(checked("男")).toBe(true)
    expect(checked(/我已阅读并同意《基因检测知情同意书》/)).toBe(true)
    expect(checked(/我已阅读并同意《科研使用知情同意书》/)).toBe(true)
  })

  it("refuses to activate without the testing consent text", () => {
    render(
      <ActivationForm
        persons={[]}
        consents={offers.slice(1)}
        today="2026-11-24"
        activate={jest.fn()}
      />
    )
    expect(screen.getByRole("alert").textContent).toBe(
      "知情同意书暂时无法加载，请稍后刷新页面再激活。"
    )
    fireEvent.change(screen.getByLabelText("采样盒条码"), { target: { value: "GT1234567897" } })
    expect((screen.getByRole("button", { name: "激活采样盒" }) as HTMLButtonElement).disabled).toBe(
      true
    )
  })
})

describe("kit progress", () => {
  it("lists a rejected kit with its steps, the rejection as the current side step", () => {
    render(<KitCard kit={kit} />)
    expect(screen.getByTestId("kit-status").textContent).toBe("样本不合格（需重新采样）")
    expect(screen.getByTestId("kit-status").className).toBe("kit-badge danger")
    expect(screen.getByTestId("kit-barcode").textContent).toBe("GT1234567897")
    const steps = screen.getByTestId("kit-stepper").querySelectorAll("li")
    expect(Array.from(steps).map((li) => li.className)).toEqual([
      "done",
      "done",
      "done",
      "done",
      "current exit",
      "upcoming",
      "upcoming",
      "upcoming",
    ])
    expect(steps[4].getAttribute("aria-current")).toBe("step")
    expect(screen.getByRole("link", { name: "查看详情" }).getAttribute("href")).toBe(
      "/account/health/kits/kit_1"
    )
    expect(screen.queryByRole("link", { name: "激活采样盒" })).toBeNull()
  })

  it("offers activation with the barcode filled in for a kit that was posted", () => {
    render(<KitCard kit={{ ...kit, status: "shipped", status_label: "已寄出", person: null }} />)
    expect(screen.getByRole("link", { name: "激活采样盒" }).getAttribute("href")).toBe(
      "/account/health/activate?barcode=GT1234567897"
    )
    expect(screen.getByText("激活时填写")).toBeTruthy()
  })

  it("shows each reached step's time in Asia/Shanghai, with the lab's note", () => {
    render(<KitTimeline kit={kit} />)
    const times = screen.getAllByRole("listitem").map((li) => li.querySelector("time")?.textContent)
    // 16:30 UTC on 2 November is 00:30 on 3 November in Shanghai.
    expect(times.slice(0, 5)).toEqual([
      "2026-11-01 10:00",
      "2026-11-03 00:30",
      "2026-11-05 10:00",
      "2026-11-08 10:00",
      "2026-11-09 10:00",
    ])
    expect(times[5]).toBeUndefined()
    expect(screen.getByText("唾液量不足")).toBeTruthy()
  })
})

describe("ConsentList", () => {
  const consents: Consent[] = [
    {
      id: "con_1",
      kit_id: "kit_1",
      kind: "storage",
      kind_label: "样本保存",
      version: "2026-11",
      signed_at: "2026-11-05T02:00:00Z",
      withdrawn_at: null,
    },
    {
      id: "con_2",
      kit_id: "kit_1",
      kind: "research",
      kind_label: "科研使用",
      version: "2026-11",
      signed_at: "2026-11-05T02:00:00Z",
      withdrawn_at: "2026-11-06T02:00:00Z",
    },
  ]

  it("withdraws only after the member confirms what it means", async () => {
    const withdraw = jest.fn().mockResolvedValue({ notice: "已撤回同意" })
    const confirm = jest.fn().mockReturnValueOnce(false).mockReturnValueOnce(true)
    render(<ConsentList consents={consents} withdraw={withdraw} confirm={confirm} />)
    expect(screen.getAllByRole("button", { name: "撤回同意" })).toHaveLength(1)
    expect(screen.getByText("已撤回")).toBeTruthy()

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "撤回同意" })))
    expect(confirm).toHaveBeenCalledWith(
      "确定撤回「样本保存」吗？实验室将销毁剩余样本，之后无法复检。撤回后如需恢复，须重新签署。"
    )
    expect(withdraw).not.toHaveBeenCalled()
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "撤回同意" })))
    expect(withdraw).toHaveBeenCalledWith("con_1")
    expect(screen.getByRole("status").textContent).toBe("已撤回同意")
  })
})

describe("ArchiveDataControls", () => {
  it("exports through our route and deletes only once 删除 is typed", async () => {
    const erase = jest.fn().mockResolvedValue({ notice: "健康档案已删除，所有同意均已撤回" })
    render(<ArchiveDataControls erase={erase} />)
    expect(screen.getByRole("link", { name: "下载全部数据" }).getAttribute("href")).toBe(
      "/api/health-archive/export"
    )
    const button = screen.getByRole("button", { name: "永久删除健康档案" }) as HTMLButtonElement
    const input = screen.getByLabelText("请输入“删除”以确认")
    expect(button.disabled).toBe(true)
    fireEvent.change(input, { target: { value: "删" } })
    expect(button.disabled).toBe(true)
    fireEvent.change(input, { target: { value: "删除" } })
    expect(button.disabled).toBe(false)
    await act(async () => fireEvent.click(button))
    expect((erase.mock.calls[0][1] as FormData).get("confirm")).toBe("删除")
    expect(screen.getByRole("status").textContent).toBe("健康档案已删除，所有同意均已撤回")
  })
})
