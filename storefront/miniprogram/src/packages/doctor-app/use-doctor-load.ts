import { ApiError } from "@health/core"
import Taro from "@tarojs/taro"
import { useEffect } from "react"
import { useLoad } from "../../lib/use-load"
import { doctorRoutes } from "./doctor-app-routes"
import { doctorSession } from "./doctor-session"

function toSignIn() {
  const here = Taro.getCurrentInstance().router?.path ?? doctorRoutes.income
  Taro.redirectTo({ url: doctorRoutes.login(here) })
}

/**
 * useLoad for the doctor's pages: without a doctor token, or when commerce says it expired,
 * to 医生登录 and back here.
 */
export function useDoctorLoad<T>(load: (token: string) => Promise<T>, deps: unknown[] = []) {
  const token = doctorSession.token()
  useEffect(() => {
    if (!token) toSignIn()
  }, [token])
  return useLoad(async () => {
    if (!token) return new Promise<T>(() => undefined)
    try {
      return await load(token)
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        doctorSession.signOut()
        toSignIn()
      }
      throw error
    }
  }, [token, ...deps])
}
