# Writes OUTPUT, a C file that defines wc_builtin_data, pointing at the bytes of
# INPUT (NUL-terminated) and wc_builtin_data_len. CMake's own file(READ HEX)
# keeps the build free of xxd or any other tool.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR byte_len "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)"
       "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
  "/* Generated from ${INPUT} by cmake/embed.cmake: do not edit. */\n"
  "#include <stddef.h>\n"
  "static const unsigned char bytes[] = {\n${bytes}0x00};\n"
  "const char *const wc_builtin_data = (const char *)bytes;\n"
  "const size_t wc_builtin_data_len = ${byte_len};\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
