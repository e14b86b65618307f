# The Debian package: `cmake --build build --target package` (or `cpack` in
# the build folder) writes build/qahub_VERSION_ARCH.deb with the qahub binary,
# its manual page and its bash completion, both made by the binary from its
# own --help text (generator/cli/manual.h). Depends comes from
# dpkg-shlibdeps: the runtime libraries, never a -dev package.
include(GNUInstallDirs)

add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/qahub.1.gz ${CMAKE_BINARY_DIR}/qahub.bash-completion
  COMMAND $<TARGET_FILE:qahub> manual > ${CMAKE_BINARY_DIR}/qahub.1
  COMMAND gzip -9 -n -f ${CMAKE_BINARY_DIR}/qahub.1
  COMMAND $<TARGET_FILE:qahub> completion bash > ${CMAKE_BINARY_DIR}/qahub.bash-completion
  DEPENDS qahub
  COMMENT "Manual page and bash completion from qahub --help"
  VERBATIM)
add_custom_target(qahub_docs ALL DEPENDS ${CMAKE_BINARY_DIR}/qahub.1.gz ${CMAKE_BINARY_DIR}/qahub.bash-completion)

install(TARGETS qahub RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${CMAKE_BINARY_DIR}/qahub.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_BINARY_DIR}/qahub.bash-completion DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME qahub)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME qahub)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "qahub")
set(CPACK_PACKAGE_CONTACT "qahub maintainers <https://github.com/qahub/qahub/issues>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "static site generator for children's services quality assurance hubs")
set(CPACK_PACKAGE_DESCRIPTION
    "qahub compiles a practice hub kept as Markdown and JSON in git (practice framework, forums, audit cycles, \
findings, actions, learning reports and briefs) into an accessible, searchable static intranet.")
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build" "/node_modules/" "/public/" "/\\\\.git/")
include(CPack)
