import { createDoctorAppClient, createDoctorIncomeClient } from "@health/core"
import { appConfig } from "../../lib/config"
import { taroFetch } from "../../lib/taro-fetch"

/** The doctor's clients on Taro.request, wired like lib/clients.ts (only this package uses them). */
const options = {
  baseUrl: appConfig.commerceUrl ?? "",
  publishableKey: appConfig.publishableKey ?? "",
  fetch: taroFetch,
}

export const doctorApp = createDoctorAppClient(options)
export const doctorIncome = createDoctorIncomeClient(options)
