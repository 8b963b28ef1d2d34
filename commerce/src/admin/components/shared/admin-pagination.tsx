import { Table } from "@medusajs/ui"

/** Medusa's pager in zh-CN: "1 / 3 页", "共 42 条". */
export const PAGINATION_TEXT = {
  of: "/",
  results: "条",
  pages: "页",
  prev: "上一页",
  next: "下一页",
}

type AdminPaginationProps = {
  count: number
  pageSize: number
  /** 0-based. */
  page: number
  onPageChange: (page: number) => void
}

/** The pager under a paged list (the list asks for `pageSize` rows at `page * pageSize`). */
export function AdminPagination({ count, pageSize, page, onPageChange }: AdminPaginationProps) {
  const pageCount = Math.ceil(count / pageSize)
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={page}
      pageCount={pageCount}
      canPreviousPage={page > 0}
      canNextPage={page + 1 < pageCount}
      previousPage={() => onPageChange(Math.max(page - 1, 0))}
      nextPage={() => onPageChange(page + 1)}
      translations={PAGINATION_TEXT}
    />
  )
}
