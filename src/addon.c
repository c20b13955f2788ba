/* The Node-API binding: the only file that includes node_api.h.
 *
 * Memory handoff (docs/memory.md): an OCP buffer goes to JavaScript as an external
 * ArrayBuffer over the native memory, freed by a finalizer when V8 collects it. Node 20
 * runs those finalizers only when the event loop turns, so a synchronous loop would pile
 * them up; we therefore keep a per-environment budget of outstanding native bytes, past
 * which buffers are copied into V8-owned ArrayBuffers (which V8 frees inside the loop)
 * and the native memory is freed at once. dispose() frees and detaches immediately. */
#include <node_api.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mdx.h"

/* Outstanding external bytes per environment before results are copied instead.
 * Large enough that normal use stays zero-copy; small enough to bound RSS when
 * finalizers cannot run. */
#define ADDON_EXTERNAL_BUDGET ((size_t)64 << 20)

/* External buffers whose finalizer has not run yet, before results are copied instead.
 * Even a disposed buffer leaves a small record (our handle, Node's finalizer entry, about
 * 250 bytes) until its finalizer runs, which Node 20 does only when the event loop turns:
 * a synchronous loop of millions of parse/dispose calls would pile them up. */
#define ADDON_MAX_PENDING_FINALIZERS 4096

/* Bytes kept in front of the OCP data in each native block: a pointer to its handle,
 * padded so the OCP data stays 16-byte aligned. */
#define ADDON_PREFIX 16

#define NAPI_CALL(env, call)                                                         \
  do {                                                                               \
    if ((call) != napi_ok) {                                                         \
      throw_last_error(env);                                                         \
      return NULL;                                                                   \
    }                                                                                \
  } while (0)

/* Distinguishes our ArrayBuffers from any other (type tags are unforgeable from JS). */
static const napi_type_tag EXTERNAL_TAG = {0x6f6d6e692d6d6478ULL, 0x6f63702d65787431ULL};
static const napi_type_tag COPY_TAG = {0x6f6d6e692d6d6478ULL, 0x6f63702d636f7031ULL};

typedef struct addon_state {
  size_t outstanding_bytes;
  size_t outstanding_buffers;
  size_t copies; /* results copied because the budget was spent or externals refused */
  int env_alive;
  mdx_reuse reuse; /* memory kept between this environment's parses (its thread only) */
} addon_state;

typedef struct ocp_handle {
  char *block; /* malloc'd: ADDON_PREFIX bytes, then the OCP data; NULL once freed */
  size_t size; /* OCP bytes */
  addon_state *state;
} ocp_handle;

static void throw_last_error(napi_env env) {
  const napi_extended_error_info *info = NULL;
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (pending) return;
  napi_get_last_error_info(env, &info);
  napi_throw_error(env, "ERR_OMNI_MDX_NAPI",
                   info && info->error_message ? info->error_message : "Node-API call failed");
}

static void state_release(addon_state *state) {
  if (state->env_alive || state->outstanding_buffers) return;
  mdx_reuse_free(&state->reuse);
  free(state);
}

static void state_finalize(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  addon_state *state = data;
  state->env_alive = 0;
  state_release(state);
}

static void block_free(napi_env env, ocp_handle *handle) {
  if (!handle->block) return;
  free(handle->block);
  handle->block = NULL;
  handle->state->outstanding_bytes -= handle->size;
  int64_t ignored;
  if (handle->state->env_alive) napi_adjust_external_memory(env, -(int64_t)handle->size, &ignored);
}

static void ocp_finalize(napi_env env, void *data, void *hint) {
  (void)data;
  ocp_handle *handle = hint;
  addon_state *state = handle->state;
  block_free(env, handle);
  state->outstanding_buffers--;
  free(handle);
  state_release(state);
}

static addon_state *get_state(napi_env env) {
  void *data = NULL;
  if (napi_get_instance_data(env, &data) != napi_ok) return NULL;
  return data;
}

