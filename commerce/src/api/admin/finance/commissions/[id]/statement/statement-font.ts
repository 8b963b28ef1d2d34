// The statement shares the CJK font with the other PDFs.
export {
  CJK_FONT_PATH as STATEMENT_CJK_FONT,
  cjkFont as statementFont,
} from "../../../../../../lib/pdf/cjk-font"
