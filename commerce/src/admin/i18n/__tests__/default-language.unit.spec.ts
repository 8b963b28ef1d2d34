/**
 * @jest-environment jsdom
 */
import { readFileSync } from "node:fs"
import path from "node:path"
import i18next, { type InitOptions } from "i18next"
import LanguageDetector from "i18next-browser-languagedetector"
import { ADMIN_DEFAULT_LANGUAGE, preferChineseUnlessChosen } from "../default-language"

const dashboardDir = path.dirname(require.resolve("@medusajs/dashboard/package.json"))

/**
 * The i18next options the built dashboard starts with, read from its own bundle, so this
 * test breaks if Medusa changes how the admin picks its language.
 */
function dashboardI18nOptions(): InitOptions {
  const bundle = readFileSync(path.join(dashboardDir, "dist", "app.js"), "utf8")
  const match = bundle.match(/defaultI18nOptions = (\{[\s\S]*?\n {4}\});/)
  if (!match) throw new Error("the dashboard bundle no longer defines defaultI18nOptions")
  return new Function("process", `return (${match[1]})`)({ env: {} }) as InitOptions
}

function translations(code: string) {
  const file = path.join(dashboardDir, "src", "i18n", "translations", `${code}.json`)
  return { translation: JSON.parse(readFileSync(file, "utf8")) }
}

/** Starts i18next as the dashboard's I18n component does, in this page. */
async function startDashboardI18n() {
  const i18n = i18next.createInstance()
  const resources = { en: translations("en"), zhCN: translations("zhCN") }
  await i18n
    .use(new LanguageDetector(null, { lookupCookie: "lng", lookupLocalStorage: "lng" }))
    .init({ ...dashboardI18nOptions(), resources, supportedLngs: Object.keys(resources) })
  return i18n
}

function clearChoice() {
  window.localStorage.clear()
  document.cookie = "lng=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/"
}

describe("the admin's default language", () => {
  beforeEach(clearChoice)

  it("opens in English without our default: the mechanism this file relies on", async () => {
    const i18n = await startDashboardI18n()
    expect(i18n.language).toBe("en")
    expect(i18n.t("actions.save")).toBe("Save")
  })

  it("opens in 简体中文 for staff who never chose a language", async () => {
    expect(preferChineseUnlessChosen(window.localStorage, document.cookie)).toBe(true)
    const i18n = await startDashboardI18n()
    expect(i18n.language).toBe(ADMIN_DEFAULT_LANGUAGE)
    expect(i18n.t("actions.save")).toBe("保存")
  })

  it("keeps a language chosen in the switch, and the switch still works", async () => {
    preferChineseUnlessChosen(window.localStorage, document.cookie)
    const first = await startDashboardI18n()
    // The profile's language switch calls changeLanguage; the detector keeps the choice.
    await first.changeLanguage("en")

    expect(preferChineseUnlessChosen(window.localStorage, document.cookie)).toBe(false)
    const next = await startDashboardI18n()
    expect(next.language).toBe("en")
  })

  it("leaves a language chosen by cookie alone", () => {
    document.cookie = "lng=en; path=/"
    expect(preferChineseUnlessChosen(window.localStorage, document.cookie)).toBe(false)
    expect(window.localStorage.getItem("lng")).toBeNull()
  })
})