/* Source: a string (copied out as UTF-8) or a Uint8Array (read in place). */
static int get_source(napi_env env, napi_value value, const char **ptr, size_t *len,
                      char **owned) {
  napi_valuetype type;
  *owned = NULL;
  if (napi_typeof(env, value, &type) != napi_ok) return 0;
  if (type == napi_string) {
    /* One conversion instead of two: the UTF-16 length is known at once, and UTF-8 needs
     * at most 3 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2 units). Pages of
     * the bound that the text does not reach are never touched. */
    size_t units = 0;
    if (napi_get_value_string_utf16(env, value, NULL, 0, &units) != napi_ok) return 0;
    if (units > (SIZE_MAX - 1) / 3) {
      napi_throw_range_error(env, "ERR_OMNI_MDX_TOO_BIG", "omni-mdx: source too large");
      return 0;
    }
    size_t size = units * 3;
    char *copy = malloc(size + 1);
    if (!copy) {
      napi_throw_error(env, "ERR_OMNI_MDX_NOMEM", "omni-mdx: out of memory reading the source");
      return 0;
    }
    if (napi_get_value_string_utf8(env, value, copy, size + 1, &size) != napi_ok) {
      free(copy);
      return 0;
    }
    *ptr = copy;
    *len = size;
    *owned = copy;
    return 1;
  }
  bool is_typed = false;
  napi_is_typedarray(env, value, &is_typed);
  if (is_typed) {
    napi_typedarray_type kind;
    size_t length;
    void *data;
    if (napi_get_typedarray_info(env, value, &kind, &length, &data, NULL, NULL) != napi_ok)
      return 0;
    if (kind == napi_uint8_array) {
      *ptr = length ? data : "";
      *len = length;
      return 1;
    }
  }
  napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                        "omni-mdx: source must be a string, Buffer or Uint8Array");
  return 0;
}

static int get_options(napi_env env, napi_value value, unsigned *options) {
  uint32_t bits = 0;
  if (napi_get_value_uint32(env, value, &bits) != napi_ok || bits > MDX_OPT_ALL) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "omni-mdx: internal option bits invalid");
    return 0;
  }
  *options = bits;
  return 1;
}

static void set_named(napi_env env, napi_value obj, const char *name, napi_value value) {
  napi_set_named_property(env, obj, name, value);
}

/* Throws an Error shaped like a VFileMessage for an MDX syntax error. */
static void throw_syntax_error(napi_env env, const mdx_error *err) {
  napi_value message, error, value;
  napi_create_string_utf8(env, err->reason, NAPI_AUTO_LENGTH, &message);
  napi_create_error(env, NULL, message, &error);
  /* line 0: the reference gives no place (e.g. a tag still open at the end) */
  if (err->line) napi_create_uint32(env, err->line, &value);
  else napi_get_undefined(env, &value);
  set_named(env, error, "line", value);
  if (err->line) napi_create_uint32(env, err->column, &value);
  set_named(env, error, "column", value);
  if (err->line) napi_create_uint32(env, err->offset, &value);
  set_named(env, error, "offset", value);
  set_named(env, error, "reason", message);
  napi_create_string_utf8(env, err->rule_id, NAPI_AUTO_LENGTH, &value);
  set_named(env, error, "ruleId", value);
  napi_create_string_utf8(env, "omni-mdx", NAPI_AUTO_LENGTH, &value);
  set_named(env, error, "source", value);
  if (err->cause[0]) { /* acorn's words, as the reference's `cause` (an acorn SyntaxError) */
    napi_value cause_message, global, ctor, cause;
    napi_create_string_utf8(env, err->cause, NAPI_AUTO_LENGTH, &cause_message);
    /* node_api_create_syntax_error needs Node-API 9; the constructor works everywhere */
    napi_get_global(env, &global);
    if (napi_get_named_property(env, global, "SyntaxError", &ctor) == napi_ok &&
        napi_new_instance(env, ctor, 1, &cause_message, &cause) == napi_ok)
      set_named(env, error, "cause", cause);
  }
  napi_throw(env, error);
}

static void throw_code(napi_env env, int code, const mdx_error *err) {
  if (code == MDX_ESYNTAX) {
    throw_syntax_error(env, err);
    return;
  }
  char message[160];
  snprintf(message, sizeof message, "omni-mdx: %s", mdx_strerror(code));
  if (code == MDX_ETOOBIG)
    napi_throw_range_error(env, "ERR_OMNI_MDX_TOO_BIG", message);
  else
    napi_throw_error(env, code == MDX_ENOMEM ? "ERR_OMNI_MDX_NOMEM" : "ERR_OMNI_MDX", message);
}

