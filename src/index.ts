/** Chỉ Đạo as a library: read documents into records. */
export { type ParseOptions, parse, parseText } from "./parse/index.js";
export type * from "./parse/record.js";
