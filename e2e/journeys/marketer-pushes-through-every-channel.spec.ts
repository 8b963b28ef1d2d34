import type { Browser, BrowserContext, Locator, Page } from "playwright-core"
import { launchBrowser, screenshot } from "../support/browser"
import { adminToken, call, commerce, eventually, post } from "../support/commerce-api"
import { activateKit, releaseReport, shipKitOfOrder } from "../support/lab"
import { placeOrderPaidOffline, registerByApi, signInWithWechat } from "../support/members"
import { miniprogramUrl, shown } from "../support/miniprogram-h5"
import {
  followOfficialAccount,
  templateMessagesTo,
  unionidOfWechatUser,
} from "../support/official-account"
import { waitForText } from "../support/sms-inbox"
import { adminContext, signInToAdminAs, staffToken, staffWithRole } from "../support/staff"

/** ZYYXH/T157-2009 items q01..q60; the 气虚质 ones answered 经常 (4), the rest 没有 (1). */
const ITEMS = Array.from({ length: 60 }, (_, i) => `q${String(i + 1).padStart(2, "0")}`)
const QIXU_ITEMS = new Set(["q02", "q03", "q09", "q10", "q11", "q12", "q13", "q14"])
const qixuAnswers = () => Object.fromEntries(ITEMS.map((id) => [id, QIXU_ITEMS.has(id) ? 4 : 1]))
const balancedAnswers = () => Object.fromEntries(ITEMS.map((id) => [id, 1]))

type InboxMessage = { category: string; title: string; link: string | null }
type Figures = { channel: string; targeted: number; delivered: number; skipped: number }

/** A member's profile as a returning member leaves it: an address, a constitution result. */
async function completeProfile(
  token: string,
  city: "岳阳市" | "长沙市",
  answers: Record<string, number>
) {
  await post(
    "/store/customers/me/addresses",
    {
      first_name: "会员",
      last_name: "王",
      province: "湖南省",
      city,
      address_1: "建设路 1 号",
      country_code: "cn",
    },
    { token }
  )
  await post("/store/constitution/assessments", { sex: "female", answers }, { token })
}

const inboxOf = (token: string) =>
  call<{ messages: InboxMessage[] }>("/store/inbox", { token }).then(({ messages }) => messages)

/** A field of 推送中心's form by its label (Medusa's Label and Input are siblings). */
const formField = (page: Page, label: string): Locator =>
  page
    .locator("div.gap-y-1", { has: page.locator("label", { hasText: new RegExp(`^${label}$`) }) })
    .locator("input, textarea")

