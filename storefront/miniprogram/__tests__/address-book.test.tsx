import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import Taro from "@tarojs/taro"
import { citiesOf, provincesOf } from "@health/core/commerce/cn-regions"
import Addresses from "../src/packages/addresses/list/index"
import AddressFormPage from "../src/packages/addresses/edit/index"
import Account from "../src/pages/account/index"
import { session } from "../src/lib/session"
import { calls, fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => {
  stand.reset()
  process.env.TARO_ENV = "h5"
  session.setToken("tok_1")
})
afterEach(() => jest.restoreAllMocks())
afterAll(() => {
  process.env.TARO_ENV = "h5"
})

/** Medusa's customer addresses as `/store/customers/me/addresses` answers them. */
const HOME = {
  id: "addr_home",
  last_name: "赵",
  first_name: "晓",
  phone: "13900001111",
  province: "湖南省",
  city: "岳阳市",
  address_2: "岳阳楼区",
  address_1: "洞庭南路 1 号",
  is_default_shipping: true,
  created_at: "2026-11-01T00:00:00Z",
}
const OFFICE = {
  ...HOME,
  id: "addr_office",
  last_name: "钱",
  first_name: "多",
  phone: "13800138000",
  city: "长沙市",
  address_2: "岳麓区",
  address_1: "麓山南路 2 号",
  is_default_shipping: false,
  created_at: "2026-12-01T00:00:00Z",
}

/** An address book commerce keeps, with what the page sent to it. */
function bookBackend(initial: (typeof HOME)[]) {
  let book = [...initial]
  const sent: { method: string; id?: string; body: unknown }[] = []
  fakeBackend({
    "GET /store/customers/me/addresses": () => ({ body: { addresses: book } }),
    "POST /store/customers/me/addresses": ({ body }: { body: unknown }) => {
      sent.push({ method: "POST", body })
      return { body: {} }
    },
    ...Object.fromEntries(
      initial.flatMap((address) => [
        [
          `POST /store/customers/me/addresses/${address.id}`,
          ({ body }: { body: { is_default_shipping?: boolean } }) => {
            sent.push({ method: "POST", id: address.id, body })
            if (body.is_default_shipping)
              book = book.map((a) => ({ ...a, is_default_shipping: a.id === address.id }))
            return { body: {} }
          },
        ],
        [
          `DELETE /store/customers/me/addresses/${address.id}`,
          () => {
            sent.push({ method: "DELETE", id: address.id, body: null })
            book = book.filter((a) => a.id !== address.id)
            return { body: {} }
          },
        ],
      ])
    ),
  })
  return sent
}

const input = (placeholder: string) => screen.getByPlaceholderText(placeholder) as HTMLInputElement
const type = (placeholder: string, value: string) =>
  fireEvent.change(input(placeholder), { target: { value } })
const wheel = (column: number) =>
  screen.getByTestId(`region-picker-column-${column}`) as HTMLSelectElement

/** Turns the region wheels to province / city / district and taps 确定. */
function pickRegion(province: string, city: string, districtIndex: number) {
  fireEvent.change(wheel(0), { target: { value: String(provincesOf().indexOf(province)) } })
  fireEvent.change(wheel(1), { target: { value: String(citiesOf(province).indexOf(city)) } })
  fireEvent.change(wheel(2), { target: { value: String(districtIndex) } })
  fireEvent.click(screen.getByTestId("region-picker-confirm"))
}

