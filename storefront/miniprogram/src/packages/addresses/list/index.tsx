import { Button, Text, View } from "@tarojs/components"
import Taro, { useDidShow } from "@tarojs/taro"
import { formatCnMobile, type MemberAddress } from "@health/core"
import { useState } from "react"
import { StateView } from "../../../components/state-view"
import { member } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { go, routes } from "../../../lib/navigate"
import { useMemberLoad } from "../../../lib/use-member-load"
import { ADDRESS_TEXT } from "../address-text"

/**
 * 收货地址: the member's address book, default first. The addresses are the member's Medusa
 * customer addresses, so the web's /account/addresses shows the same book.
 */
export default function Addresses() {
  const { result, reload } = useMemberLoad(async (token) => ({
    token,
    book: await member.addresses.list(token),
  }))
  // Back from the form: show what was saved.
  useDidShow(() => reload())
  const [problem, setProblem] = useState<string | null>(null)

  async function run(action: () => Promise<void>, done: string) {
    setProblem(null)
    try {
      await action()
      Taro.showToast({ title: done, icon: "none" })
      reload()
    } catch (error) {
      setProblem(explainError(error))
    }
  }

  return (
    <View className="page" data-testid="addresses">
      <StateView result={result} onRetry={reload}>
        {({ token, book }) => (
          <View>
            {book.length ? (
              book.map((address) => (
                <AddressCard
                  key={address.id}
                  address={address}
                  onMakeDefault={() =>
                    run(
                      () => member.addresses.makeDefault(token, address.id),
                      ADDRESS_TEXT.madeDefault
                    )
                  }
                  onRemove={async () => {
                    const { confirm } = await Taro.showModal({
                      title: ADDRESS_TEXT.removeTitle,
                      content: ADDRESS_TEXT.removeConfirm(address.name),
                    })
                    if (confirm)
                      await run(
                        () => member.addresses.remove(token, address.id),
                        ADDRESS_TEXT.removed
                      )
                  }}
                />
              ))
            ) : (
              <View className="section" data-testid="addresses-empty">
                <Text className="section__title">{ADDRESS_TEXT.empty}</Text>
                <Text className="muted">{ADDRESS_TEXT.emptyHint}</Text>
              </View>
            )}
            {problem ? (
              <Text className="error-text" data-testid="addresses-error">
                {problem}
              </Text>
            ) : null}
            <Button
              className="btn-primary"
              data-testid="address-add"
              onClick={() => go(routes.addressForm())}
            >
              {ADDRESS_TEXT.add}
            </Button>
          </View>
        )}
      </StateView>
    </View>
  )
}

function AddressCard({
  address,
  onMakeDefault,
  onRemove,
}: {
  address: MemberAddress
  onMakeDefault: () => void
  onRemove: () => void
}) {
  return (
    <View className="section" data-testid="address-card">
      <View className="row">
        <Text className="section__title">
          {address.name} <Text className="muted">{formatCnMobile(address.phone)}</Text>
        </Text>
        {address.is_default ? (
          <Text className="chip chip--active" data-testid="address-default">
            {ADDRESS_TEXT.defaultChip}
          </Text>
        ) : null}
      </View>
      <Text className="muted">
        {[address.province, address.city, address.district, address.street]
          .filter(Boolean)
          .join(" ")}
      </Text>
      <View className="row">
        <Button size="mini" onClick={() => go(routes.addressForm(address.id))}>
          {ADDRESS_TEXT.editShort}
        </Button>
        {address.is_default ? null : (
          <Button size="mini" onClick={onMakeDefault}>
            {ADDRESS_TEXT.makeDefault}
          </Button>
        )}
        <Button size="mini" onClick={onRemove}>
          {ADDRESS_TEXT.remove}
        </Button>
      </View>
    </View>
  )
}
