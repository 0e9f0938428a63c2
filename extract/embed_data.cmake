# cmake -DIN=<file> -DOUT=<header> -DNAME=<identifier> -P embed_data.cmake
# Writes <header> holding the text of <file> as `constexpr std::string_view NAME`, so a data
# table is compiled into the library that reads it (see extract/data/currencies.tsv).
file(READ "${IN}" content)
string(FIND "${content}" ")tsv\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw-string delimiter )tsv\"")
endif()
file(WRITE "${OUT}.tmp"
  "// Generated from ${IN} by extract/embed_data.cmake at build time; do not edit.\n"
  "#pragma once\n#include <string_view>\n"
  "constexpr std::string_view ${NAME} = R\"tsv(${content})tsv\";\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