describe("收货地址: the list", () => {
  it("lists the book default first, marked 默认, with the region and a formatted phone", async () => {
    bookBackend([OFFICE, HOME])
    render(<Addresses />)
    const cards = await screen.findAllByTestId("address-card")
    expect(cards.map((card) => card.textContent)).toEqual([
      expect.stringContaining("赵晓 139 0000 1111默认湖南省 岳阳市 岳阳楼区 洞庭南路 1 号"),
      expect.stringContaining("钱多 138 0013 8000湖南省 长沙市 岳麓区 麓山南路 2 号"),
    ])
    expect(screen.getAllByTestId("address-default")).toHaveLength(1)
    // 设为默认 only on the address that is not the default yet.
    expect(cards.map((card) => card.textContent?.includes("设为默认"))).toEqual([false, true])
  })

  it("says the book is empty and opens the form for a new address", async () => {
    bookBackend([])
    render(<Addresses />)
    expect((await screen.findByTestId("addresses-empty")).textContent).toBe(
      "还没有收货地址保存常用地址，下单时更方便。"
    )
    fireEvent.click(screen.getByTestId("address-add"))
    expect(stand.navigations).toEqual([
      { kind: "navigateTo", url: "/packages/addresses/edit/index" },
    ])
  })

  it("makes an address the default and opens one to edit", async () => {
    const sent = bookBackend([HOME, OFFICE])
    render(<Addresses />)
    await screen.findAllByTestId("address-card")
    fireEvent.click(screen.getByText("设为默认"))
    await waitFor(() => expect(stand.toasts).toEqual(["已设为默认收货地址"]))
    expect(sent).toEqual([
      { method: "POST", id: "addr_office", body: { is_default_shipping: true } },
    ])
    // The list reloads with 钱多's address first, as the new default.
    await waitFor(() =>
      expect(screen.getAllByTestId("address-card")[0].textContent).toContain("钱多")
    )
    expect(screen.getAllByTestId("address-card")[0].textContent).not.toContain("设为默认")
    fireEvent.click(screen.getAllByText("编辑")[1])
    expect(stand.navigations).toEqual([
      { kind: "navigateTo", url: "/packages/addresses/edit/index?id=addr_home" },
    ])
  })

  it("deletes only after the member confirms", async () => {
    const sent = bookBackend([HOME, OFFICE])
    const modal = jest
      .spyOn(Taro, "showModal")
      .mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: "showModal:ok" })
    render(<Addresses />)
    await screen.findAllByTestId("address-card")
    fireEvent.click(screen.getAllByText("删除")[1])
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1))
    expect(modal.mock.calls[0][0]).toMatchObject({ content: "确定删除 钱多 的这个地址吗？" })
    expect(sent).toEqual([])

    fireEvent.click(screen.getAllByText("删除")[1])
    await waitFor(() => expect(stand.toasts).toEqual(["地址已删除"]))
    expect(sent).toEqual([{ method: "DELETE", id: "addr_office", body: null }])
    await waitFor(() => expect(screen.getAllByTestId("address-card")).toHaveLength(1))
  })

  it("says why commerce refused, and sends a visitor to sign in", async () => {
    bookBackend([HOME, OFFICE])
    render(<Addresses />)
    await screen.findAllByTestId("address-card")
    fakeBackend({
      "GET /store/customers/me/addresses": { addresses: [HOME, OFFICE] },
      "DELETE /store/customers/me/addresses/addr_office": refuse(404, "地址不存在"),
    })
    fireEvent.click(screen.getAllByText("删除")[1])
    expect((await screen.findByTestId("addresses-error")).textContent).toBe("地址不存在")

    session.signOut()
    stand.navigations = []
    render(<Addresses />)
    await waitFor(() =>
      expect(stand.navigations).toEqual([
        { kind: "redirectTo", url: "/pages/login/index?next=%2Fpages%2Ftest%2Findex" },
      ])
    )
  })
})

