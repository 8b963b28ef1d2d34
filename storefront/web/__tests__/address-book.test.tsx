import type { MemberAddress } from "@health/core"
import { act, fireEvent, render, screen } from "@testing-library/react"
import { AddressForm } from "@/components/account/address-form"
import { AddressRowActions } from "@/components/account/address-row-actions"
import { RegionFields } from "@/components/address/region-fields"

const home: MemberAddress = {
  id: "addr_1",
  name: "王小明",
  phone: "13800138000",
  province: "湖南省",
  city: "岳阳市",
  district: "岳阳楼区",
  street: "南湖大道 1 号",
  is_default: false,
}

const valueOf = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value

describe("RegionFields", () => {
  const optionsOf = (label: string) =>
    Array.from((screen.getByLabelText(label) as HTMLSelectElement).options).map((o) => o.value)

  it("links province, city and district: choosing one narrows the next and clears what follows", () => {
    render(<RegionFields defaults={{ province: "湖南省", city: "岳阳市", district: "君山区" }} />)
    expect(valueOf("省份")).toBe("湖南省")
    expect(valueOf("城市")).toBe("岳阳市")
    expect(valueOf("区县")).toBe("君山区")
    expect(optionsOf("省份")).toHaveLength(32) // 31 provinces and the prompt
    expect(optionsOf("区县")).toEqual(expect.arrayContaining(["岳阳楼区", "汨罗市"]))

    fireEvent.change(screen.getByLabelText("城市"), { target: { value: "长沙市" } })
    expect(valueOf("区县")).toBe("")
    expect(optionsOf("区县")).toContain("岳麓区")
    expect(optionsOf("区县")).not.toContain("君山区")

    fireEvent.change(screen.getByLabelText("省份"), { target: { value: "广东省" } })
    expect(valueOf("城市")).toBe("")
    expect((screen.getByLabelText("区县") as HTMLSelectElement).disabled).toBe(true)
    expect(optionsOf("城市")).toContain("深圳市")
  })

  it("picks a municipality's only city at once and hides the district list for cities without one", () => {
    render(<RegionFields />)
    fireEvent.change(screen.getByLabelText("省份"), { target: { value: "北京市" } })
    expect(valueOf("城市")).toBe("北京市")
    expect(optionsOf("区县")).toContain("朝阳区")

    fireEvent.change(screen.getByLabelText("省份"), { target: { value: "湖北省" } })
    fireEvent.change(screen.getByLabelText("城市"), { target: { value: "仙桃市" } })
    expect(screen.queryByLabelText("区县")).toBeNull()
  })

  it("keeps the chosen region when the form is reset after its action ran", async () => {
    jest.useFakeTimers()
    const { container } = render(
      <form>
        <RegionFields defaults={{ province: "湖南省", city: "岳阳市", district: "君山区" }} />
      </form>
    )
    fireEvent.change(screen.getByLabelText("区县"), { target: { value: "汨罗市" } })
    act(() => container.querySelector("form")!.reset())
    await act(async () => jest.runAllTimers())
    expect(valueOf("省份")).toBe("湖南省")
    expect(valueOf("城市")).toBe("岳阳市")
    expect(valueOf("区县")).toBe("汨罗市")
    jest.useRealTimers()
  })

  it("keeps a saved value that is not in the list, so editing an old address loses nothing", () => {
    render(<RegionFields defaults={{ province: "湖南省", city: "岳阳", district: "" }} />)
    expect(valueOf("城市")).toBe("岳阳")
    expect(optionsOf("城市")).toEqual(expect.arrayContaining(["岳阳", "岳阳市"]))
  })
})

describe("AddressForm", () => {
  it("fills in the address being edited, district included, and sends its id", async () => {
    const save = jest.fn().mockResolvedValue({ error: "请填写详细地址（街道、门牌号）" })
    render(<AddressForm address={home} save={save} />)
    expect(valueOf("收货人")).toBe("王小明")
    expect(valueOf("手机号")).toBe("13800138000")
    expect(valueOf("区县")).toBe("岳阳楼区")
    expect(valueOf("详细地址")).toBe("南湖大道 1 号")
    expect((screen.getByLabelText("设为默认收货地址") as HTMLInputElement).checked).toBe(false)

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "保存地址" })))
    const sent = save.mock.calls[0][1] as FormData
    expect(sent.get("id")).toBe("addr_1")
    expect(sent.get("district")).toBe("岳阳楼区")
    expect(screen.getByRole("alert").textContent).toBe("请填写详细地址（街道、门牌号）")
  })

  it("starts empty for a new address and says when an address is already the default", () => {
    const { unmount } = render(<AddressForm save={jest.fn()} />)
    expect(valueOf("收货人")).toBe("")
    expect(document.querySelector("input[name=id]")).toBeNull()
    unmount()
    render(<AddressForm address={{ ...home, is_default: true }} save={jest.fn()} />)
    expect(screen.queryByLabelText("设为默认收货地址")).toBeNull()
    expect(screen.getByText("这是您的默认收货地址。").tagName).toBe("P")
  })
})

describe("AddressRowActions", () => {
  it("deletes only after the member confirms", async () => {
    const onDelete = jest.fn().mockResolvedValue({ notice: "地址已删除" })
    const confirm = jest.fn().mockReturnValueOnce(false).mockReturnValueOnce(true)
    render(
      <AddressRowActions
        address={home}
        onDelete={onDelete}
        onMakeDefault={jest.fn()}
        confirm={confirm}
      />
    )
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "删除" })))
    expect(confirm).toHaveBeenCalledWith("确定删除 王小明 的这个地址吗？")
    expect(onDelete).not.toHaveBeenCalled()
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "删除" })))
    expect(onDelete).toHaveBeenCalledWith("addr_1")
  })

  it("makes an address the default and shows a refusal", async () => {
    const onMakeDefault = jest.fn().mockResolvedValue({ error: "登录已过期，请重新登录" })
    render(<AddressRowActions address={home} onDelete={jest.fn()} onMakeDefault={onMakeDefault} />)
    expect(screen.getByRole("link", { name: "编辑" }).getAttribute("href")).toBe(
      "/account/addresses/addr_1/edit"
    )
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "设为默认" })))
    expect(onMakeDefault).toHaveBeenCalledWith("addr_1")
    expect(screen.getByRole("alert").textContent).toBe("登录已过期，请重新登录")
  })

  it("offers no 设为默认 on the default address", () => {
    render(
      <AddressRowActions
        address={{ ...home, is_default: true }}
        onDelete={jest.fn()}
        onMakeDefault={jest.fn()}
      />
    )
    expect(screen.queryByRole("button", { name: "设为默认" })).toBeNull()
  })
})
