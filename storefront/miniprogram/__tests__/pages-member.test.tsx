import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import Login from "../src/pages/login/index"
import AffiliateCentre from "../src/packages/affiliate/center/index"
import Sites from "../src/packages/content/sites/index"
import { session } from "../src/lib/session"
import { pendingReferral, rememberReferral } from "../src/lib/referral"
import { fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => {
  stand.reset()
  process.env.TARO_ENV = "h5"
})
afterAll(() => {
  process.env.TARO_ENV = "h5"
})

describe("sign-in from a shared card", () => {
  it("signs in with wx.login's code and binds the referrer the card carried", async () => {
    process.env.TARO_ENV = "weapp"
    stand.loginCode = "wx-code-friend.1"
    rememberReferral({ ref: "SHARE234" })
    const seen: Record<string, unknown> = {}
    fakeBackend({
      "POST /auth/customer/wechat": ({ body }: { body: unknown }) => {
        seen.login = body
        return { body: { token: "tok_wechat" } }
      },
      "POST /store/affiliate/bind": ({
        body,
        headers,
      }: {
        body: unknown
        headers: Record<string, string>
      }) => {
        seen.bind = { body, auth: headers.authorization }
        return { body: {} }
      },
    })
    render(<Login />)
    fireEvent.click(screen.getByText("微信一键登录"))
    await waitFor(() => expect(stand.navigations).toHaveLength(1))
    expect(seen).toEqual({
      login: { code: "wx-code-friend.1" },
      bind: { body: { code: "SHARE234" }, auth: "Bearer tok_wechat" },
    })
    expect(session.token()).toBe("tok_wechat")
    expect(pendingReferral()).toBeNull()
    expect(stand.navigations[0]).toEqual({ kind: "redirectTo", url: "/pages/account/index" })
  })

  it("offers no WeChat button in a browser and says when the password is wrong", async () => {
    fakeBackend({ "POST /auth/customer/emailpass": refuse(401, "Invalid email or password") })
    render(<Login />)
    expect(screen.queryByText("微信一键登录")).toBeNull()
    fireEvent.click(screen.getByTestId("login-tab-email"))
    fireEvent.change(screen.getByPlaceholderText("邮箱"), { target: { value: "a@b.cn" } })
    fireEvent.change(screen.getByPlaceholderText("密码"), { target: { value: "wrong" } })
    fireEvent.click(screen.getByTestId("login-submit"))
    expect((await screen.findByTestId("login-error")).textContent).toBe("账号或密码不正确")
  })

  it("checks the phone number before asking for a code", async () => {
    render(<Login />)
    fireEvent.change(screen.getByPlaceholderText("11 位手机号"), { target: { value: "123" } })
    fireEvent.click(screen.getByText("获取验证码"))
    expect((await screen.findByTestId("login-error")).textContent).toBe("请输入正确的 11 位手机号")
    expect(stand.requests).toHaveLength(0)
  })
})

describe("分销中心", () => {
  it("shows the share code, link, balances and team", async () => {
    session.setToken("tok_1")
    fakeBackend({
      "GET /store/affiliate/me": {
        affiliate: {
          id: "aff_1",
          code: "MINE2345",
          link: "http://web.test/r/MINE2345",
          status: "member",
          referrer: null,
          bound_at: null,
          balances: { pending: 12.5, available: 30, withdrawing: 0, withdrawn: 0, spent: 0 },
          programme: { rates_percent: [10, 5, 2], hold_days: 7, min_withdrawal: 10 },
        },
      },
      "GET /store/affiliate/commissions": { commissions: [], count: 0 },
      "GET /store/affiliate/team": { levels: [{ level: 1, count: 2, members: [] }] },
      "GET /store/affiliate/withdrawals": { withdrawals: [], count: 0 },
      // Commerce's sums over every ledger entry, not the first page of commissions.
      "GET /store/affiliate/earnings/monthly": ({ url }: { url: URL }) => {
        expect(url.searchParams.get("months")).toBe("6")
        return {
          body: {
            monthly_earnings: [
              { month: "2026-11", amount: 120.3, amount_fen: 12030 },
              { month: "2026-12", amount: 0, amount_fen: 0 },
            ],
          },
        }
      },
    })
    render(<AffiliateCentre />)
    expect((await screen.findByTestId("share-code")).textContent).toBe("MINE2345")
    expect(screen.getByTestId("share-link").textContent).toBe("http://web.test/r/MINE2345")
    expect(screen.getByTestId("balance-available").textContent).toBe("¥30.00")
    expect(screen.getByText("1级 10% · 2级 5% · 3级 2%", { exact: false }).textContent).toContain(
      "1级 10% · 2级 5% · 3级 2%"
    )
    expect(screen.getByText("2 人").textContent).toBe("2 人")
    expect(screen.getAllByTestId("earning-month").map((bar) => bar.textContent)).toEqual([
      "¥120.3011月",
      "¥0.0012月",
    ])
    expect(screen.getByText("暂无佣金记录，分享给好友，好友下单后即可获得佣金").textContent).toBe(
      "暂无佣金记录，分享给好友，好友下单后即可获得佣金"
    )
    await waitFor(() =>
      expect(stand.share.appMessage?.()).toMatchObject({ path: "/pages/index/index?ref=MINE2345" })
    )
  })
})

describe("采集点", () => {
  it("lists sites with a Tencent map link when the CMS has coordinates", async () => {
    fakeBackend({
      "GET /api/collection-sites": {
        data: [
          {
            documentId: "s1",
            name: "岳阳楼区采集点",
            slug: "a",
            city: "岳阳",
            address: "洞庭南路 1 号",
            latitude: 29.37,
            longitude: 113.09,
            active: true,
          },
          {
            documentId: "s2",
            name: "无坐标采集点",
            slug: "b",
            city: "长沙",
            address: "某路",
            latitude: null,
            longitude: null,
            active: true,
          },
        ],
        meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: 2 } },
      },
    })
    render(<Sites />)
    await screen.findByText("岳阳楼区采集点")
    const maps = screen.getAllByTestId("site-map")
    expect(maps).toHaveLength(1)
    expect(maps[0].getAttribute("data-href")).toContain("coord%3A29.37%2C113.09")
  })
})
