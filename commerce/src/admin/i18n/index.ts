import { preferChineseUnlessChosen } from "./default-language"

// The dashboard imports this module (Medusa's admin translations extension point) before
// its i18next starts detecting the language, so the default is in place in time.
if (typeof window !== "undefined") {
  preferChineseUnlessChosen(window.localStorage, document.cookie)
}

/** No translations of our own: our pages are written in Chinese, the dashboard ships zhCN. */
export default {}
