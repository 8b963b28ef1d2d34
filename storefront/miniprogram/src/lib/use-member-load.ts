import Taro from "@tarojs/taro"
import { useEffect } from "react"
import { routes } from "./navigate"
import { session } from "./session"
import { useLoad } from "./use-load"

/** useLoad for a member's page: visitors are sent to sign in and come back here. */
export function useMemberLoad<T>(load: (token: string) => Promise<T>, deps: unknown[] = []) {
  const token = session.token()
  useEffect(() => {
    if (!token) {
      const here = Taro.getCurrentInstance().router?.path ?? routes.account
      Taro.redirectTo({ url: routes.login(here) })
    }
  }, [token])
  return useLoad(() => (token ? load(token) : new Promise<T>(() => undefined)), [token, ...deps])
}
