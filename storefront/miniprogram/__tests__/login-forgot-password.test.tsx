import { fireEvent, render, screen } from "@testing-library/react"
import Login from "../src/pages/login/index"
import { calls, fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => {
  stand.reset()
  process.env.TARO_ENV = "h5"
})

describe("忘记密码 on the email sign-in", () => {
  it("asks for the email first, without calling commerce", async () => {
    render(<Login />)
    fireEvent.click(screen.getByTestId("login-tab-email"))
    fireEvent.click(screen.getByTestId("forgot-password"))
    expect((await screen.findByTestId("login-error")).textContent).toBe("请先在上方输入注册邮箱")
    expect(stand.requests).toHaveLength(0)
  })

  it("asks commerce to mail the link and gives every address the same answer", async () => {
    let asked: unknown
    fakeBackend({
      // Medusa answers 201 with a plain-text body.
      "POST /auth/customer/emailpass/reset-password": ({ body }: { body: unknown }) => {
        asked = body
        return { statusCode: 201, data: "Created" }
      },
    })
    render(<Login />)
    fireEvent.click(screen.getByTestId("login-tab-email"))
    fireEvent.change(screen.getByPlaceholderText("邮箱"), { target: { value: " li@example.com " } })
    fireEvent.click(screen.getByTestId("forgot-password"))
    expect(
      await screen.findByText(
        "如果该邮箱已注册，我们已发送重置链接，请在 15 分钟内用浏览器打开邮件中的链接设置新密码"
      )
    ).toBeTruthy()
    expect(asked).toEqual({ identifier: "li@example.com" })
    expect(calls()).toEqual(["POST /auth/customer/emailpass/reset-password"])
  })

  it("shows commerce's refusal when asked too often", async () => {
    fakeBackend({
      "POST /auth/customer/emailpass/reset-password": refuse(
        429,
        "重置密码的请求过于频繁，请 60 分钟后再试。"
      ),
    })
    render(<Login />)
    fireEvent.click(screen.getByTestId("login-tab-email"))
    fireEvent.change(screen.getByPlaceholderText("邮箱"), { target: { value: "li@example.com" } })
    fireEvent.click(screen.getByTestId("forgot-password"))
    expect((await screen.findByTestId("login-error")).textContent).toBe(
      "重置密码的请求过于频繁，请 60 分钟后再试。"
    )
  })

  it("is not offered while registering", () => {
    render(<Login />)
    fireEvent.click(screen.getByTestId("login-tab-register"))
    expect(screen.queryByTestId("forgot-password")).toBeNull()
  })
})
