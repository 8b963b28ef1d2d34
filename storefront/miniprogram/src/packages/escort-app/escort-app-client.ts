import { createEscortAppClient } from "@health/core"
import { appConfig } from "../../lib/config"
import { taroFetch } from "../../lib/taro-fetch"

/** The escort app's client on Taro.request, wired like lib/clients.ts (only this package uses it). */
export const escortAppOptions = {
  baseUrl: appConfig.commerceUrl ?? "",
  publishableKey: appConfig.publishableKey ?? "",
  fetch: taroFetch,
}

export const escortApp = createEscortAppClient(escortAppOptions)
