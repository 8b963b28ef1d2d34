import type { Locator, Page } from "playwright-core"

/** A page of the mini-program's H5 build (hash router: /#/pages/...). */
export function miniprogramUrl(pagePath = "/pages/index/index"): string {
  const base = process.env.E2E_MINIPROGRAM_H5_URL || "http://localhost:10086"
  return `${base.replace(/\/$/, "")}/#${pagePath}`
}

/**
 * An element by test id on the page in view: Taro's H5 router keeps earlier pages (and tab
 * pages) in the DOM, hidden.
 */
export function shown(page: Page, testId: string): Locator {
  return page.getByTestId(testId).filter({ visible: true })
}

/** Taro renders components as custom elements; its inputs are real <input>s inside them. */
export async function fillByPlaceholder(page: Page, placeholder: string, value: string) {
  await page
    .locator(`taro-input-core[placeholder="${placeholder}"] input`)
    .filter({ visible: true })
    .fill(value)
}

/** Registers with email and password on the H5 build's 登录 page, then waits to leave it. */
export async function registerOnMiniprogram(page: Page, email: string, password = "Passw0rd!") {
  await shown(page, "login-tab-register").click()
  await fillByPlaceholder(page, "邮箱", email)
  await fillByPlaceholder(page, "至少 8 位", password)
  await shown(page, "login-submit").click()
  await page.waitForFunction(() => !location.hash.includes("/pages/login/"), null, {
    timeout: 20_000,
  })
}
