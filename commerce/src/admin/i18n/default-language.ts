/** 简体中文 as the dashboard names it (@medusajs/dashboard's translations/zhCN.json). */
export const ADMIN_DEFAULT_LANGUAGE = "zhCN"

/** Where the dashboard's i18next language detector reads and keeps the chosen language. */
export const ADMIN_LANGUAGE_KEY = "lng"

function hasLanguageCookie(cookie: string): boolean {
  return cookie.split(";").some((part) => part.trim().startsWith(`${ADMIN_LANGUAGE_KEY}=`))
}

/**
 * The dashboard detects the language from the `lng` cookie, then localStorage `lng`, and
 * otherwise falls back to English. Staff who never chose a language get 简体中文 by
 * writing it where the detector looks; a choice made in the profile's language switch
 * (which the detector stores under the same key) is never overwritten.
 */
export function preferChineseUnlessChosen(storage: Storage, cookie: string): boolean {
  if (storage.getItem(ADMIN_LANGUAGE_KEY) || hasLanguageCookie(cookie)) return false
  storage.setItem(ADMIN_LANGUAGE_KEY, ADMIN_DEFAULT_LANGUAGE)
  return true
}
