import Taro from "@tarojs/taro"

const TOKEN_KEY = "health.token"
const CART_KEY = "health.cart"

/** The member's bearer token, kept in WeChat storage (localStorage in H5). */
export const session = {
  token(): string | undefined {
    return (Taro.getStorageSync(TOKEN_KEY) as string) || undefined
  },
  setToken(token: string) {
    Taro.setStorageSync(TOKEN_KEY, token)
  },
  signOut() {
    Taro.removeStorageSync(TOKEN_KEY)
  },
  cartId(): string | undefined {
    return (Taro.getStorageSync(CART_KEY) as string) || undefined
  },
  setCartId(id: string) {
    Taro.setStorageSync(CART_KEY, id)
  },
  clearCart() {
    Taro.removeStorageSync(CART_KEY)
  },
}