/* Parses args[0] with option bits args[1]; on failure throws and returns NULL. */
static mdx_doc *parse_args(napi_env env, napi_callback_info info, unsigned *options,
                           unsigned extra) {
  size_t argc = 2;
  napi_value args[2];
  if (napi_get_cb_info(env, info, &argc, args, NULL, NULL) != napi_ok || argc < 2) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "omni-mdx: expected (source, options)");
    return NULL;
  }
  const char *src;
  size_t len;
  char *owned;
  if (!get_options(env, args[1], options) || !get_source(env, args[0], &src, &len, &owned))
    return NULL;
  mdx_doc *doc = NULL;
  mdx_error err;
  memset(&err, 0, sizeof err);
  addon_state *state = get_state(env);
  int rc = mdx_parse_reuse(src, len, *options | extra, state ? &state->reuse : NULL, &doc, &err);
  free(owned);
  if (rc != MDX_OK) {
    throw_code(env, rc, &err);
    return NULL;
  }
  return doc;
}

/* Copies the OCP data into a V8-owned ArrayBuffer and frees the native block now.
 * `counted`: a fallback from the external path (reported in stats().copies). */
static napi_value copy_result(napi_env env, addon_state *state, char *block, size_t size,
                              int counted) {
  napi_value result;
  void *data = NULL;
  napi_status status = napi_create_arraybuffer(env, size, &data, &result);
  if (status == napi_ok) memcpy(data, block + ADDON_PREFIX, size);
  free(block);
  NAPI_CALL(env, status);
  NAPI_CALL(env, napi_type_tag_object(env, result, &COPY_TAG));
  if (counted) state->copies++;
  return result;
}

/* parse(source, options[, copy]): the OCP buffer, external unless `copy` is true (lib's
 * parse() decodes at once and wants no finalizer) or the budgets above are spent. */
static napi_value js_parse(napi_env env, napi_callback_info info) {
  addon_state *state = get_state(env);
  size_t argc = 3;
  napi_value args[3];
  bool copy = false;
  if (napi_get_cb_info(env, info, &argc, args, NULL, NULL) == napi_ok && argc >= 3)
    napi_get_value_bool(env, args[2], &copy);
  unsigned options;
  mdx_doc *doc = parse_args(env, info, &options, 0);
  if (!doc) return NULL;
  mdx_buf buf;
  mdx_buf_init(&buf);
  static const char prefix[ADDON_PREFIX] = {0};
  mdx_buf_put(&buf, prefix, ADDON_PREFIX);
  int rc = buf.failed ? MDX_ENOMEM : mdx_ocp_encode(doc, &buf);
  mdx_doc_free(doc);
  if (rc != MDX_OK) {
    mdx_buf_free(&buf);
    throw_code(env, rc, NULL);
    return NULL;
  }
  size_t size = buf.len - ADDON_PREFIX;
  char *block = mdx_buf_detach(&buf, NULL);
  if (copy) return copy_result(env, state, block, size, 0);
  if (state->outstanding_bytes + size > ADDON_EXTERNAL_BUDGET ||
      state->outstanding_buffers >= ADDON_MAX_PENDING_FINALIZERS)
    return copy_result(env, state, block, size, 1);

  ocp_handle *handle = malloc(sizeof *handle);
  if (!handle) return copy_result(env, state, block, size, 1);
  handle->block = block;
  handle->size = size;
  handle->state = state;
  memcpy(block, &handle, sizeof handle);
  napi_value result;
  napi_status status = napi_create_external_arraybuffer(env, block + ADDON_PREFIX, size,
                                                        ocp_finalize, handle, &result);
  if (status != napi_ok) { /* e.g. napi_no_external_buffers_allowed (Electron) */
    bool pending = false;
    napi_is_exception_pending(env, &pending);
    free(handle);
    if (pending) {
      free(block);
      return NULL;
    }
    return copy_result(env, state, block, size, 1);
  }
  state->outstanding_bytes += size;
  state->outstanding_buffers++;
  int64_t ignored;
  napi_adjust_external_memory(env, (int64_t)size, &ignored);
  NAPI_CALL(env, napi_type_tag_object(env, result, &EXTERNAL_TAG));
  return result;
}

