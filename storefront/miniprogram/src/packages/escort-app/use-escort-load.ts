import { ApiError } from "@health/core"
import Taro from "@tarojs/taro"
import { useEffect } from "react"
import { useLoad } from "../../lib/use-load"
import { escortRoutes } from "./escort-app-routes"
import { escortSession } from "./escort-session"

function toSignIn() {
  const here = Taro.getCurrentInstance().router?.path ?? escortRoutes.tasks
  Taro.redirectTo({ url: escortRoutes.login(here) })
}

/**
 * useLoad for the escort's pages: without an escort token, or when commerce says it expired,
 * to 陪诊员登录 and back here.
 */
export function useEscortLoad<T>(load: (token: string) => Promise<T>, deps: unknown[] = []) {
  const token = escortSession.token()
  useEffect(() => {
    if (!token) toSignIn()
  }, [token])
  return useLoad(async () => {
    if (!token) return new Promise<T>(() => undefined)
    try {
      return await load(token)
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        escortSession.signOut()
        toSignIn()
      }
      throw error
    }
  }, [token, ...deps])
}
