import { act, fireEvent, render, screen, within } from "@testing-library/react"
import { MembershipForm } from "@/components/account/membership-form"
import { SignInForms } from "@/components/account/sign-in-forms"

// Server actions only run inside Next; the register form's own logic is tested here.
jest.mock("@/lib/account-actions", () => ({
  register: jest.fn(),
  sendLoginCode: jest.fn(),
  signInWithPassword: jest.fn(),
  signInWithPhone: jest.fn(),
}))

const radio = (name: string) => screen.getByRole("radio", { name }) as HTMLInputElement

describe("注册 form", () => {
  it("starts as 个人会员 with the labels the journeys use, and one checkbox", () => {
    render(<SignInForms next="/account" initialTab="register" />)
    const form = screen.getByTestId("register")
    expect(radio("个人会员").checked).toBe(true)
    expect(screen.queryByTestId("company-fields")).toBeNull()
    for (const label of ["姓名（选填）", "邮箱", "密码（至少 8 位）", "确认密码"]) {
      expect(within(form).getAllByLabelText(label, { exact: false })).toHaveLength(1)
    }
    expect(within(form).getAllByRole("checkbox")).toHaveLength(1)
    expect(within(form).getAllByRole("button", { name: /注册/ })).toHaveLength(1)
    expect(within(form).getByLabelText("出生日期（选填）")).toBeTruthy()
    expect(within(form).getByLabelText("职业（选填）")).toBeTruthy()
  })

  it("reveals 单位名称 and 单位性质, both required, for 团体会员", () => {
    render(<SignInForms next="/account" initialTab="register" />)
    fireEvent.click(radio("团体会员"))
    const name = screen.getByLabelText("单位名称") as HTMLInputElement
    const nature = screen.getByLabelText("单位性质") as HTMLSelectElement
    expect([name.required, nature.required]).toEqual([true, true])
    expect(Array.from(nature.options).map((option) => option.value)).toEqual([
      "",
      "企业",
      "事业单位",
      "政府机关",
      "社会团体",
      "其他",
    ])
    fireEvent.click(radio("个人会员"))
    expect(screen.queryByLabelText("单位名称")).toBeNull()
  })
})

describe("MembershipForm", () => {
  it("shows a group member's company and saves a switch to 个人会员", async () => {
    const save = jest.fn().mockResolvedValue({ notice: "已保存为个人会员" })
    render(
      <MembershipForm
        current={{ type: "group", company_name: "岳阳某公司", company_nature: "企业" }}
        save={save}
      />
    )
    expect(screen.getByTestId("membership-type").textContent).toBe("团体会员（岳阳某公司，企业）")
    expect((screen.getByLabelText("单位名称") as HTMLInputElement).value).toBe("岳阳某公司")
    expect((screen.getByLabelText("单位性质") as HTMLSelectElement).value).toBe("企业")

    fireEvent.click(radio("个人会员"))
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "保存会员类型" })))
    const sent = save.mock.calls[0][1] as FormData
    expect(sent.get("membership_type")).toBe("individual")
    expect(sent.get("company_name")).toBeNull()
    expect(screen.getByRole("status").textContent).toBe("已保存为个人会员")
  })

  it("lets a 个人会员 become a 团体会员 with the company", async () => {
    const save = jest.fn().mockResolvedValue({ error: "团体会员请填写单位名称" })
    render(<MembershipForm current={{ type: "individual" }} save={save} />)
    expect(screen.getByTestId("membership-type").textContent).toBe("个人会员")
    fireEvent.click(radio("团体会员"))
    fireEvent.change(screen.getByLabelText("单位名称"), { target: { value: "岳阳市教育局" } })
    fireEvent.change(screen.getByLabelText("单位性质"), { target: { value: "政府机关" } })
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "保存会员类型" })))
    const sent = save.mock.calls[0][1] as FormData
    expect([
      sent.get("membership_type"),
      sent.get("company_name"),
      sent.get("company_nature"),
    ]).toEqual(["group", "岳阳市教育局", "政府机关"])
    expect(screen.getByRole("alert").textContent).toBe("团体会员请填写单位名称")
  })
})

describe("phone sign-in", () => {
  it("uses the same 手机号 and 验证码 fields as phone binding", async () => {
    render(<SignInForms next="/account" />)
    const form = screen.getByTestId("phone-sign-in")
    fireEvent.change(within(form).getByLabelText("手机号"), { target: { value: "12345" } })
    await act(async () => fireEvent.click(within(form).getByRole("button", { name: "获取验证码" })))
    expect(within(form).getByRole("alert").textContent).toBe("请输入正确的 11 位手机号")
    expect(within(form).getByLabelText("验证码")).toBeTruthy()
  })
})
