import Taro from "@tarojs/taro"

const ESCORT_TOKEN_KEY = "health.escortToken"

/** The escort's token, apart from the member's: one phone may be both, signed in as each. */
export const escortSession = {
  token(): string | undefined {
    return (Taro.getStorageSync(ESCORT_TOKEN_KEY) as string) || undefined
  },
  setToken(token: string) {
    Taro.setStorageSync(ESCORT_TOKEN_KEY, token)
  },
  signOut() {
    Taro.removeStorageSync(ESCORT_TOKEN_KEY)
  },
}
