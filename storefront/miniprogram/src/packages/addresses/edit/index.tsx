import { Button, Checkbox, Text, View } from "@tarojs/components"
import Taro, { useRouter } from "@tarojs/taro"
import type { MemberAddress } from "@health/core"
import { addressProblem } from "@health/core/commerce/checkout-problems"
import { useEffect, useState } from "react"
import {
  AddressFields,
  addressDraftOf,
  EMPTY_ADDRESS,
  type AddressDraft,
} from "../../../components/address-fields"
import { StateView } from "../../../components/state-view"
import { member } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { routes } from "../../../lib/navigate"
import { useMemberLoad } from "../../../lib/use-member-load"
import { canImportWechatAddress, importWechatAddress } from "../../../lib/wechat-address"
import { ADDRESS_TEXT } from "../address-text"
import { saveAddress } from "../save-address"

/** 新增 / 编辑收货地址 (`?id=` names the address to edit), as the web's address form. */
export default function AddressFormPage() {
  const id = useRouter().params?.id || undefined
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: id ? ADDRESS_TEXT.edit : ADDRESS_TEXT.add })
  }, [id])
  // Only the member's own book is searched, so another member's id is simply not found.
  const { result, reload } = useMemberLoad(
    async (token) => {
      const book = await member.addresses.list(token)
      return { token, book, address: id ? (book.find((a) => a.id === id) ?? null) : undefined }
    },
    [id]
  )
  return (
    <View className="page" data-testid="address-form">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(data) => data.address === null}
        empty={<Text>{ADDRESS_TEXT.notFound}</Text>}
      >
        {({ token, book, address }) => (
          <AddressEditor token={token} bookSize={book.length} address={address ?? undefined} />
        )}
      </StateView>
    </View>
  )
}

function AddressEditor({
  token,
  bookSize,
  address,
}: {
  token: string
  bookSize: number
  address?: MemberAddress
}) {
  const [draft, setDraft] = useState<AddressDraft>(
    address ? addressDraftOf(address) : EMPTY_ADDRESS
  )
  const [makeDefault, setMakeDefault] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  async function fromWechat() {
    const imported = await importWechatAddress()
    if (!imported) return
    setDraft(imported)
    // Said at once: WeChat may hold a landline or a region the lists do not know.
    setProblem(addressProblem(imported))
  }

  async function save() {
    const invalid = addressProblem(draft)
    if (invalid) return setProblem(invalid)
    setBusy(true)
    setProblem(null)
    try {
      await saveAddress(token, draft, { id: address?.id, makeDefault, bookSize })
      Taro.showToast({ title: ADDRESS_TEXT.saved, icon: "success" })
      // Opened from elsewhere than the list (nothing to go back to): show the list.
      await Taro.navigateBack().catch(() => Taro.redirectTo({ url: routes.addresses }))
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="section">
      {canImportWechatAddress() ? (
        <Button size="mini" data-testid="address-import-wechat" onClick={fromWechat}>
          {ADDRESS_TEXT.importWechat}
        </Button>
      ) : null}
      <AddressFields value={draft} onChange={setDraft} />
      {address?.is_default ? (
        <Text className="muted">{ADDRESS_TEXT.isDefault}</Text>
      ) : (
        <View className="row" onClick={() => setMakeDefault(!makeDefault)}>
          <Checkbox value="default" checked={makeDefault} data-testid="address-make-default" />
          <Text>{ADDRESS_TEXT.setDefault}</Text>
        </View>
      )}
      {problem ? (
        <Text className="error-text" data-testid="address-error">
          {problem}
        </Text>
      ) : null}
      <Button className="btn-primary" data-testid="address-save" disabled={busy} onClick={save}>
        {busy ? ADDRESS_TEXT.saving : ADDRESS_TEXT.save}
      </Button>
    </View>
  )
}