describe("推送中心: a marketer pushes a clinic session through inbox, SMS and the official account", () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  const run = Date.now().toString(36)
  // A mainland mobile of this run: 139 and eight digits.
  const followerPhone = `139${String(Date.now()).slice(-8)}`
  const followerOpenid = `oOA-e2e-${run}`
  const wechatUser = `oa-follower-${run}`
  let followerToken: string

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
  })

  it("previews the audience, sends, and each channel delivers to the 气虚质 member in 岳阳 only", async () => {
    // The follower: a mini-program member (WeChat sign-in, WeChat's phone number), 气虚质, in
    // 岳阳, who follows the service account as the same WeChat user (one unionid).
    followerToken = await signInWithWechat(wechatUser)
    await post(
      "/store/customers/me/phone/wechat",
      { code: `wx-phone-${followerPhone}.1` },
      { token: followerToken }
    )
    await completeProfile(followerToken, "岳阳市", qixuAnswers())
    const { customer: follower } = await call<{ customer: { id: string } }>("/store/customers/me", {
      token: followerToken,
    })
    await followOfficialAccount(followerOpenid, unionidOfWechatUser(wechatUser))
    // Others who must not get it: 气虚质 in 长沙, and 平和质 in 岳阳.
    const inChangsha = await registerByApi(`push-changsha-${run}@example.com`, "长沙")
    await completeProfile(inChangsha, "长沙市", qixuAnswers())
    const balanced = await registerByApi(`push-pinghe-${run}@example.com`, "平和")
    await completeProfile(balanced, "岳阳市", balancedAnswers())

    const admin = { token: await adminToken(), admin: true }
    const { followers } = await call<{ followers: { openid: string; customer_id: string }[] }>(
      "/admin/official-account/followers?limit=100",
      admin
    )
    expect(followers.find((one) => one.openid === followerOpenid)?.customer_id).toBe(follower.id)

    // 运营 opens 推送中心 in the admin and composes the push of the seeded 义诊.
    const marketer = await staffWithRole("operations", "marketer")
    const audience = { constitution_types: ["qixu"], cities: ["岳阳"] }
    // Other journeys' members may match too: the admin must show what the API counts.
    const expected = await post<{ audience: { count: number } }>(
      "/admin/marketing-pushes/audience-preview",
      { audience },
      { token: await staffToken(marketer), admin: true }
    )
    expect(expected.audience.count).toBeGreaterThanOrEqual(1)
    const context = await adminContext(browser)
    contexts.push(context)
    const page = await context.newPage()
    await signInToAdminAs(page, marketer)
    await page.goto(`${commerce()}/app/marketing-pushes`, { waitUntil: "networkidle" })
    await page.getByRole("heading", { name: "推送中心" }).waitFor()
    const title = `气虚质调养义诊 ${run}`
    await formField(page, "标题").fill(title)
    await formField(page, "链接").fill("/account/appointments/book#clinic")
    await formField(page, "正文").fill("李明华主任在岳阳楼区现场体质辨识与养生指导，名额有限。")
    await formField(page, "体质").fill("qixu")
    await formField(page, "城市").fill("岳阳")
    // The count follows the filters: the members the push will reach, before sending.
    await page.getByText(`预计触达 ${expected.audience.count} 位会员`).waitFor()
    await page.getByRole("checkbox", { name: "短信" }).click()
    await page.getByRole("checkbox", { name: "公众号模板消息" }).click()
    await screenshot(page, "60-push-composed")
    const sentAt = new Date()
    await page.getByRole("button", { name: "立即发送" }).click()

    // The member reads it in the mini-program's 消息中心 (its H5 build, signed in).
    const mini = await browser.newContext({ viewport: { width: 390, height: 844 } })
    contexts.push(mini)
    await mini.addInitScript((token) => {
      localStorage.setItem("health.token", JSON.stringify({ data: token }))
    }, followerToken)
    const inbox = await mini.newPage()
    await eventually(
      async () => (await inboxOf(followerToken)).filter((m) => m.title === title).length,
      (count) => count === 1
    )
    await inbox.goto(miniprogramUrl("/packages/member/inbox/index"))
    await shown(inbox, "inbox-message").filter({ hasText: title }).waitFor({ timeout: 20_000 })
    await screenshot(inbox, "61-push-in-mini-inbox")
    // The text (the approved template: the title only) and the template message.
    const text = await waitForText(followerPhone, "article", sentAt)
    expect(text.params.title).toContain("气虚质调养义诊")
    const [template] = await eventually(
      async () =>
        (await templateMessagesTo(followerOpenid)).filter(
          (m) => m.template_id === "dev-oa-marketing-template"
        ),
      (messages) => messages.length === 1
    )
    expect(template.data.thing1.value).toContain("气虚质调养义诊")
    // Nobody outside the audience got it.
    for (const other of [inChangsha, balanced]) {
      expect((await inboxOf(other)).filter((m) => m.title === title)).toEqual([])
    }

    // 发送结果: per channel, what was delivered; only the follower follows the account.
    const row = page
      .locator("div.border-b", { hasText: title })
      .filter({ has: page.getByRole("button", { name: "发送结果" }) })
      .first()
    const figures = async () => {
      await page.getByRole("button", { name: "刷新" }).click()
      await row.getByRole("button", { name: "发送结果" }).click()
      const cells = await row
        .locator("tbody tr")
        .evaluateAll((rows) =>
          rows.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? ""))
        )
      const status = await row.locator("div.items-center").first().innerText()
      return { status, cells }
    }
    const settled = await eventually(
      figures,
      ({ status, cells }) =>
        status.includes("已发送") &&
        cells.length === 3 &&
        cells.every(([, targeted, delivered, failed, skipped]) => {
          return Number(delivered) + Number(failed) + Number(skipped) === Number(targeted)
        })
    )
    const byChannel = Object.fromEntries(settled.cells.map((cells) => [cells[0], cells]))
    const reach = String(expected.audience.count)
    // The list's 匹配 agrees with the preview (the 平和质 member in 岳阳 is not counted).
    expect(settled.status).toContain(`匹配 ${reach} 位`)
    // 渠道, 目标, 送达, 失败, 跳过, 已读, 点击
    expect(byChannel["站内消息"].slice(1, 3)).toEqual([reach, reach])
    expect(Number(byChannel["短信"][2])).toBeGreaterThanOrEqual(1)
    expect(byChannel["公众号模板消息"].slice(1, 3)).toEqual([reach, "1"])
    await screenshot(page, "62-push-figures")
    const { marketing_pushes } = await call<{ marketing_pushes: { id: string; title: string }[] }>(
      "/admin/marketing-pushes",
      admin
    )
    const push = marketing_pushes.find((one) => one.title === title)!
    const { marketing_push } = await call<{ marketing_push: { figures: Figures[] } }>(
      `/admin/marketing-pushes/${push.id}`,
      admin
    )
    expect(marketing_push.figures.find((f) => f.channel === "wechat-oa")?.delivered).toBe(1)
  }, 300_000)

  it("a following member's kit report is released: the account sends the report-ready template message", async () => {
    const admin = await adminToken()
    const orderId = await placeOrderPaidOffline(
      followerToken,
      "tumor-risk-gene-test",
      admin,
      `oa-follower-${run}@example.com`
    )
    const kit = await shipKitOfOrder(orderId, admin)
    await activateKit(followerToken, kit.barcode, "王关注")
    await releaseReport(kit, admin)

    const [message] = await eventually(
      async () =>
        (await templateMessagesTo(followerOpenid)).filter(
          (m) => m.template_id === "dev-oa-report-ready-template"
        ),
      (messages) => messages.length > 0
    )
    expect(message.data.phrase2.value).toBe("报告已出")
    expect(message.data.thing1.value).toMatch(/基因/)
    // It opens the kit on the web; no health detail on the lock screen.
    expect(message.url).toMatch(new RegExp(`/account/health/kits/${kit.id}$`))
    expect(JSON.stringify(message.data)).not.toMatch(/BRCA|风险/)
  })
})
