import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import Profile from "../src/packages/member/profile/index"
import { session } from "../src/lib/session"
import { calls, fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

const unbound = {
  id: "cus_1",
  email: null,
  phone: null,
  first_name: "晓",
  last_name: "赵",
  metadata: { wechat_openid: "o-openid-1" },
  created_at: "2026-11-01T00:00:00Z",
}

beforeEach(() => {
  stand.reset()
  session.setToken("tok_1")
})
afterAll(() => {
  process.env.TARO_ENV = "h5"
})

function profileBackend(bind: (body: unknown) => { status?: number; body: unknown }) {
  let me = unbound
  fakeBackend({
    "GET /store/customers/me": () => ({ body: { customer: me } }),
    "POST /store/customers/me/phone/wechat": ({ body }: { body: unknown }) => {
      const answer = bind(body)
      if (!answer.status) me = { ...me, phone: "+8613700137000" } as never
      return answer
    },
  })
  // Commerce takes a moment to answer the refresh after binding, as it does for real.
  const answer = stand.handler
  let reads = 0
  stand.handler = async (request) => {
    if (request.url.endsWith("/store/customers/me") && ++reads > 1) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    return answer(request)
  }
}

describe("手机号 on the profile page", () => {
  it("binds the number WeChat verified with one tap in the mini-program", async () => {
    process.env.TARO_ENV = "weapp"
    const sent: unknown[] = []
    profileBackend((body) => {
      sent.push(body)
      return { body: { customer: { ...unbound, phone: "+8613700137000" } } }
    })
    render(<Profile />)
    fireEvent.click(await screen.findByText("微信手机号快捷绑定"))
    await waitFor(() => expect(screen.queryByText("已绑定 137 0013 7000")).not.toBeNull())
    // The page refreshed the member without dropping the form's own notice.
    expect(document.querySelector(".notice-text")?.textContent).toBe("手机号已绑定")
    expect(sent).toEqual([{ code: "phone-code-1" }])
    expect(stand.toasts).toContain("绑定成功")
  })

  it("says why when commerce refuses, and stays quiet when the member declines", async () => {
    process.env.TARO_ENV = "weapp"
    profileBackend(refuse(409, "该手机号已绑定其他账号，请更换手机号，或使用该手机号登录原账号"))
    render(<Profile />)
    fireEvent.click(await screen.findByText("微信手机号快捷绑定"))
    await waitFor(() =>
      expect(document.querySelector(".error-text")?.textContent).toBe(
        "该手机号已绑定其他账号，请更换手机号，或使用该手机号登录原账号"
      )
    )

    stand.phoneNumber = { errMsg: "getPhoneNumber:fail user deny" }
    const before = calls().length
    fireEvent.click(screen.getByText("微信手机号快捷绑定"))
    expect(calls().length).toBe(before)
  })

  it("offers only the SMS code outside WeChat", async () => {
    process.env.TARO_ENV = "h5"
    profileBackend(() => ({ body: {} }))
    render(<Profile />)
    expect((await screen.findByText("绑定手机号")).tagName).toBe("BUTTON")
    expect(screen.queryByText("微信手机号快捷绑定")).toBeNull()
  })
})
