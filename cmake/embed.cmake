# Writes OUTPUT, a C file that defines wc_builtin_data (or NAME, if given),
# pointing at the bytes of INPUT (NUL-terminated) and wc_builtin_data_len (or
# NAME_len). CMake's own file(READ HEX) keeps the build free of xxd or any
# other tool.
if(NOT DEFINED NAME)
  set(NAME wc_builtin_data)
endif()
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
  "const char *const ${NAME} = (const char *)bytes;\n"
  "const size_t ${NAME}_len = ${byte_len};\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
