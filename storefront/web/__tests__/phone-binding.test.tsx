import { act, fireEvent, render, screen } from "@testing-library/react"
import { PhoneBinding } from "@/components/account/phone-binding"

describe("PhoneBinding", () => {
  it("explains a wrong number without asking for a code", async () => {
    const sendCode = jest.fn()
    render(<PhoneBinding current={null} bind={jest.fn()} sendCode={sendCode} />)
    expect(screen.getByTestId("bound-phone").textContent).toBe("未绑定")
    fireEvent.change(screen.getByLabelText("手机号"), { target: { value: "1380013" } })
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "获取验证码" })))
    expect(sendCode).not.toHaveBeenCalled()
    expect(screen.getByRole("alert").textContent).toBe("请输入正确的 11 位手机号")
  })

  it("texts a code to the new number, then waits a minute before the next", async () => {
    const sendCode = jest.fn().mockResolvedValue({ notice: "验证码已发送，5 分钟内有效" })
    render(<PhoneBinding current="+8613800138000" bind={jest.fn()} sendCode={sendCode} />)
    expect(screen.getByTestId("bound-phone").textContent).toBe("138 0013 8000")
    fireEvent.change(screen.getByLabelText("新手机号"), { target: { value: "139 0013 9000" } })
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "获取验证码" })))
    expect(sendCode).toHaveBeenCalledWith("139 0013 9000")
    expect(screen.getByRole("status").textContent).toBe("验证码已发送，5 分钟内有效")
    const wait = screen.getByRole("button", { name: "60 秒后重发" }) as HTMLButtonElement
    expect(wait.disabled).toBe(true)
  })

  it("shows why a binding was refused", async () => {
    const bind = jest.fn().mockResolvedValue({
      error: "该手机号已绑定其他账号，请更换手机号，或使用该手机号登录原账号",
    })
    render(<PhoneBinding current={null} bind={bind} sendCode={jest.fn()} />)
    fireEvent.change(screen.getByLabelText("手机号"), { target: { value: "13900139000" } })
    fireEvent.change(screen.getByLabelText("验证码"), { target: { value: "123456" } })
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "绑定手机号" })))
    const sent = bind.mock.calls[0][1] as FormData
    expect([sent.get("phone"), sent.get("code")]).toEqual(["13900139000", "123456"])
    expect(screen.getByRole("alert").textContent).toBe(
      "该手机号已绑定其他账号，请更换手机号，或使用该手机号登录原账号"
    )
  })
})