static int is_ascii(const char *s, size_t len) {
  uint64_t any = 0;
  size_t i = 0;
  for (; i + 8 <= len; i += 8) { /* bounded by len */
    uint64_t w;
    memcpy(&w, s + i, 8);
    any |= w;
  }
  for (; i < len; i++) any |= (unsigned char)s[i]; /* the last 0-7 bytes */
  return !(any & 0x8080808080808080ull);
}

static napi_value js_to_html(napi_env env, napi_callback_info info) {
  unsigned options;
  mdx_doc *doc = parse_args(env, info, &options, MDX_OPT_FLAT_JSX); /* html.c reads flat tags */
  if (!doc) return NULL;
  mdx_buf buf;
  mdx_buf_init(&buf);
  int rc = mdx_html_render(doc, options, &buf);
  mdx_doc_free(doc);
  if (rc != MDX_OK || buf.failed) {
    mdx_buf_free(&buf);
    throw_code(env, rc != MDX_OK ? rc : MDX_ENOMEM, NULL);
    return NULL;
  }
  napi_value result;
  /* Pure ASCII output (the usual case) is also Latin-1, which V8 copies without decoding. */
  napi_status status = is_ascii(buf.data, buf.len)
                           ? napi_create_string_latin1(env, buf.len ? buf.data : "", buf.len, &result)
                           : napi_create_string_utf8(env, buf.len ? buf.data : "", buf.len, &result);
  mdx_buf_free(&buf);
  NAPI_CALL(env, status);
  return result;
}

static napi_value js_dispose(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg = NULL;
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, &arg, NULL, NULL));
  bool is_ab = false;
  if (argc >= 1) napi_is_arraybuffer(env, arg, &is_ab);
  bool external = false, copy = false;
  if (is_ab) {
    napi_check_object_type_tag(env, arg, &EXTERNAL_TAG, &external);
    if (!external) napi_check_object_type_tag(env, arg, &COPY_TAG, &copy);
  }
  if (!external && !copy) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                          "omni-mdx: dispose() expects a buffer returned by parseToBuffer()");
    return NULL;
  }
  bool detached = false;
  NAPI_CALL(env, napi_is_detached_arraybuffer(env, arg, &detached));
  if (detached) return NULL; /* disposed already: harmless */
  if (external) {
    void *data = NULL;
    size_t size = 0;
    NAPI_CALL(env, napi_get_arraybuffer_info(env, arg, &data, &size));
    ocp_handle *handle;
    memcpy(&handle, (char *)data - ADDON_PREFIX, sizeof handle);
    /* Detach first so no view can read the memory we are about to free. */
    NAPI_CALL(env, napi_detach_arraybuffer(env, arg));
    block_free(env, handle);
    return NULL;
  }
  NAPI_CALL(env, napi_detach_arraybuffer(env, arg));
  return NULL;
}

static napi_value js_stats(napi_env env, napi_callback_info info) {
  (void)info;
  addon_state *state = get_state(env);
  napi_value result, value;
  NAPI_CALL(env, napi_create_object(env, &result));
  napi_create_double(env, (double)state->outstanding_bytes, &value);
  set_named(env, result, "outstandingBytes", value);
  napi_create_double(env, (double)state->outstanding_buffers, &value);
  set_named(env, result, "outstandingBuffers", value);
  napi_create_double(env, (double)state->copies, &value);
  set_named(env, result, "copies", value);
  napi_create_double(env, (double)ADDON_EXTERNAL_BUDGET, &value);
  set_named(env, result, "budgetBytes", value);
  return result;
}

static napi_value init(napi_env env, napi_value exports) {
  addon_state *state = calloc(1, sizeof *state);
  if (!state) {
    napi_throw_error(env, "ERR_OMNI_MDX_NOMEM", "omni-mdx: out of memory");
    return NULL;
  }
  state->env_alive = 1;
  if (napi_set_instance_data(env, state, state_finalize, NULL) != napi_ok) {
    free(state);
    throw_last_error(env);
    return NULL;
  }
  napi_property_descriptor props[] = {
      {"parse", NULL, js_parse, NULL, NULL, NULL, napi_enumerable, NULL},
      {"toHtml", NULL, js_to_html, NULL, NULL, NULL, napi_enumerable, NULL},
      {"dispose", NULL, js_dispose, NULL, NULL, NULL, napi_enumerable, NULL},
      {"stats", NULL, js_stats, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  NAPI_CALL(env, napi_define_properties(env, exports, sizeof props / sizeof props[0], props));
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