describe("收货地址: the form", () => {
  it("checks the fields in Chinese, then adds the first address as the default", async () => {
    const sent = bookBackend([])
    render(<AddressFormPage />)
    await screen.findByTestId("address-save")
    expect(stand.navigationTitle).toBe("新增收货地址")
    // 从微信导入 needs WeChat: the H5 build has no such button.
    expect(screen.queryByTestId("address-import-wechat")).toBeNull()

    const save = () => fireEvent.click(screen.getByTestId("address-save"))
    const problem = () => screen.getByTestId("address-error").textContent
    save()
    expect(problem()).toBe("请填写收货人姓名")
    type("姓名", "孙悟")
    type("11 位手机号", "1390000")
    save()
    expect(problem()).toBe("请输入正确的 11 位手机号")
    type("11 位手机号", "+86 139-0000-2222")
    save()
    expect(problem()).toBe("请选择省份")
    pickRegion("湖南省", "岳阳市", 2)
    expect(screen.getByTestId("region-value").textContent).toBe("湖南省 岳阳市 君山区")
    type("街道、小区、楼栋、门牌号", "路")
    save()
    expect(problem()).toBe("请填写详细地址（街道、门牌号）")
    type("街道、小区、楼栋、门牌号", " 君山大道 8 号 ")
    save()

    await waitFor(() => expect(stand.navigations).toEqual([{ kind: "navigateBack", url: "" }]))
    expect(stand.toasts).toEqual(["地址已保存"])
    expect(sent).toEqual([
      {
        method: "POST",
        body: {
          last_name: "孙",
          first_name: "悟",
          phone: "13900002222",
          province: "湖南省",
          city: "岳阳市",
          address_2: "君山区",
          address_1: "君山大道 8 号",
          country_code: "cn",
          is_default_shipping: true,
        },
      },
    ])
  })

  it("edits a saved address: the fields start from it, and unticking keeps the default", async () => {
    const sent = bookBackend([HOME, OFFICE])
    stand.params = { id: "addr_office" }
    render(<AddressFormPage />)
    await screen.findByTestId("address-save")
    expect(stand.navigationTitle).toBe("编辑收货地址")
    expect(input("姓名").value).toBe("钱多")
    expect(screen.getByTestId("region-value").textContent).toBe("湖南省 长沙市 岳麓区")
    // The picker's wheels start at the saved region.
    expect(wheel(1).options[Number(wheel(1).value)].text).toBe("长沙市")
    type("街道、小区、楼栋、门牌号", "麓山南路 3 号")
    fireEvent.click(screen.getByTestId("address-save"))
    await waitFor(() => expect(sent).toHaveLength(1))
    // Not ticked: no is_default_shipping sent, so commerce leaves 赵晓's address the default.
    expect(sent[0]).toEqual({
      method: "POST",
      id: "addr_office",
      body: expect.not.objectContaining({ is_default_shipping: expect.anything() }),
    })
    expect(sent[0].body).toMatchObject({ address_1: "麓山南路 3 号", city: "长沙市" })
  })

  it("sets a new address as the default when ticked, and says the default is the default", async () => {
    const sent = bookBackend([HOME])
    render(<AddressFormPage />)
    await screen.findByTestId("address-save")
    type("姓名", "李四")
    type("11 位手机号", "13700001234")
    pickRegion("湖南省", "长沙市", 0)
    type("街道、小区、楼栋、门牌号", "五一大道 9 号")
    fireEvent.click(screen.getByTestId("address-make-default"))
    fireEvent.click(screen.getByTestId("address-save"))
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0].body).toMatchObject({ is_default_shipping: true, city: "长沙市" })

    stand.params = { id: "addr_home" }
    render(<AddressFormPage />)
    expect(await screen.findByText("这是您的默认收货地址。")).toBeTruthy()
  })

  it("says so for an address that is not in the member's book", async () => {
    bookBackend([HOME])
    stand.params = { id: "addr_someone_else" }
    render(<AddressFormPage />)
    expect((await screen.findByTestId("state-empty")).textContent).toBe("地址不存在或已删除")
  })

  it("从微信导入 fills the form from wx.chooseAddress, and flags what WeChat got wrong", async () => {
    process.env.TARO_ENV = "weapp"
    const sent = bookBackend([HOME])
    render(<AddressFormPage />)
    fireEvent.click(await screen.findByTestId("address-import-wechat"))
    // The member closed WeChat's list: nothing changes.
    await waitFor(() => expect(input("姓名").value).toBe(""))

    stand.chosenAddress = {
      userName: "周六",
      telNumber: "0730-8888888",
      provinceName: "湖南省",
      cityName: "岳阳市",
      countyName: "君山区",
      detailInfo: "君山大道 8 号",
    }
    fireEvent.click(screen.getByTestId("address-import-wechat"))
    await waitFor(() => expect(input("姓名").value).toBe("周六"))
    expect(screen.getByTestId("region-value").textContent).toBe("湖南省 岳阳市 君山区")
    expect(input("街道、小区、楼栋、门牌号").value).toBe("君山大道 8 号")
    expect(screen.getByTestId("address-error").textContent).toBe("请输入正确的 11 位手机号")

    stand.chosenAddress = { ...stand.chosenAddress, telNumber: "+86 13911112222" }
    fireEvent.click(screen.getByTestId("address-import-wechat"))
    await waitFor(() => expect(input("11 位手机号").value).toBe("13911112222"))
    expect(screen.queryByTestId("address-error")).toBeNull()
    fireEvent.click(screen.getByTestId("address-save"))
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0].body).toMatchObject({
      last_name: "周",
      first_name: "六",
      phone: "13911112222",
      city: "岳阳市",
      address_2: "君山区",
      is_default_shipping: false,
    })
    expect(calls()).toContain("POST /store/customers/me/addresses")
  })
})

describe("我的", () => {
  it("links the address book and a small 医生入口 to the doctor's sign-in, signed in or not", async () => {
    fakeBackend({
      "GET /store/customers/me": {
        customer: { id: "cus_1", email: null, phone: null, first_name: "晓", last_name: "赵" },
      },
      "GET /store/inbox": { messages: [], count: 0, limit: 1, offset: 0, unread_count: 0 },
    })
    render(<Account />)
    fireEvent.click(await screen.findByText("收货地址"))
    expect(stand.navigations.pop()).toEqual({
      kind: "navigateTo",
      url: "/packages/addresses/list/index",
    })
    fireEvent.click(screen.getByTestId("doctor-entry"))
    expect(stand.navigations.pop()).toEqual({
      kind: "navigateTo",
      url: "/packages/doctor-app/login/index",
    })

    session.signOut()
    const { unmount } = render(<Account />)
    await screen.findAllByTestId("go-login")
    expect(screen.getAllByTestId("doctor-entry")).toHaveLength(2)
    unmount()
  })
})
