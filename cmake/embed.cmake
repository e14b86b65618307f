# Embeds files into the qahub binary so `qahub build --site ANY_DIR` works
# without an installed theme. Each file becomes a byte array in a generated
# .cc file; the list is regenerated whenever one of the inputs changes.
#
# qahub_embed(OUTPUT out.cc NAMESPACE ns FILES name=path ...)
function(qahub_embed)
  cmake_parse_arguments(E "" "OUTPUT;NAMESPACE" "FILES" ${ARGN})
  set(paths "")
  foreach(pair IN LISTS E_FILES)
    string(REGEX REPLACE "^[^=]*=" "" path "${pair}")
    list(APPEND paths "${path}")
  endforeach()
  string(REPLACE ";" "|" files_arg "${E_FILES}")
  add_custom_command(
    OUTPUT ${E_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${E_OUTPUT} -DNAMESPACE=${E_NAMESPACE}
            "-DFILES=${files_arg}" -P ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${paths} ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${E_NAMESPACE} files"
    VERBATIM)
endfunction()
