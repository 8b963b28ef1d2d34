import { act, fireEvent, render, screen } from "@testing-library/react"
import { ForgotPasswordForm } from "@/components/account/forgot-password-form"
import { ResetPasswordForm } from "@/components/account/reset-password-form"
import { SignInForms } from "@/components/account/sign-in-forms"
import { readResetPasswordForm, RESET_MAIL_SENT } from "@/lib/password-reset-form"

jest.mock("@/lib/account-actions", () => ({
  register: jest.fn(),
  sendLoginCode: jest.fn(),
  signInWithPassword: jest.fn(),
  signInWithPhone: jest.fn(),
}))

const formOf = (fields: Record<string, string>) => {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.set(name, value)
  return form
}

describe("readResetPasswordForm", () => {
  it("reads the link's token and the new password typed twice", () => {
    expect(
      readResetPasswordForm(
        formOf({ token: " t.o.k ", password: "NewSecret678", password_confirm: "NewSecret678" })
      )
    ).toEqual({ token: "t.o.k", password: "NewSecret678" })
  })

  it("names the first thing to fix, in Chinese", () => {
    expect(readResetPasswordForm(formOf({ password: "a", password_confirm: "a" }))).toEqual({
      problem: "重置链接不完整，请从邮件中重新打开链接，或重新申请",
    })
    expect(readResetPasswordForm(formOf({ token: "t", password: "" }))).toEqual({
      problem: "请输入新密码",
    })
    expect(
      readResetPasswordForm(
        formOf({ token: "t", password: "NewSecret678", password_confirm: "NewSecret679" })
      )
    ).toEqual({ problem: "两次输入的新密码不一致" })
  })
})

describe("password reset pages' forms", () => {
  it("offers 忘记密码？ under the password sign-in", () => {
    render(<SignInForms next="/account" initialTab="password" />)
    const link = screen.getByRole("link", { name: "忘记密码？" })
    expect(link.getAttribute("href")).toBe("/account/forgot-password")
  })

  it("sends the email and shows the same answer for every address", async () => {
    const request = jest.fn().mockResolvedValue({ notice: RESET_MAIL_SENT })
    render(<ForgotPasswordForm request={request} />)
    fireEvent.change(screen.getByLabelText("注册邮箱"), { target: { value: "li@example.com" } })
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "发送重置链接" })))
    expect((request.mock.calls[0][1] as FormData).get("email")).toBe("li@example.com")
    expect(screen.getByRole("status").textContent).toBe(RESET_MAIL_SENT)
    expect(RESET_MAIL_SENT).toMatch(/^如果该邮箱已注册，我们已发送重置链接/)
  })

  it("carries the token hidden, hints the rule and shows a refusal", async () => {
    const reset = jest
      .fn()
      .mockResolvedValue({ error: "重置密码的链接无效、已过期或已使用，请重新申请重置密码" })
    render(<ResetPasswordForm token="t.o.k" email="li@example.com" reset={reset} />)
    expect((screen.getByLabelText("邮箱") as HTMLInputElement).value).toBe("li@example.com")
    fireEvent.change(screen.getByLabelText(/^新密码（至少 8 位，且需同时包含字母和数字）/), {
      target: { value: "NewSecret678" },
    })
    fireEvent.change(screen.getByLabelText("确认新密码"), { target: { value: "NewSecret678" } })
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "设置新密码" })))
    const sent = reset.mock.calls[0][1] as FormData
    expect([sent.get("token"), sent.get("password"), sent.get("password_confirm")]).toEqual([
      "t.o.k",
      "NewSecret678",
      "NewSecret678",
    ])
    expect(screen.getByRole("alert").textContent).toBe(
      "重置密码的链接无效、已过期或已使用，请重新申请重置密码"
    )
  })
})
