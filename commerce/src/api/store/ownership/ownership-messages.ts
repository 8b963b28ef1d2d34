/**
 * What a shopper reads when an order or cart is not theirs. Not-found, not forbidden: the
 * answer must not confirm that someone else's id exists.
 */
export const OWNERSHIP_MESSAGES = {
  cartNotFound: "购物车不存在或已失效，请重新选购",
  orderNotFound: "订单不存在",
  transferClosed: "本店不支持转移订单",
} as const
