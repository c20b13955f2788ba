// Type definitions for omni-mdx.
import type {Root} from 'mdast'

export interface ParseOptions {
  /** `'mdx'` (default: JSX, expressions, ESM; see docs/syntax.md) or `'md'`. */
  format?: 'mdx' | 'md'
  /** GFM (default `true`): tables, strikethrough, task list items, autolink literals,
   * footnotes, and (with `allowDangerousHtml`) the tag filter. */
  gfm?: boolean
  /** `$inline$` and `$$` block math (default `true`). */
  math?: boolean
  /** YAML (`---`) / TOML (`+++`) frontmatter (default `true`). */
  frontmatter?: boolean
  /** Add unist positions (default `true`). */
  position?: boolean
}

export interface HtmlOptions extends ParseOptions {
  /** Pass raw HTML through instead of escaping it (default `false`). */
  allowDangerousHtml?: boolean
  /** Keep URLs with unsafe protocols such as `javascript:` (default `false`). */
  allowDangerousProtocol?: boolean
}

export interface DecodeOptions {
  /** Add unist positions (default `true`). */
  position?: boolean
}

export interface MemoryStats {
  /** Native bytes held by buffers neither disposed nor finalized. */
  outstandingBytes: number
  /** Buffers whose finalizer has not run yet. */
  outstandingBuffers: number
  /** Results copied into V8-owned memory because the budget was spent. */
  copies: number
  /** Outstanding native bytes allowed before results are copied. */
  budgetBytes: number
}

export type Source = string | Uint8Array

/**
 * What parse() throws on broken MDX: shaped like the reference's VFileMessage
 * (micromark-extension-mdxjs, mdast-util-mdx). See docs/syntax.md.
 */
export interface MdxSyntaxError extends Error {
  /** The reference's words; also the `message`. */
  reason: string
  /** 1-based line, column (UTF-16 units) and 0-based offset; undefined where the reference gives no place. */
  line: number | undefined
  column: number | undefined
  offset: number | undefined
  /** The reference's rule, e.g. `unexpected-character`, `end-tag-mismatch`, `acorn`. */
  ruleId: string
  source: 'omni-mdx'
  /** ruleId `acorn`: an error with the words acorn would use (e.g. `Unexpected token`). */
  cause?: SyntaxError
}

/** Parses to an mdast tree; broken MDX throws an MdxSyntaxError. */
export function parse(source: Source, options?: ParseOptions): Root
/** Parses to the OCP binary AST in native memory (see docs/ocp.md). */
export function parseToBuffer(source: Source, options?: ParseOptions): ArrayBuffer
/** Decodes an OCP buffer to mdast; throws an Error (code ERR_OMNI_MDX_OCP) if invalid. */
export function decode(buffer: ArrayBuffer | Uint8Array, options?: DecodeOptions): Root
/** Frees a buffer from parseToBuffer() now and detaches it; repeated calls are harmless. */
export function dispose(buffer: ArrayBuffer | ArrayBufferView): void
/** Renders HTML in C; safe by default. */
export function toHtml(source: Source, options?: HtmlOptions): string
/** Native memory held by undisposed buffers. */
export function memoryStats(): MemoryStats
