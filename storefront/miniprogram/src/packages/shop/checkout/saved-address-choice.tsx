import { Button, Text, View } from "@tarojs/components"
import { formatCnMobile, type MemberAddress } from "@health/core"
import {
  addressDraftOf,
  isSameAddress,
  type AddressDraft,
} from "../../../components/address-fields"
import { canImportWechatAddress, importWechatAddress } from "../../../lib/wechat-address"

/**
 * Where the checkout's address comes from: one of the member's saved addresses (the address
 * book the web shares), or 从微信导入 (WeChat's own address list, in WeChat only). Either fills
 * the fields below, which the member may still change.
 */
export function SavedAddressChoice({
  book,
  current,
  onPick,
}: {
  book: MemberAddress[]
  current: AddressDraft
  onPick: (address: AddressDraft) => void
}) {
  const wechat = canImportWechatAddress()
  if (!book.length && !wechat) return null
  return (
    <View className="choices" data-testid="saved-addresses">
      {book.map((saved) => (
        <View
          key={saved.id}
          data-testid="saved-address"
          className={`choice ${isSameAddress(current, saved) ? "choice--active" : ""}`}
          onClick={() => onPick(addressDraftOf(saved))}
        >
          <View>
            <View>
              <Text>
                {saved.name} {formatCnMobile(saved.phone)}
                {saved.is_default ? "（默认）" : ""}
              </Text>
            </View>
            <Text className="muted">
              {[saved.province, saved.city, saved.district, saved.street].join(" ")}
            </Text>
          </View>
        </View>
      ))}
      {wechat ? (
        <Button
          size="mini"
          data-testid="checkout-import-wechat"
          onClick={async () => {
            const imported = await importWechatAddress()
            if (imported) onPick(imported)
          }}
        >
          从微信导入
        </Button>
      ) : null}
    </View>
  )
}
